/**
 * Checklist answers read off whatever template is published: every item is answered by its kind,
 * in form order, skipping items whose `showIf` is not met, so the answers stay valid for the
 * template the inspection names. How bad things look follows the inspection's outcome.
 */
import type { Random } from './random.ts';
import type {
	Answer,
	Answers,
	ChecklistItem,
	ChecklistTemplate,
	TemplateScope
} from '../../domain/checklist/template.ts';
import type { InspectionOutcome } from '../../domain/records/codes.ts';
import { normaliseNationality } from '../../domain/records/nationality.ts';
import type { PeoplePresent } from '../db/schema.ts';

export type Outcome = InspectionOutcome;

/**
 * Venue items where "yes" is what a compliant business shows (registered, contracts, insurance).
 * Every other venue yes/no item is read as a warning sign, which is what the venue part asks about.
 */
const compliantWhenYes = new Set([
	'business_registered',
	'working_time_records',
	'wages_at_least_minimum',
	'written_contracts',
	'social_insurance',
	'foreign_workers_permitted'
]);

/** Chance of a "yes" on a compliance item and on a warning sign, by what the team concluded. */
const venueOdds: Record<Outcome, { compliant: number; warning: number }> = {
	no_findings: { compliant: 0.93, warning: 0.03 },
	labour_violations: { compliant: 0.45, warning: 0.15 },
	trafficking_indicators_referred: { compliant: 0.25, warning: 0.55 },
	premises_closed: { compliant: 0.2, warning: 0.4 },
	could_not_inspect: { compliant: 0, warning: 0 }
};

const freeText = [
	'Exposed wiring and no fire extinguisher in the kitchen.',
	'Emergency exit used as storage.',
	'Gas cylinders stored next to the stove.',
	'No first-aid kit; wet floors without warning signs.'
];

function isShown(item: ChecklistItem, answers: Answers): boolean {
	if (!item.showIf) return true;
	const given = answers[item.showIf.item];
	return Array.isArray(given) ? given.includes(String(item.showIf.equals)) : given === item.showIf.equals;
}

function itemsOf(template: ChecklistTemplate, scope: TemplateScope): ChecklistItem[] {
	return template.sections.filter((s) => s.scope === scope).flatMap((s) => s.items);
}

/** Counts of people are matched to number items by what they count; other numbers stay small. */
function countFor(random: Random, itemId: string, people: PeoplePresent & { minors: number }): number {
	if (itemId.includes('women')) return people.women;
	if (itemId.includes('minor')) return people.minors;
	if (itemId.includes('men')) return people.men;
	return random.int(0, 3);
}

function yesNo(random: Random, yesChance: number): Answer {
	if (random.chance(0.04)) return 'notObserved';
	return random.chance(yesChance) ? 'yes' : 'no';
}

export function venueAnswers(
	random: Random,
	template: ChecklistTemplate,
	outcome: Outcome,
	people: PeoplePresent & { minors: number }
): Answers {
	const answers: Answers = {};
	// A team that could not get in records only what the form insists on, as "not observed"
	// and nobody counted, so the inspection still validates against its template.
	if (outcome === 'could_not_inspect') {
		for (const item of itemsOf(template, 'venue')) {
			if (!item.required || !isShown(item, answers)) continue;
			if (item.kind === 'yesNo') answers[item.id] = 'notObserved';
			else if (item.kind === 'number') answers[item.id] = 0;
			else if (item.kind === 'choice') answers[item.id] = random.pick(item.options ?? []).id;
		}
		return answers;
	}
	const odds = venueOdds[outcome];
	for (const item of itemsOf(template, 'venue')) {
		if (!isShown(item, answers)) continue;
		switch (item.kind) {
			case 'yesNo': {
				const isMinorsItem = item.id.includes('minor');
				const yesChance = compliantWhenYes.has(item.id)
					? odds.compliant
					: isMinorsItem
						? people.minorsPresent
							? 0.8
							: 0
						: odds.warning;
				answers[item.id] = yesNo(random, yesChance);
				break;
			}
			case 'number':
				answers[item.id] = countFor(random, item.id, people);
				break;
			case 'text':
				answers[item.id] = random.pick(freeText);
				break;
			case 'choice':
				answers[item.id] = random.pick(item.options ?? []).id;
				break;
			case 'multiChoice':
				answers[item.id] = random.sample(item.options ?? [], random.int(1, 2)).map((o) => o.id);
				break;
		}
	}
	return answers;
}

/**
 * A person's answers: `profile` holds what was decided about them (sex, age band, nationality…),
 * keyed by item id and used where the template asks it; indicator questions are answered "yes"
 * with `indicatorChance`; anything else the template asks gets a plausible answer.
 */
export function personAnswers(
	random: Random,
	template: ChecklistTemplate,
	profile: Readonly<Record<string, Answer>>,
	indicatorChance: number
): Answers {
	const answers: Answers = {};
	for (const item of itemsOf(template, 'person')) {
		if (!isShown(item, answers)) continue;
		const decided = profile[item.id];
		const optionIds = (item.options ?? []).map((o) => o.id);
		if (item.kind === 'country') {
			// The profile decides a nationality as the old choice did (an option id, or "other" and a name).
			const written = decided === 'other' ? profile[`${item.id}_other`] : decided;
			answers[item.id] = (typeof written === 'string' && normaliseNationality(written)) || 'unknown';
		} else if (decided !== undefined && (item.kind !== 'choice' || optionIds.includes(String(decided)))) {
			answers[item.id] = decided;
		} else if (item.kind === 'indicator') {
			// A night interview asks the core questions and some of the rest; not asked is no answer.
			if (item.more && !random.chance(0.4)) continue;
			answers[item.id] = random.chance(indicatorChance) ? 'yes' : random.chance(0.08) ? 'unclear' : 'no';
		} else if (item.kind === 'yesNo') {
			answers[item.id] = item.indicator
				? random.chance(indicatorChance)
					? 'yes'
					: random.chance(0.1)
						? 'notObserved'
						: 'no'
				: yesNo(random, 0.2);
		} else if (item.kind === 'choice') {
			answers[item.id] = random.pick(optionIds);
		} else if (item.kind === 'multiChoice') {
			answers[item.id] = random.sample(optionIds, 1);
		} else if (item.kind === 'number') {
			answers[item.id] = random.int(0, 3);
		}
	}
	return answers;
}
