/**
 * Likely duplicates on the register: the same or a similar name within 50 m. Registers are
 * typed by different people from signs, business registers and field notes, so "Bar Kristal",
 * "BAR KRISTAL" and "Bar Kristall" are one venue; two different names next door (a bar above a
 * bakery) are not.
 */
import { distanceMetres, metresPerDegree, type LatLng } from '../geo/distance.ts';

export const DUPLICATE_RADIUS_METRES = 50;
/** Share of characters two normalised names must have in common (1 − edit distance ÷ length). */
export const SIMILAR_NAME_THRESHOLD = 0.8;

export type NamedPoint = LatLng & { id: string; name: string };
export type LikelyDuplicate = { id: string; name: string; distanceMetres: number };

/** Lower case, no diacritics (ë → e, ç → c, đ → d), punctuation and repeated spaces dropped. */
export function normaliseName(name: string): string {
	return name
		.toLocaleLowerCase('en')
		.replaceAll('đ', 'd')
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length] as number;
}

/** Same name after normalising, one name inside the other ("Kristal" in "Bar Kristal"), or close in spelling. */
export function similarNames(a: string, b: string): boolean {
	const left = normaliseName(a);
	const right = normaliseName(b);
	if (!left || !right) return false;
	if (left === right) return true;
	const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
	if (shorter.length >= 4 && ` ${longer} `.includes(` ${shorter} `)) return true;
	return 1 - editDistance(left, right) / longer.length >= SIMILAR_NAME_THRESHOLD;
}

/** Venues that look like `candidate` (itself excluded by id), nearest first. */
export function likelyDuplicates(
	candidate: LatLng & { id?: string; name: string },
	venues: readonly NamedPoint[],
	radiusMetres: number = DUPLICATE_RADIUS_METRES
): LikelyDuplicate[] {
	const perDegree = metresPerDegree(candidate.lat);
	const latSpan = radiusMetres / perDegree.lat;
	const lngSpan = radiusMetres / Math.max(perDegree.lng, 1);
	const found: LikelyDuplicate[] = [];
	for (const venue of venues) {
		if (venue.id === candidate.id) continue;
		if (Math.abs(venue.lat - candidate.lat) > latSpan || Math.abs(venue.lng - candidate.lng) > lngSpan) continue;
		const distance = distanceMetres(candidate, venue);
		if (distance <= radiusMetres && similarNames(candidate.name, venue.name)) {
			found.push({ id: venue.id, name: venue.name, distanceMetres: distance });
		}
	}
	return found.sort((a, b) => a.distanceMetres - b.distanceMetres);
}

/** The search box around a point that holds every possible duplicate, for a database query. */
export function duplicateSearchBox(point: LatLng, radiusMetres: number = DUPLICATE_RADIUS_METRES) {
	const perDegree = metresPerDegree(point.lat);
	const latSpan = (radiusMetres / perDegree.lat) * 1.01;
	const lngSpan = (radiusMetres / Math.max(perDegree.lng, 1)) * 1.01;
	return {
		minLat: point.lat - latSpan,
		maxLat: point.lat + latSpan,
		minLng: point.lng - lngSpan,
		maxLng: point.lng + lngSpan
	};
}
