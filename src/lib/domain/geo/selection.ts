/**
 * Which venues fall inside an area a planner drew on the map: a rectangle (two corners) or a polygon
 * (its corners in order). At the scale of a town, treating latitude and longitude as plane
 * coordinates is exact enough: the shapes are drawn by hand on a Mercator map, where straight edges
 * are straight in these very coordinates.
 */
import type { LatLng } from './distance.ts';

export type DrawnArea = { kind: 'rectangle'; corners: [LatLng, LatLng] } | { kind: 'polygon'; corners: LatLng[] };

export function insideRectangle(point: LatLng, [a, b]: [LatLng, LatLng]): boolean {
	return (
		point.lat >= Math.min(a.lat, b.lat) &&
		point.lat <= Math.max(a.lat, b.lat) &&
		point.lng >= Math.min(a.lng, b.lng) &&
		point.lng <= Math.max(a.lng, b.lng)
	);
}

/** Even-odd ray casting: a point is inside when a ray from it crosses the edges an odd number of times. */
export function insidePolygon(point: LatLng, corners: readonly LatLng[]): boolean {
	if (corners.length < 3) return false;
	let inside = false;
	for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
		const a = corners[i]!;
		const b = corners[j]!;
		if (
			a.lat > point.lat !== b.lat > point.lat &&
			point.lng < ((b.lng - a.lng) * (point.lat - a.lat)) / (b.lat - a.lat) + a.lng
		) {
			inside = !inside;
		}
	}
	return inside;
}

export function insideArea(point: LatLng, area: DrawnArea): boolean {
	return area.kind === 'rectangle' ? insideRectangle(point, area.corners) : insidePolygon(point, area.corners);
}
