/**
 * Translated names for the domain's enumerations and locale-aware date formatting, so every screen
 * says "Night club" or "Klub nate" the same way. Unknown codes fall back to the code itself rather
 * than to an empty cell: a new enum value must stay visible until it gets its translation.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Role } from '$lib/domain/auth.ts';
import * as localeFormat from '$lib/domain/format/localeFormat.ts';
import type { DateStyle, MomentOptions } from '$lib/domain/format/localeFormat.ts';

type Labels = Record<string, () => string>;

function labelFrom(labels: Labels, code: string): string {
	return labels[code]?.() ?? code;
}

const roleLabels: Record<Role, () => string> = {
	inspector: m.role_inspector,
	planner: m.role_planner,
	supervisor: m.role_supervisor,
	admin: m.role_admin
};

export function roleLabel(role: string): string {
	return labelFrom(roleLabels, role);
}

const agencyLabels: Labels = { police: m.agency_police, labour: m.agency_labour };

export function agencyLabel(code: string): string {
	return labelFrom(agencyLabels, code);
}

const locationKindLabels: Labels = {
	bar: m.location_kind_bar,
	night_club: m.location_kind_night_club,
	massage_parlour: m.location_kind_massage_parlour,
	hotel_motel: m.location_kind_hotel_motel,
	restaurant_cafe: m.location_kind_restaurant_cafe,
	private_apartment: m.location_kind_private_apartment,
	other: m.location_kind_other
};

export function locationKindLabel(kind: string): string {
	return labelFrom(locationKindLabels, kind);
}

const assignmentStatusLabels: Labels = {
	pending: m.assignment_status_pending,
	in_progress: m.assignment_status_in_progress,
	done: m.assignment_status_done,
	not_accessible: m.assignment_status_not_accessible,
	cancelled: m.assignment_status_cancelled
};

export function assignmentStatusLabel(status: string): string {
	return labelFrom(assignmentStatusLabels, status);
}

const operationStatusLabels: Labels = {
	planned: m.operation_status_planned,
	active: m.operation_status_active,
	done: m.operation_status_done,
	cancelled: m.operation_status_cancelled
};

export function operationStatusLabel(status: string): string {
	return labelFrom(operationStatusLabels, status);
}

/**
 * The Intl tag for what Intl still does itself: sorting names (compareText). Serbian is written in
 * Latin script here (docs/DOMAIN.md), so Intl must not default to Cyrillic. Dates and figures do not go
 * through Intl's locale data (localeFormat.ts says why).
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
