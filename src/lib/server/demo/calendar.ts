/**
 * Dates for the demo world. Operations are planned in Kosovo's local time (Europe/Belgrade's zone),
 * so "today" and "20:00" mean what a planner in Prishtinë means, whatever the server's zone.
 */

const ZONE = 'Europe/Belgrade';

const zoneParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function partsOf(instant: Date): Record<string, number> {
	const parts: Record<string, number> = {};
	for (const part of zoneParts.formatToParts(instant))
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	return parts;
}

/** The local calendar date (YYYY-MM-DD) of an instant. */
export function kosovoDate(instant: Date): string {
	const p = partsOf(instant);
	return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the ISO week holding `date`. */
export function mondayOf(date: string): string {
	const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
	return addDays(date, -weekday);
}

/** The instant of a local wall-clock time; minutes past 24:00 run into the next day. */
export function kosovoTime(date: string, minutesAfterMidnight: number): Date {
	const guess = Date.parse(`${date}T00:00:00Z`) + minutesAfterMidnight * 60_000;
	const p = partsOf(new Date(guess));
	const shownAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
	return new Date(guess - (shownAsUtc - guess));
}

/** 'HH:MM' for a wall-clock time in minutes, wrapping past midnight. */
export function clock(minutesAfterMidnight: number): string {
	const minutes = ((minutesAfterMidnight % 1440) + 1440) % 1440;
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
