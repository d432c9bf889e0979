/**
 * Dates, figures and names stored in three languages, written in the reader's language. Dates and
 * figures do not go through Intl's locale data (domain/format/localeFormat.ts says why); the names
 * of codes are in `labels/`.
 */
import { getLocale } from '$lib/paraglide/runtime.js';
import * as localeFormat from '$lib/domain/format/localeFormat.ts';
import type { DateStyle, MomentOptions } from '$lib/domain/format/localeFormat.ts';

/**
 * The Intl tag for what Intl still does itself: sorting names (compareText). Serbian is written in
 * Latin script here (DOMAIN.md), so Intl must not default to Cyrillic.
 */
const intlLocales = { en: 'en-GB', sq: 'sq', sr: 'sr-Latn' } as const;

export function intlLocale(): string {
	return intlLocales[getLocale()];
}

/** Names stored in three languages (agencies, municipalities) shown in the reader's language. */
export function localized(text: { en: string; sq: string; sr: string }): string {
	return text[getLocale()];
}

/** Formats a calendar day (`YYYY-MM-DD`) with its weekday; no time zone can shift the day. */
export function formatDay(day: string): string {
	return localeFormat.formatDay(day, getLocale(), 'weekday');
}

export function formatNumber(value: number, fractionDigits = 0): string {
	return localeFormat.formatNumber(value, getLocale(), fractionDigits);
}

/** A percentage given in points: 12.5 is "12.5 %" in English, "12,5%" in Albanian and Serbian. */
export function formatPercent(percent: number, fractionDigits = 1): string {
	return localeFormat.formatPercent(percent, getLocale(), fractionDigits);
}

/** The date of an instant (`Date` or ISO text); in the device's zone unless `timeZone` says. */
export function formatDate(at: Date | string, options: { style?: DateStyle; timeZone?: string } = {}): string {
	return localeFormat.formatDate(new Date(at), getLocale(), options);
}

/** Date and 24-hour time of an instant (`Date` or ISO text); in the device's zone unless `timeZone` says. */
export function formatDateTime(at: Date | string, options: MomentOptions & { style?: DateStyle } = {}): string {
	return localeFormat.formatDateTime(new Date(at), getLocale(), options);
}

/**
 * "24 Nov 2026, 21:40" in the reader's language, on the device's clock: when a referral was made,
 * a photo taken. `locale` is a language tag ('sq', 'sr-Latn', 'en-GB').
 */
export function formatMoment(iso: string, locale: string): string {
	return localeFormat.formatDateTime(new Date(iso), localeFormat.toFormatLocale(locale), { style: 'medium' });
}

/** A size in bytes as the storage screens show it: "840 KB", "12.5 MB", "1.2 GB" (in the reader's numbers). */
export function formatBytes(bytes: number): string {
	if (bytes < 1_000_000) return `${formatNumber(Math.max(1, Math.round(bytes / 1000)))} KB`;
	if (bytes < 1_000_000_000) return `${formatNumber(bytes / 1_000_000, 1)} MB`;
	return `${formatNumber(bytes / 1_000_000_000, 1)} GB`;
}
