/**
 * A period cut into the calendar months it holds whole and the days at its ends that are not in
 * one: the coverage rollups keep each month's sums beside its days (server/coverage/months.ts), so a
 * year's report reads twelve months of rows instead of 365 days of them.
 */
export type PeriodParts = {
	/** First days of the months wholly in the period, as a range; null when it holds none. */
	months: { first: string; last: string } | null;
	/** The day ranges outside those months, at most one at each end. */
	days: { from: string; to: string }[];
};

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (day: string) => new Date(`${day}T00:00:00Z`);

/** The first day of the month `offset` months after `day`'s. */
function monthStart(day: string, offset = 0): string {
	const date = utc(day);
	return iso(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1)));
}

function dayBefore(day: string): string {
	const date = utc(day);
	date.setUTCDate(date.getUTCDate() - 1);
	return iso(date);
}

export function periodParts(from: string, to: string): PeriodParts {
	if (from > to) return { months: null, days: [] };
	const firstWhole = from === monthStart(from) ? from : monthStart(from, 1);
	// The month after the last one ending inside the period.
	const afterLastWhole = to === dayBefore(monthStart(to, 1)) ? monthStart(to, 1) : monthStart(to);
	if (firstWhole >= afterLastWhole) return { months: null, days: [{ from, to }] };
	const days: PeriodParts['days'] = [];
	if (from < firstWhole) days.push({ from, to: dayBefore(firstWhole) });
	if (afterLastWhole <= to) days.push({ from: afterLastWhole, to });
	return { months: { first: firstWhole, last: monthStart(afterLastWhole, -1) }, days };
}
