/**
 * A venue with its coverage attributes (server/coverage/venues.ts counts them), how long since it
 * was last inspected in bands the map colours, and the GeoJSON export of them all.
 */
import type { LocationKind } from './report.ts';
import type { Period } from './filters.ts';

export type VenueCoverage = {
	locationId: string;
	name: string;
	kind: LocationKind;
	status: string;
	address: string;
	municipalityId: string;
	municipalityCode: string;
	lat: number;
	lng: number;
	/** On the register (active or closed by the authorities): counted in the coverage denominator. */
	registered: boolean;
	inspectionsInPeriod: number;
	possibleVictimsInPeriod: number;
	/** Kosovo calendar date of the last counted inspection up to the period's end. */
	lastInspectedOn: string | null;
	lastInspectionId: string | null;
	/** Days from that date to the end of the period; null when never inspected. */
	daysSinceInspection: number | null;
	/** Registered, and never inspected or not for the overdue days asked for (see overdue.ts). */
	overdue: boolean;
};

/** Upper bounds in days, inclusive; a venue past the last is "long ago". */
export const recencyBands = ['within30', 'within90', 'within180', 'longer', 'never'] as const;
export type RecencyBand = (typeof recencyBands)[number];

export function recencyBand(daysSinceInspection: number | null): RecencyBand {
	if (daysSinceInspection === null) return 'never';
	if (daysSinceInspection <= 30) return 'within30';
	if (daysSinceInspection <= 90) return 'within90';
	if (daysSinceInspection <= 180) return 'within180';
	return 'longer';
}

type Feature = {
	type: 'Feature';
	id: string;
	geometry: { type: 'Point'; coordinates: [number, number] };
	properties: Omit<VenueCoverage, 'lat' | 'lng'> & { recency: RecencyBand };
};

/** RFC 7946: WGS 84 longitude before latitude; the period travels in the collection's members. */
export function venuesGeoJson(venues: readonly VenueCoverage[], period: Period, overdueDays: number) {
	return {
		type: 'FeatureCollection' as const,
		period,
		overdueDays,
		features: venues.map(({ lat, lng, ...properties }): Feature => ({
			type: 'Feature',
			id: properties.locationId,
			geometry: { type: 'Point', coordinates: [lng, lat] },
			properties: { ...properties, recency: recencyBand(properties.daysSinceInspection) }
		}))
	};
}
