/**
 * How the map draws things. Status colours are from the Okabe–Ito palette, which stays tellable
 * apart with the common colour-vision deficiencies; every dot also has a white rim so it reads on
 * any tile. Places used by children are hollow rings, so they differ from venues by shape too.
 */
import type { InspectionAge } from '$lib/domain/register/mapFilters.ts';

export const venueStatuses = ['active', 'unverified', 'closed_by_authority', 'gone'] as const;
export type VenueStatus = (typeof venueStatuses)[number];

export const statusColours: Record<VenueStatus, string> = {
	active: '#d55e00',
	unverified: '#cc79a7',
	closed_by_authority: '#0072b2',
	gone: '#7a7a7a'
};

export const childSiteColour = '#009e73';

export function statusColour(status: string): string {
	return statusColours[status as VenueStatus] ?? statusColours.gone;
}

/**
 * Time since the last inspection, for colouring by what is overdue: never inspected stands out
 * most, over 90 days next, recently inspected recedes. Okabe–Ito again, avoiding the children's green.
 */
export const inspectionAgeColours: Record<InspectionAge, string> = {
	never: '#d55e00',
	over90: '#e69f00',
	within90: '#0072b2'
};

export const childSiteMarkerStyle = {
	radius: 6,
	color: childSiteColour,
	weight: 3,
	fillColor: '#ffffff',
	fillOpacity: 0.9
} as const;
/** The 350 m area around a place used by children: a faint fill that still shows the venues under it. */
export const childSiteCircleStyle = {
	color: childSiteColour,
	weight: 1,
	opacity: 0.7,
	fillColor: childSiteColour,
	fillOpacity: 0.08
} as const;
export const selectionRingStyle = { radius: 12, color: '#0b3d5c', weight: 3, fill: false } as const;

/** The country outline: a thin line over tiles, a filled land shape when no tiles are reachable. */
export const outlineStyle = {
	withTiles: { color: '#0b3d5c', weight: 2, opacity: 0.6, fillColor: '#f7f5ef', fillOpacity: 0 },
	withoutTiles: { color: '#0b3d5c', weight: 2, opacity: 0.9, fillColor: '#f7f5ef', fillOpacity: 1 }
} as const;

/** Below this zoom the 38 municipality names would overlap on a phone screen. */
export const SEAT_LABEL_MIN_ZOOM = 9;
