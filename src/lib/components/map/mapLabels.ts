/** Translated names for what only the map shows: venue statuses and kinds of places used by children. */
import { m } from '$lib/paraglide/messages.js';

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
