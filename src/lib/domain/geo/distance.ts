/**
 * Distances on the Earth treated as a sphere. The spherical model is off by at most ~0.5% against
 * the WGS84 ellipsoid, about 2 m at the 350 m child-site radius: well inside a phone's GPS error and
 * the uncertainty of where a school's fence begins, and cheap enough to run for every venue.
 */

/** The IUGG mean Earth radius (2a + b) / 3, the usual radius for great-circle distances. */
export const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;

export type LatLng = { lat: number; lng: number };

/** Metres spanned by one degree of latitude and one degree of longitude. */
export type MetresPerDegree = { lat: number; lng: number };

const RADIANS_PER_DEGREE = Math.PI / 180;

/** Great-circle distance in metres by the haversine formula, accurate down to centimetres. */
export function distanceMetres(from: LatLng, to: LatLng): number {
	const fromLat = from.lat * RADIANS_PER_DEGREE;
	const toLat = to.lat * RADIANS_PER_DEGREE;
	const halfDeltaLat = (toLat - fromLat) / 2;
	const halfDeltaLng = ((to.lng - from.lng) * RADIANS_PER_DEGREE) / 2;
	const sinHalfLat = Math.sin(halfDeltaLat);
	const sinHalfLng = Math.sin(halfDeltaLng);
	const h = sinHalfLat * sinHalfLat + Math.cos(fromLat) * Math.cos(toLat) * sinHalfLng * sinHalfLng;
	// Rounding can push h a hair above 1 for nearly antipodal points, where asin would return NaN.
	return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Metres spanned by one degree of latitude and of longitude at latitude `lat`, for sizing grids and
 * search boxes. Exact for latitude on the sphere; for longitude it is the small-angle width, which
 * a box of a few kilometres never notices.
 */
export function metresPerDegree(lat: number): MetresPerDegree {
	const perDegree = EARTH_MEAN_RADIUS_METRES * RADIANS_PER_DEGREE;
	return { lat: perDegree, lng: perDegree * Math.cos(lat * RADIANS_PER_DEGREE) };
}
