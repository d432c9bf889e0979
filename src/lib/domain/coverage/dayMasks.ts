/**
 * Calendar days as bit masks, the shape in which the coverage rollups keep the days a venue was
 * inspected: one `bit(366)` per venue and year, day n of the year at bit n counted from the right
 * (as in an integer). A period becomes one mask per year it touches, so "inspected in the period"
 * is one AND per stored row; and the last visit up to day k is the first set bit of the mask's
 * leftmost part, which PostgreSQL's `position` finds without turning the mask into text.
 */

export const DAYS_IN_MASK = 366;

/**
 * `months`: when the year's days in the period are whole calendar months, those months as bits
 * (January the rightmost), which the rollups also keep per venue and year: testing an integer is
 * cheaper than testing 366 bits. Null when the period starts or ends inside a month of that year.
 */
export type YearMask = { year: number; mask: string; firstDay: number; lastDay: number; months: number | null };

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
		const start = year === first ? from : `${year}-01-01`;
		const end = year === last ? to : `${year}-12-31`;
		masks.push({ year, mask: maskOf(firstDay, lastDay), firstDay, lastDay, months: wholeMonths(start, end) });
	}
	return masks;
}

/** The months from `start` to `end` (one year) as bits, if they are whole months; else null. */
function wholeMonths(start: string, end: string): number | null {
	const next = new Date(utc(end) + 86_400_000).toISOString().slice(0, 10);
	if (start.slice(8) !== '01' || next.slice(8) !== '01') return null;
	const firstMonth = Number(start.slice(5, 7));
	const lastMonth = Number(end.slice(5, 7));
	let bits = 0;
	for (let month = firstMonth; month <= lastMonth; month++) bits |= 1 << (month - 1);
	return bits;
}
