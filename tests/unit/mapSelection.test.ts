import { describe, expect, it } from 'vitest';
import { insideArea, insidePolygon, insideRectangle } from '../../src/lib/domain/geo/selection.ts';

describe('a rectangle drawn on the map', () => {
	const corners: [{ lat: number; lng: number }, { lat: number; lng: number }] = [
		{ lat: 42.67, lng: 21.15 },
		{ lat: 42.65, lng: 21.17 }
	];

	it('holds a venue between its corners, whichever way it was dragged', () => {
		expect(insideRectangle({ lat: 42.66, lng: 21.16 }, corners)).toBe(true);
		expect(insideRectangle({ lat: 42.66, lng: 21.16 }, [corners[1], corners[0]])).toBe(true);
	});

	it('does not hold a venue outside it', () => {
		expect(insideRectangle({ lat: 42.68, lng: 21.16 }, corners)).toBe(false);
	});
});

describe('a polygon drawn on the map', () => {
	// An L shape: the notch at the top right is outside.
	const shape = [
		{ lat: 0, lng: 0 },
		{ lat: 0, lng: 2 },
		{ lat: 1, lng: 2 },
		{ lat: 1, lng: 1 },
		{ lat: 2, lng: 1 },
		{ lat: 2, lng: 0 }
	];

	it('holds a venue inside it', () => {
		expect(insidePolygon({ lat: 0.5, lng: 1.5 }, shape)).toBe(true);
		expect(insidePolygon({ lat: 1.5, lng: 0.5 }, shape)).toBe(true);
	});

	it('does not hold a venue in its notch', () => {
		expect(insidePolygon({ lat: 1.5, lng: 1.5 }, shape)).toBe(false);
	});

	it('holds nothing with fewer than three corners', () => {
		expect(insideArea({ lat: 0, lng: 0 }, { kind: 'polygon', corners: shape.slice(0, 2) })).toBe(false);
	});
});
