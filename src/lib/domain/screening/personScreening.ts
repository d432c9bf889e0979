/**
 * What the persons screen shows about one person while the questions are answered: the screening
 * rule's result on each list screened on, each dimension with the indicators that point to it and
 * where each came from (said by the person or observed by the team), whether the person is or may
 * be a minor, and the Nordic "take aside" habit. Derived from the answers alone by screenAnswers,
 * as the server derives the stored result, so the device and the server never disagree.
 */
import {
	catalogueOf,
	indicatesPresence,
	visibleItems,
	type Answers,
	type ChecklistItem,
	type ChecklistTemplate
} from '../checklist/template.ts';
import type { Dimension, ListId, Strength } from './indicators.ts';
import type { Text } from '../text.ts';
import { indicatorById } from './catalogue/index.ts';
import { conceptByKey, listRow, listVerified } from './catalogue/v2/index.ts';
import type { AgeBand, Screening } from './screen.ts';
import { screenAnswers, type AnswersScreening } from './screenAnswers.ts';

export type EvidenceSource = 'said' | 'observed';
export type FoundIndicator = { id: string; text: Text; strength: Strength; source: EvidenceSource };
export type DimensionFinding = { dimension: Dimension; present: boolean; indicators: FoundIndicator[] };
export type ListView = Screening & { list: ListId; verified: boolean; findings: DimensionFinding[] };

/**
 * Nordic guidance: one clear "yes", or two answers that are not a clear "no", is enough to take the
 * person aside for a closer, private talk. "Unclear" is the person's own uncertain answer (on a
 * version 1 template, "not observed" is the nearest); a question not asked counts for nothing.
 */
export type TakeAside = { yes: number; unclear: number; advised: boolean };

export type PersonScreening = AnswersScreening & {
	/** Each list screened on, with what pointed to it, in the order shown. */
	listViews: ListView[];
	/** The most serious list's dimensions (the first list's when all agree). */
	findings: DimensionFinding[];
	takeAside: TakeAside;
};

export function screenPersonAnswers(template: ChecklistTemplate, answers: Answers, ageBand: AgeBand): PersonScreening {
	const screening = screenAnswers(template, answers, ageBand);
	const found = foundItems(template, answers);
	const listViews = screening.lists.map((list) => {
		const indicators = found.flatMap(({ indicator, source }) => {
			const seen = indicatorIn(catalogueOf(template), list.list, indicator);
			return seen ? [{ ...seen, source }] : [];
		});
		return {
			list: list.list,
			result: list.result,
			elements: list.elements,
			dimensionsPresent: list.dimensionsPresent,
			verified: catalogueOf(template) === 2 && listVerified(list.list),
			findings: findingsOf(indicators, list.dimensionsPresent)
		};
	});
	const worst = listViews.find((view) => view.result === screening.result) ?? listViews[0]!;
	return { ...screening, listViews, findings: worst.findings, takeAside: takeAsideFrom(template, answers) };
}

type Found = { indicator: string; source: EvidenceSource };

/** The indicators the visible answers point to, each once, "observed" where the team saw it. */
function foundItems(template: ChecklistTemplate, answers: Answers): Found[] {
	const found = new Map<string, EvidenceSource>();
	const note = (indicator: string, source: EvidenceSource) => {
		if (found.get(indicator) !== 'said') found.set(indicator, source);
	};
	for (const item of personItems(template, answers)) {
		const answer = answers[item.id];
		if (item.indicator && indicatesPresence(answer)) note(item.indicator, answer === 'observed' ? 'observed' : 'said');
		for (const option of item.options ?? []) {
			if (option.indicator && answer === option.id) note(option.indicator, 'said');
		}
	}
	return [...found].map(([indicator, source]) => ({ indicator, source }));
}

type Seen = Omit<FoundIndicator, 'source'> & { dimension: Dimension };

function indicatorIn(catalogue: 1 | 2, list: ListId, indicator: string): Seen | undefined {
	if (catalogue === 1) {
		const v1 = indicatorById(indicator);
		return v1 && { id: v1.id, text: v1.text, strength: v1.strength, dimension: v1.dimension };
	}
	const concept = conceptByKey(indicator);
	const row = listRow(list, indicator);
	return (
		concept &&
		row && { id: `${list}.${indicator}`, text: concept.text, strength: row.strength, dimension: concept.dimension }
	);
}

function findingsOf(indicators: (Seen & { source: EvidenceSource })[], present: Dimension[]): DimensionFinding[] {
	const byDimension = new Map<Dimension, FoundIndicator[]>();
	for (const { dimension, ...indicator } of indicators) {
		byDimension.set(dimension, [...(byDimension.get(dimension) ?? []), indicator]);
	}
	return [...byDimension.entries()]
		.sort(([a], [b]) => a - b)
		.map(([dimension, found]) => ({ dimension, present: present.includes(dimension), indicators: found }));
}

function personItems(template: ChecklistTemplate, answers: Answers): ChecklistItem[] {
	const items = template.sections.filter((section) => section.scope === 'person').flatMap((section) => section.items);
	return visibleItems({ id: 'person', scope: 'person', title: template.title, items }, answers);
}

function takeAsideFrom(template: ChecklistTemplate, answers: Answers): TakeAside {
	const unclearAnswer = catalogueOf(template) === 1 ? 'notObserved' : 'unclear';
	const indicatorAnswers = personItems(template, answers)
		.filter((item) => item.indicator)
		.map((item) => answers[item.id]);
	const yes = indicatorAnswers.filter((answer) => answer === 'yes').length;
	const unclear = indicatorAnswers.filter((answer) => answer === unclearAnswer).length;
	return { yes, unclear, advised: yes >= 1 || unclear >= 2 };
}
