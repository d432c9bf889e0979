/** How the coverage screens write periods, months, percentages and the domain's named codes. */
import { m } from '$lib/paraglide/messages.js';
import { formatNumber, intlLocale, localized } from '$lib/components/labels.ts';
import type { Text } from '$lib/domain/text.ts';
import type { Period } from '$lib/domain/coverage/filters.ts';

/** "–" rather than "0 %" when nothing is registered: there is no gap to show (figures.ts). */
export function percentText(percent: number | null): string {
	return percent === null ? '–' : `${formatNumber(percent, 1)} %`;
}

function dayText(day: string, style: 'long' | 'short' = 'long'): string {
	return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: style === 'long' ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(`${day}T00:00:00Z`)
	);
}

export function periodText(period: Period): string {
	return m.coverage_period_range({ from: dayText(period.from), to: dayText(period.to) });
}

export function shortDay(day: string): string {
	return dayText(day, 'short');
}

/** `2026-03` as "Mar 2026" (or "Mar" with `short`). */
export function monthText(month: string, short = false): string {
	return new Intl.DateTimeFormat(intlLocale(), { month: 'short', year: short ? undefined : 'numeric', timeZone: 'UTC' }).format(
		new Date(`${month}-01T00:00:00Z`)
	);
}

/** An ISO moment in Kosovo's time, as the people who were there read it. */
export function momentText(iso: string): string {
	return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Belgrade' }).format(new Date(iso));
}

/** A named code in the reader's language, or the code itself until it gets a name. */
export function named(names: Record<string, Text>, code: string | null): string {
	if (code === null) return '–';
	const name = names[code];
	return name ? localized(name) : code;
}

export function compareText(a: string, b: string): number {
	return a.localeCompare(b, intlLocale());
}
