/**
 * How the map draws things. Status colours are from the Okabe–Ito palette, which stays tellable
 * apart with the common colour-vision deficiencies; every dot also has a white rim so it reads on
 * any tile. Places used by children are hollow rings, so they differ from venues by shape too.
 */
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

export const venueMarkerStyle = { radius: 6, color: '#ffffff', weight: 1.5, fillOpacity: 0.95 } as const;
export const childSiteMarkerStyle = {
	radius: 6,
	color: childSiteColour,
	weight: 3,
	fillColor: '#ffffff',
	fillOpacity: 0.9
} as const;
export const selectionRingStyle = { radius: 12, color: '#0b3d5c', weight: 3, fill: false } as const;

/** The country outline: a thin line over tiles, a filled land shape when no tiles are reachable. */
export const outlineStyle = {
	withTiles: { color: '#0b3d5c', weight: 2, opacity: 0.6, fillColor: '#f7f5ef', fillOpacity: 0 },
	withoutTiles: { color: '#0b3d5c', weight: 2, opacity: 0.9, fillColor: '#f7f5ef', fillOpacity: 1 }
} as const;

/** Below this zoom the 38 municipality names would overlap on a phone screen. */
export const SEAT_LABEL_MIN_ZOOM = 9;
