/**
 * Which tiles cover an area: the web-mercator tile grid (the scheme every PMTiles archive uses),
 * and the spans of bytes a device fetches to keep them — neighbouring tiles lie next to each other
 * in a clustered archive, so a few large requests replace thousands of small ones.
 */
import type { Bounds } from './bounds.ts';

/** `length` bytes of a file from `offset`. */
export type ByteRange = { offset: number; length: number };

/** A box in degrees: the same shape as the deployment's bounds, which areas are often made from. */
export type LngLatBox = Bounds;

const MAX_LAT = 85.0511287798;

export function tileX(lng: number, zoom: number): number {
	const n = 2 ** zoom;
	return Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
}

export function tileY(lat: number, zoom: number): number {
	const n = 2 ** zoom;
	const clamped = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
	const y = ((1 - Math.log(Math.tan(clamped) + 1 / Math.cos(clamped)) / Math.PI) / 2) * n;
	return Math.min(n - 1, Math.max(0, Math.floor(y)));
}

/** The tile columns and rows covering the box at one zoom. */
export function tileRange(box: LngLatBox, zoom: number): { x0: number; x1: number; y0: number; y1: number } {
	return {
		x0: tileX(box.minLng, zoom),
		x1: tileX(box.maxLng, zoom),
		y0: tileY(box.maxLat, zoom),
		y1: tileY(box.minLat, zoom)
	};
}

/** How many tiles cover the box at each zoom from `minZoom` to `maxZoom`. */
export function tileCount(box: LngLatBox, minZoom: number, maxZoom: number): number {
	let count = 0;
	for (let z = minZoom; z <= maxZoom; z++) {
		count += (tileX(box.maxLng, z) - tileX(box.minLng, z) + 1) * (tileY(box.minLat, z) - tileY(box.maxLat, z) + 1);
	}
	return count;
}

/** The box grown by `metres` on every side. */
export function withMargin(box: LngLatBox, metres: number): LngLatBox {
	const dLat = metres / 111_320;
	const midLat = ((box.minLat + box.maxLat) / 2) * (Math.PI / 180);
	const dLng = metres / (111_320 * Math.max(0.01, Math.cos(midLat)));
	return {
		minLng: Math.max(-180, box.minLng - dLng),
		minLat: Math.max(-MAX_LAT, box.minLat - dLat),
		maxLng: Math.min(180, box.maxLng + dLng),
		maxLat: Math.min(MAX_LAT, box.maxLat + dLat)
	};
}

export type Span = ByteRange & { parts: ByteRange[] };

/**
 * Sorted ranges merged into spans of at most `maxSpan` bytes, joining two ranges when the gap
 * between them is at most `maxGap` bytes (fetched and thrown away: cheaper than another request).
 */
export function coalesce(ranges: readonly ByteRange[], maxGap: number, maxSpan: number): Span[] {
	const sorted = [...ranges].sort((a, b) => a.offset - b.offset);
	const spans: Span[] = [];
	for (const range of sorted) {
		const last = spans[spans.length - 1];
		const end = range.offset + range.length;
		if (last && range.offset - (last.offset + last.length) <= maxGap && end - last.offset <= maxSpan) {
			last.length = Math.max(last.length, end - last.offset);
			last.parts.push(range);
		} else {
			spans.push({ offset: range.offset, length: range.length, parts: [range] });
		}
	}
	return spans;
}
