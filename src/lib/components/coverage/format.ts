/** How the coverage screens write periods, months and percentages. */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { formatDateTime, formatPercent, intlLocale } from '$lib/components/format.ts';
import { formatDay, formatMonth } from '$lib/domain/format/localeFormat.ts';
import type { Period } from '$lib/domain/coverage/filters.ts';
import { reportingZone } from '$lib/components/reportingZone.ts';

/** "–" rather than "0 %" when nothing is registered: there is no gap to show (figures.ts). */
export function percentText(percent: number | null): string {
	return percent === null ? '–' : formatPercent(percent, 1);
}

function dayText(day: string, style: 'long' | 'short' = 'long'): string {
	return formatDay(day, getLocale(), style === 'long' ? 'long' : 'medium');
}

export function periodText(period: Period): string {
	return m.coverage_period_range({ from: dayText(period.from), to: dayText(period.to) });
}

export function shortDay(day: string): string {
	return dayText(day, 'short');
}

/** `2026-03` as "Mar 2026" (or "Mar" with `short`). */
export function monthText(month: string, short = false): string {
	return formatMonth(month, getLocale(), !short);
}

/** An ISO moment in the reports' zone (Kosovo's time by default), as the people who were there read it. */
export function momentText(iso: string): string {
	return formatDateTime(iso, { style: 'medium', timeZone: reportingZone() });
}

export function compareText(a: string, b: string): number {
	return a.localeCompare(b, intlLocale());
}
