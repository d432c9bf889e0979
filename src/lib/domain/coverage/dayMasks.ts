/**
 * Calendar days as bit masks, the shape in which the coverage rollups keep the days a venue was
 * inspected: one `bit(366)` per venue and year, day n of the year at bit n counted from the right
 * (as in an integer). A period becomes one mask per year it touches, so "inspected in the period"
 * is one AND per stored row; and the last visit up to day k is the first set bit of the mask's
 * leftmost part, which PostgreSQL's `position` finds without turning the mask into text.
 */

export const DAYS_IN_MASK = 366;

export type YearMask = { year: number; mask: string; firstDay: number; lastDay: number };

const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** 1 for 1 January; 366 for 31 December of a leap year. */
export function dayOfYear(date: string): number {
	return Math.round((utc(date) - utc(`${date.slice(0, 4)}-01-01`)) / 86_400_000) + 1;
}

/** Days `firstDay` to `lastDay` (1-based, inclusive) set, as PostgreSQL reads a bit string literal. */
export function maskOf(firstDay: number, lastDay: number): string {
	return '0'.repeat(DAYS_IN_MASK - lastDay) + '1'.repeat(lastDay - firstDay + 1) + '0'.repeat(firstDay - 1);
}

export const emptyMask = '0'.repeat(DAYS_IN_MASK);

/** The masks of the inclusive period `from`–`to` (YYYY-MM-DD), one per calendar year, in order. */
export function yearMasks(from: string, to: string): YearMask[] {
	const first = Number(from.slice(0, 4));
	const last = Number(to.slice(0, 4));
	const masks: YearMask[] = [];
	for (let year = first; year <= last; year++) {
		const firstDay = year === first ? dayOfYear(from) : 1;
		const lastDay = year === last ? dayOfYear(to) : dayOfYear(`${year}-12-31`);
		masks.push({ year, mask: maskOf(firstDay, lastDay), firstDay, lastDay });
	}
	return masks;
}
