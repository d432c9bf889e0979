/**
 * What the persons screen shows about one person while the questions are answered: the screening
 * rule's result, each dimension with the indicators that point to it, whether the person is a
 * minor, and the Nordic "take aside" habit. Derived from the answers alone by screenAnswers, as the
 * server derives the stored result, so the device and the server never disagree.
 */
import { indicatorIdsFromAnswers, visibleItems, type Answers, type ChecklistTemplate } from '../checklist/template.ts';
import type { Dimension, Indicator } from './indicators.ts';
import { indicatorById } from './catalogue/index.ts';
import type { AgeBand } from './screen.ts';
import { screenAnswers, type AnswersScreening } from './screenAnswers.ts';

export type DimensionFinding = { dimension: Dimension; present: boolean; indicators: Indicator[] };

/**
 * Nordic guidance: one clear "yes", or two answers that are not a clear "no", is enough to take the
 * person aside for a closer, private talk. The yes/no items have no "maybe"; "not observed" (the
 * person did not or could not answer) is the nearest, so it counts as one.
 */
export type TakeAside = { yes: number; unclear: number; advised: boolean };

export type PersonScreening = AnswersScreening & {
	/** Dimensions with at least one indicator answered "yes", in the publication's order. */
	findings: DimensionFinding[];
	takeAside: TakeAside;
};

export function screenPersonAnswers(template: ChecklistTemplate, answers: Answers, ageBand: AgeBand): PersonScreening {
	const screening = screenAnswers(template, answers, ageBand);
	const indicatorIds = indicatorIdsFromAnswers(template, answers);

	const byDimension = new Map<Dimension, Indicator[]>();
	for (const id of indicatorIds) {
		const indicator = indicatorById(id);
		if (!indicator) continue;
		byDimension.set(indicator.dimension, [...(byDimension.get(indicator.dimension) ?? []), indicator]);
	}
	const findings = [...byDimension.entries()]
		.sort(([a], [b]) => a - b)
		.map(([dimension, indicators]) => ({
			dimension,
			present: screening.dimensionsPresent.includes(dimension),
			indicators
		}));

	return { ...screening, findings, takeAside: takeAsideFrom(template, answers) };
}

function takeAsideFrom(template: ChecklistTemplate, answers: Answers): TakeAside {
	const personItems = template.sections
		.filter((section) => section.scope === 'person')
		.flatMap((section) => section.items);
	const shown = visibleItems({ id: 'person', scope: 'person', title: template.title, items: personItems }, answers);
	const indicatorAnswers = shown.filter((item) => item.indicator).map((item) => answers[item.id]);
	const yes = indicatorAnswers.filter((answer) => answer === 'yes').length;
	const unclear = indicatorAnswers.filter((answer) => answer === 'notObserved').length;
	return { yes, unclear, advised: yes >= 1 || unclear >= 2 };
}
