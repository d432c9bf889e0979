/**
 * The child-site rule (docs/DOMAIN.md, "Places"): trafficking within 350 metres of a school or another
 * place used by children is an aggravated offence, so every venue within that radius of a child site
 * is flagged "near children" with the nearest site. The radius is a deployment setting because the
 * Criminal Code may be revised.
 */
import { distanceMetres, EARTH_MEAN_RADIUS_METRES, metresPerDegree, type LatLng } from './distance.ts';
import type { ChildSiteKind } from '../records/codes.ts';

export const DEFAULT_CHILD_RADIUS_METRES = 350;

export type VenuePoint = LatLng & { id: string };
export type ChildSitePoint = LatLng & { id: string; name: string };

export type NearChild = { nearestSiteId: string; nearestSiteName: string; distanceMetres: number };

/** Grid cell size in degrees. */
export type GridCellSize = { lat: number; lng: number };

const DEGREES_PER_RADIAN = 180 / Math.PI;

// Cells are a hair larger than the circle's extent so that rounding in the degree arithmetic cannot
// push a site at exactly the radius two cells away.
const CELL_SLACK = 1 + 1e-9;

/**
 * The smallest grid cell for which every site within `radiusMetres` of a point lies in the point's
 * cell or one of its eight neighbours, for points no further than `maxAbsLat` degrees from the
 * equator. Longitude degrees shrink towards the poles, so the cell is as wide as the circle is at
 * the poleward edge of the data: at Kosovo's latitudes about 0.0031° × 0.0043° for 350 m.
 */
export function gridCellSize(radiusMetres: number, maxAbsLat: number): GridCellSize {
	const lat = (radiusMetres / metresPerDegree(maxAbsLat).lat) * CELL_SLACK;
	// The widest longitude span of a spherical circle of angular radius δ centred at latitude φ is
	// asin(sin δ / cos φ); at 1 or more the circle covers a pole and so every longitude.
	const sinLngExtent =
		Math.sin(radiusMetres / EARTH_MEAN_RADIUS_METRES) / Math.cos(Math.min(90, maxAbsLat) / DEGREES_PER_RADIAN);
	const lng = sinLngExtent >= 1 ? 360 : Math.asin(sinLngExtent) * DEGREES_PER_RADIAN * CELL_SLACK;
	return { lat, lng };
}

function assertRadius(radiusMetres: number): void {
	if (!(radiusMetres > 0) || !Number.isFinite(radiusMetres)) {
		throw new RangeError(`the child-site radius must be a positive number of metres, not ${radiusMetres}`);
	}
}

function maxAbsLatitude(points: Iterable<LatLng>): number {
	let max = 0;
	for (const point of points) {
		const abs = Math.abs(point.lat);
		if (abs > max && Number.isFinite(abs)) max = abs;
	}
	return max;
}

/**
 * Which venues are near children, and the nearest child site of each: per venue id, the nearest
 * site within `radiusMetres` (a site at exactly the radius counts), or null. Two sites at the same
 * distance resolve to the one listed first, so the answer does not depend on the index.
 *
 * Child sites go into a uniform grid in degrees whose cells are as large as the radius, so each
 * venue measures only the sites in its 3 × 3 neighbourhood of cells instead of all of them. The grid
 * does not wrap at ±180° longitude: a deployment area never straddles the antimeridian.
 */
export function nearChildren(
	venues: readonly VenuePoint[],
	childSites: readonly ChildSitePoint[],
	radiusMetres: number = DEFAULT_CHILD_RADIUS_METRES
): Map<string, NearChild | null> {
	assertRadius(radiusMetres);
	const result = new Map<string, NearChild | null>();
	if (childSites.length === 0) {
		for (const venue of venues) result.set(venue.id, null);
		return result;
	}

	const cell = gridCellSize(radiusMetres, Math.max(maxAbsLatitude(venues), maxAbsLatitude(childSites)));
	// Rows of columns of site indices: nested maps keep the keys exact whatever the cell size.
	const grid = new Map<number, Map<number, number[]>>();
	childSites.forEach((site, index) => {
		if (!Number.isFinite(site.lat) || !Number.isFinite(site.lng)) return;
		const row = Math.floor(site.lat / cell.lat);
		const column = Math.floor(site.lng / cell.lng);
		let columns = grid.get(row);
		if (!columns) grid.set(row, (columns = new Map()));
		const indices = columns.get(column);
		if (indices) indices.push(index);
		else columns.set(column, [index]);
	});

	for (const venue of venues) {
		const row = Math.floor(venue.lat / cell.lat);
		const column = Math.floor(venue.lng / cell.lng);
		let bestIndex = -1;
		let bestDistance = Infinity;
		for (let r = row - 1; r <= row + 1; r++) {
			const columns = grid.get(r);
			if (!columns) continue;
			for (let c = column - 1; c <= column + 1; c++) {
				const indices = columns.get(c);
				if (!indices) continue;
				for (const index of indices) {
					const distance = distanceMetres(venue, childSites[index] as ChildSitePoint);
					if (distance < bestDistance || (distance === bestDistance && index < bestIndex)) {
						bestDistance = distance;
						bestIndex = index;
					}
				}
			}
		}
		const nearest = bestDistance <= radiusMetres ? (childSites[bestIndex] as ChildSitePoint) : null;
		result.set(venue.id, nearest ? nearChild(nearest, bestDistance) : null);
	}
	return result;
}

/**
 * The same answer as `nearChildren` by measuring every venue against every site. Only the benchmark
 * and the test that checks the index against it use this: it is far too slow for a national register.
 */
export function nearChildrenNaive(
	venues: readonly VenuePoint[],
	childSites: readonly ChildSitePoint[],
	radiusMetres: number = DEFAULT_CHILD_RADIUS_METRES
): Map<string, NearChild | null> {
	assertRadius(radiusMetres);
	const result = new Map<string, NearChild | null>();
	for (const venue of venues) {
		let best: ChildSitePoint | null = null;
		let bestDistance = Infinity;
		for (const site of childSites) {
			const distance = distanceMetres(venue, site);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = site;
			}
		}
		result.set(venue.id, best && bestDistance <= radiusMetres ? nearChild(best, bestDistance) : null);
	}
	return result;
}

function nearChild(site: ChildSitePoint, distance: number): NearChild {
	return { nearestSiteId: site.id, nearestSiteName: site.name, distanceMetres: distance };
}

/**
 * What an inspection records of the rule at check-in (docs/DOMAIN.md, "Places"): the nearest child
 * site within the radius of the venue, its kind, the distance in whole metres and the radius it
 * was judged by (the setting may change later; the record must still say what it was judged by).
 */
export type ChildSiteFlag = {
	siteId: string;
	siteName: string;
	siteKind: ChildSiteKind;
	distanceMetres: number;
	radiusMetres: number;
};

/** The venue's flag against the child sites, or null when none lies within the radius. */
export function childSiteFlag(
	venue: LatLng,
	childSites: readonly (ChildSitePoint & { kind: ChildSiteKind })[],
	radiusMetres: number = DEFAULT_CHILD_RADIUS_METRES
): ChildSiteFlag | null {
	const near = nearChildren([{ ...venue, id: 'venue' }], childSites, radiusMetres).get('venue');
	if (!near) return null;
	const site = childSites.find((candidate) => candidate.id === near.nearestSiteId)!;
	return {
		siteId: site.id,
		siteName: site.name,
		siteKind: site.kind,
		// Whole metres, never rounded up past the radius: "350 m away, within 349.7 m" would contradict itself.
		distanceMetres: Math.min(Math.round(near.distanceMetres), Math.floor(radiusMetres)),
		radiusMetres
	};
}
