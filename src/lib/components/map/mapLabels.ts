/** Translated names for what only the map shows: venue statuses and kinds of places used by children. */
import { m } from '$lib/paraglide/messages.js';
import type { ColourMode, InspectionAge } from '$lib/domain/register/mapFilters.ts';

const statusLabels: Record<string, () => string> = {
	active: m.map_status_active,
	unverified: m.map_status_unverified,
	closed_by_authority: m.map_status_closed_by_authority,
	gone: m.map_status_gone
};

const childSiteKindLabels: Record<string, () => string> = {
	school: m.map_child_site_school,
	kindergarten: m.map_child_site_kindergarten,
	playground: m.map_child_site_playground,
	other: m.map_child_site_other
};

/** An unknown code is shown as itself, so a new value stays visible until it is translated. */
export function venueStatusLabel(status: string): string {
	return statusLabels[status]?.() ?? status;
}

export function childSiteKindLabel(kind: string): string {
	return childSiteKindLabels[kind]?.() ?? kind;
}

const inspectionAgeLabels: Record<InspectionAge, () => string> = {
	never: m.map_inspected_never,
	over90: m.map_inspected_over90,
	within90: m.map_inspected_within90
};

export function inspectionAgeLabel(age: InspectionAge): string {
	return inspectionAgeLabels[age]();
}

const colourModeLabels: Record<ColourMode, () => string> = {
	status: m.map_colour_status,
	inspection: m.map_colour_inspection
};

export function colourModeLabel(mode: ColourMode): string {
	return colourModeLabels[mode]();
}

const outcomeLabels: Record<string, () => string> = {
	no_findings: m.map_outcome_no_findings,
	labour_violations: m.map_outcome_labour_violations,
	trafficking_indicators_referred: m.map_outcome_trafficking_indicators_referred,
	premises_closed: m.map_outcome_premises_closed,
	could_not_inspect: m.map_outcome_could_not_inspect
};

export function outcomeLabel(outcome: string | null): string {
	if (!outcome) return '—';
	return outcomeLabels[outcome]?.() ?? outcome;
}
