/**
 * The figures of the coverage dashboard and the arithmetic done on them after SQL has counted:
 * percentages, months of a period, and report categories filled out with zeros.
 */
import type { Period } from './filters.ts';

export type CoverageFigures = {
	/** Venues on the register when the figures are read (see server/coverage/figures.ts). */
	registeredVenues: number;
	/** Distinct venues with a counted inspection, whatever their register status. */
	venuesInspected: number;
	/** Of those, the ones still on the register: the numerator of the coverage. */
	registeredVenuesInspected: number;
	/** 0–100 with one decimal; null when nothing is registered, since 0 % would claim a gap. */
	coveragePercent: number | null;
	inspections: number;
	inspectionsWithIndicators: number;
	screenedPersons: number;
	possibleVictims: number;
	referrals: number;
	premisesClosed: number;
};

export type CountedFigures = Omit<
	CoverageFigures,
	'registeredVenues' | 'registeredVenuesInspected' | 'coveragePercent'
>;

export const noCountedFigures: CountedFigures = {
	venuesInspected: 0,
	inspections: 0,
	inspectionsWithIndicators: 0,
	screenedPersons: 0,
	possibleVictims: 0,
	referrals: 0,
	premisesClosed: 0
};

/** A share in percent rounded half up to one decimal; null for an empty whole. */
export function percent(part: number, whole: number): number | null {
	if (whole <= 0) return null;
	// Integer arithmetic first, so 1/8 = 12.5 % does not round down through 12.4999….
	return Math.round((part * 1000) / whole) / 10;
}

export function coverageFigures(
	registered: { registeredVenues: number; registeredVenuesInspected: number },
	counted: CountedFigures
): CoverageFigures {
	return {
		registeredVenues: registered.registeredVenues,
		registeredVenuesInspected: registered.registeredVenuesInspected,
		coveragePercent: percent(registered.registeredVenuesInspected, registered.registeredVenues),
		...counted
	};
}

/** Every month the period touches, as YYYY-MM, so a trend shows quiet months as zeros. */
export function monthsOf({ from, to }: Period): string[] {
	const months: string[] = [];
	let [year, month] = from.split('-').map(Number) as [number, number];
	const last = to.slice(0, 7);
	for (;;) {
		const current = `${year}-${String(month).padStart(2, '0')}`;
		if (current > last) return months;
		months.push(current);
		month = month === 12 ? 1 : month + 1;
		if (month === 1) year++;
	}
}

/**
 * One row per category in the report's order, zeros included; values recorded outside the list
 * (an older template's option) are kept after it rather than dropped from the totals.
 */
export function fillCategories<K extends string, R extends Record<K, string>>(
	categories: readonly string[],
	key: K,
	rows: R[],
	empty: (category: string) => R
): R[] {
	const found = new Map<string, R>(rows.map((row) => [row[key], row]));
	const listed = categories.map((category) => found.get(category) ?? empty(category));
	const extra = rows.filter((row) => !categories.includes(row[key])).sort((a, b) => a[key].localeCompare(b[key]));
	return [...listed, ...extra];
}
