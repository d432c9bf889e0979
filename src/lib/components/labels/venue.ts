/** What the register records of a venue and of a place used by children: kind and status. */
import { m } from '$lib/paraglide/messages.js';
import { locationKinds, locationStatuses } from '$lib/domain/records/codes.ts';
import { labelFrom, type Messages } from './label.ts';

const kindMessages: Messages<(typeof locationKinds)[number]> = {
	bar: m.location_kind_bar,
	night_club: m.location_kind_night_club,
	massage_parlour: m.location_kind_massage_parlour,
	hotel_motel: m.location_kind_hotel_motel,
	restaurant_cafe: m.location_kind_restaurant_cafe,
	private_apartment: m.location_kind_private_apartment,
	other: m.location_kind_other
};

export function locationKindLabel(kind: string): string {
	return labelFrom(kindMessages, kind);
}

const statusMessages: Messages<(typeof locationStatuses)[number]> = {
	active: m.map_status_active,
	unverified: m.map_status_unverified,
	closed_by_authority: m.map_status_closed_by_authority,
	gone: m.map_status_gone
};

export function venueStatusLabel(status: string): string {
	return labelFrom(statusMessages, status);
}

const childSiteKindMessages: Messages = {
	school: m.map_child_site_school,
	kindergarten: m.map_child_site_kindergarten,
	playground: m.map_child_site_playground,
	other: m.map_child_site_other
};

export function childSiteKindLabel(kind: string): string {
	return labelFrom(childSiteKindMessages, kind);
}
