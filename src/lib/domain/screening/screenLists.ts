/**
 * Which of the publication's four lists a person is screened on, and the screening on each.
 * Presumption of minority: a person who is or may be a minor is screened on the children's lists.
 * When the form of exploitation is not known, the person is screened on both forms and both results
 * are shown; the recorded result is the more serious one, so a possible victim is never hidden by
 * the list that happened to be read first.
 */
import type { ConceptKey, ExploitationForm, ListId } from './indicators.ts';
import { listId } from './indicators.ts';
import { listCatalogue, listRow } from './catalogue/v2/index.ts';
import { screenPerson, type Screening } from './screen.ts';
import { screeningResults, type ScreeningResult } from '../records/codes.ts';

/** The profile's "form of exploitation suspected" answer, read as the lists' two forms. */
const formsByAnswer: Record<string, ExploitationForm[]> = {
	sexual_exploitation: ['sexual'],
	forced_labour: ['labour'],
	forced_begging: ['labour'],
	slavery_servitude: ['labour']
};

export function formsSuspected(answer: unknown): ExploitationForm[] {
	return (typeof answer === 'string' && formsByAnswer[answer]) || ['sexual', 'labour'];
}

export function listsFor(isMinor: boolean, forms: readonly ExploitationForm[]): ListId[] {
	return forms.map((form) => listId(isMinor ? 'child' : 'adult', form));
}

export type ListScreening = Screening & { list: ListId; indicatorCount: number };

const catalogues = new Map<ListId, ReturnType<typeof listCatalogue>>();
function catalogueOfList(list: ListId) {
	let catalogue = catalogues.get(list);
	if (!catalogue) catalogues.set(list, (catalogue = listCatalogue(list)));
	return catalogue;
}

/** Screens the concepts found present on each list; a concept a list does not hold adds nothing there. */
export function screenOnLists(
	present: readonly ConceptKey[],
	isMinor: boolean,
	lists: readonly ListId[]
): ListScreening[] {
	return lists.map((list) => {
		const ids = [...new Set(present)]
			.filter((concept) => listRow(list, concept))
			.map((concept) => `${list}.${concept}`);
		return {
			list,
			indicatorCount: ids.length,
			...screenPerson({ indicatorIds: ids, isChild: isMinor }, catalogueOfList(list))
		};
	});
}

const severity = (result: ScreeningResult) => screeningResults.indexOf(result);

/** The more serious of the lists' results (the first list on a tie): what the record stores and counts. */
export function mostSerious(screenings: readonly ListScreening[]): ListScreening {
	return screenings.reduce((worst, next) => (severity(next.result) > severity(worst.result) ? next : worst));
}
