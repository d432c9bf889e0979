/**
 * The screening of one person from the answers to the person questions: the one function the
 * device (personScreening.ts), the server's check of a pushed person (server/sync/fieldRules.ts)
 * and the demo data use, so that they never disagree on a result. The template names its
 * catalogue: records keep the version they were screened with.
 */
import { catalogueOf, indicatorIdsFromAnswers, type Answers, type ChecklistTemplate } from '../checklist/template.ts';
import { isMinorAgeBand, screenPerson, type AgeBand, type Screening } from './screen.ts';
import { formsSuspected, listsFor, mostSerious, screenOnLists, type ListScreening } from './screenLists.ts';

/** Profile answers the screening reads (checklist/default/personProfile.ts). */
export const MAY_BE_MINOR_ITEM = 'may_be_minor';
export const EXPLOITATION_FORM_ITEM = 'exploitation_form';

export type ListResult = Pick<ListScreening, 'list' | 'result' | 'dimensionsPresent'>;

export type AnswersScreening = Screening & {
	isMinor: boolean;
	catalogueVersion: 1 | 2;
	/** Each list screened on, in the order shown; the top-level result is the most serious. */
	lists: ListScreening[];
};

/**
 * Presumption of minority: a minor band, or an unknown age the team marks "may be a minor".
 * Catalogue version 1 templates have no such item and read the band only, as they always did.
 */
export function presumedMinor(ageBand: AgeBand, answers: Answers): boolean {
	return isMinorAgeBand(ageBand) || (ageBand === 'unknown' && answers[MAY_BE_MINOR_ITEM] === 'yes');
}

export function screenAnswers(template: ChecklistTemplate, answers: Answers, ageBand: AgeBand): AnswersScreening {
	const present = indicatorIdsFromAnswers(template, answers);
	if (catalogueOf(template) === 1) {
		// Version 1: adults × labour only; a child needs no means of coercion (screen.ts).
		const isMinor = isMinorAgeBand(ageBand);
		const screening = screenPerson({ indicatorIds: present, isChild: isMinor });
		const list: ListScreening = { ...screening, list: 'adult_labour', indicatorCount: present.length };
		return { ...screening, isMinor, catalogueVersion: 1, lists: [list] };
	}
	const isMinor = presumedMinor(ageBand, answers);
	const lists = screenOnLists(present, isMinor, listsFor(isMinor, formsSuspected(answers[EXPLOITATION_FORM_ITEM])));
	const { dimensionsPresent, result, elements } = mostSerious(lists);
	return { dimensionsPresent, result, elements, isMinor, catalogueVersion: 2, lists };
}

/** What the record stores of each list screened on. */
export function listResults(screening: AnswersScreening): ListResult[] {
	return screening.lists.map(({ list, result, dimensionsPresent }) => ({ list, result, dimensionsPresent }));
}
