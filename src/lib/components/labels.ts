/**
 * Translated names for the domain's enumerations and locale-aware date formatting, so every screen
 * says "Night club" or "Klub nate" the same way. Unknown codes fall back to the code itself rather
 * than to an empty cell: a new enum value must stay visible until it gets its translation.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Role } from '$lib/domain/auth.ts';

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

/** Serbian is written in Latin script here (DOMAIN.md), so Intl must not default to Cyrillic. */
const intlLocales = { en: 'en-GB', sq: 'sq', sr: 'sr-Latn' } as const;

export function intlLocale(): string {
	return intlLocales[getLocale()];
}

/** Names stored in three languages (agencies, municipalities) shown in the reader's language. */
export function localized(text: { en: string; sq: string; sr: string }): string {
	return text[getLocale()];
}

/**
 * Formats a calendar day (`YYYY-MM-DD`). Read and written in UTC so the day never shifts when the
 * reader's time zone differs from the server's.
 */
export function formatDay(day: string): string {
	return new Intl.DateTimeFormat(intlLocale(), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${day}T00:00:00Z`));
}

export function formatNumber(value: number, fractionDigits = 0): string {
	return new Intl.NumberFormat(intlLocale(), {
		minimumFractionDigits: fractionDigits,
		maximumFractionDigits: fractionDigits
	}).format(value);
}
