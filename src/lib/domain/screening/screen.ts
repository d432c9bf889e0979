/**
 * The screening rule of the ILO/EC operational indicators (2009). A screening aid that prompts
 * a referral, never a legal determination: formal identification is made by police or prosecutors.
 */
import { z } from 'zod';
import type { Dimension, IndicatorCatalogue, IndicatorId, Strength } from './indicators.ts';
import { indicatorCatalogue } from './catalogue/index.ts';
import type { ScreeningResult } from '../records/codes.ts';

/**
 * The publication's threshold: a dimension is present with at least two strong indicators, one
 * strong and one medium or weak, three medium, or two medium and one weak.
 */
export function dimensionPresent(strengths: Strength[]): boolean {
	const strong = strengths.filter((s) => s === 'strong').length;
	const medium = strengths.filter((s) => s === 'medium').length;
	const weak = strengths.filter((s) => s === 'weak').length;
	return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1);
}

export type { ScreeningResult };

export interface ScreeningInput {
	/** Indicators answered "yes". */
	indicatorIds: IndicatorId[];
	isChild: boolean;
}

export interface Screening {
	dimensionsPresent: Dimension[];
	result: ScreeningResult;
	/** The three elements of the Palermo Protocol's definition that the dimensions stand for. */
	elements: { recruitment: boolean; exploitation: boolean; coercion: boolean };
}

export function screenPerson(
	{ indicatorIds, isChild }: ScreeningInput,
	catalogue: IndicatorCatalogue = indicatorCatalogue
): Screening {
	const byId = new Map(catalogue.indicators.map((indicator) => [indicator.id, indicator]));
	const strengthsByDimension = new Map<Dimension, Strength[]>();
	// A set: the same indicator answered twice (e.g. from two items) is still one indicator.
	for (const id of new Set(indicatorIds)) {
		const indicator = byId.get(id);
		// An unknown id means answers and catalogue versions disagree; screening on part of the
		// answers could silently understate a possible victim.
		if (!indicator) throw new Error(`unknown indicator ${id} in catalogue v${catalogue.version}`);
		const found = strengthsByDimension.get(indicator.dimension) ?? [];
		found.push(indicator.strength);
		strengthsByDimension.set(indicator.dimension, found);
	}

	const dimensionsPresent = [...strengthsByDimension.entries()]
		.filter(([, found]) => dimensionPresent(found))
		.map(([dimension]) => dimension)
		.sort((a, b) => a - b);
	const present = (d: Dimension) => dimensionsPresent.includes(d);
	const found = (d: Dimension) => strengthsByDimension.has(d);
	// For a child, recruitment for exploitation is trafficking whatever the means (Palermo
	// Protocol art. 3(c)), so coercion is not required. From catalogue version 2 the children's
	// reading goes on (docs/DOMAIN.md, "The screening rule"): dimensions 1–3 describe the means of
	// recruitment, which do not matter for a child, so one indicator there shows the act; and what
	// dimension 5 describes (forced clients, withheld earnings) is the child's exploitation itself.
	const childReading = isChild && catalogue.version >= 2;
	const elements = {
		recruitment: present(1) || present(2) || present(3) || (childReading && (found(1) || found(2) || found(3))),
		exploitation: present(4) || (childReading && present(5)),
		coercion: present(5) || present(6)
	};
	const combination = elements.recruitment && elements.exploitation && (isChild || elements.coercion);
	const result: ScreeningResult = combination
		? 'possible_victim'
		: strengthsByDimension.size > 0
			? 'indicators_present'
			: 'no_indicators';
	return { dimensionsPresent, result, elements };
}

/** The bands of the national reports, with "under 14" added; recorded instead of an exact age. */
export const ageBands = [
	'under_14',
	'14_17',
	'18_22',
	'23_25',
	'26_30',
	'31_35',
	'36_40',
	'41_50',
	'over_50',
	'unknown'
] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandSchema = z.enum(ageBands);

/**
 * "unknown" is not a minor band: where a person may be a child, the presumption of minority
 * applies, so the inspector records a minor band rather than "unknown".
 */
export function isMinorAgeBand(band: AgeBand): boolean {
	return band === 'under_14' || band === '14_17';
}
