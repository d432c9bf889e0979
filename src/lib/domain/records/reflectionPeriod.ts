/**
 * The reflection and recovery period of a possible victim (docs/DOMAIN.md, "After a possible victim
 * is found"): 90 days under the current SOP, from the day it starts. Its dates are Kosovo calendar
 * days (`YYYY-MM-DD`), not moments: the period ends on a date whatever the clocks do, so the
 * arithmetic runs on calendar days in UTC, where no day is 23 or 25 hours long.
 */

export const REFLECTION_DAYS = 90;
/** The team and supervisors are reminded this many days before the period ends. */
export const REFLECTION_REMINDER_DAYS = 14;

const DAY_MS = 86_400_000;
const calendarDay = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(day: string): number {
	const parts = calendarDay.exec(day);
	if (!parts) throw new RangeError(`not a calendar date: ${day}`);
	return Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])) / DAY_MS;
}

function dayOf(number: number): string {
	return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** The day the period ends: the start plus 90 days. The one place this sum is made. */
export function reflectionEnd(start: string): string {
	return dayOf(dayNumber(start) + REFLECTION_DAYS);
}

/** The last day before the end from which a reminder is shown (the end minus 14 days). */
export function reflectionReminderFrom(start: string): string {
	return dayOf(dayNumber(start) + REFLECTION_DAYS - REFLECTION_REMINDER_DAYS);
}

/**
 * `running` until 14 days before the end, then `ending` up to and including the end day, then
 * `ended`: a period that has run out is shown until someone records what followed.
 */
export type ReflectionState = 'running' | 'ending' | 'ended';

export type ReflectionPeriod = { start: string; end: string; state: ReflectionState; daysLeft: number };

export function reflectionPeriod(start: string, today: string): ReflectionPeriod {
	const end = reflectionEnd(start);
	const daysLeft = dayNumber(end) - dayNumber(today);
	const state: ReflectionState = daysLeft < 0 ? 'ended' : daysLeft <= REFLECTION_REMINDER_DAYS ? 'ending' : 'running';
	return { start, end, state, daysLeft };
}

/** Whether the period asks for a reminder today (ending soon, or ended). */
export function reflectionNeedsReminder(start: string | null | undefined, today: string): boolean {
	return !!start && reflectionPeriod(start, today).state !== 'running';
}
