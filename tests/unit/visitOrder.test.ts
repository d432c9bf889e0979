import { describe, expect, it } from 'vitest';
import {
	nearestNeighbourOrder,
	routeDistance,
	suggestVisitOrder,
	type Stop
} from '../../src/lib/domain/planning/visitOrder.ts';
import { distanceMetres } from '../../src/lib/domain/geo/distance.ts';
import { createRandom } from '../../src/lib/server/demo/random.ts';

const station = { lat: 42.66, lng: 21.16 };
/** Venues on a line east of the station, about 820 m apart per 0.01°. */
const east = (id: string, steps: number): Stop => ({ id, lat: 42.66, lng: 21.16 + steps * 0.01 });

function brute(start: { lat: number; lng: number }, stops: Stop[]): number {
	let best = Infinity;
	const permute = (done: Stop[], left: Stop[]) => {
		if (left.length === 0) best = Math.min(best, routeDistance(start, done));
		left.forEach((s, i) => permute([...done, s], [...left.slice(0, i), ...left.slice(i + 1)]));
	};
	permute([], stops);
	return best;
}

describe('route distance', () => {
	it('adds the legs from the start through every venue, without coming back', () => {
		const a = east('a', 1);
		const b = east('b', 2);
		expect(routeDistance(station, [a, b])).toBeCloseTo(distanceMetres(station, a) + distanceMetres(a, b), 6);
	});

	it('is zero for no venues', () => {
		expect(routeDistance(station, [])).toBe(0);
	});
});

describe('nearest neighbour', () => {
	it('visits venues on a line in order of distance from the start', () => {
		const order = nearestNeighbourOrder(station, [east('far', 3), east('near', 1), east('mid', 2)]);
		expect(order.ids).toEqual(['near', 'mid', 'far']);
	});
});

describe('suggested visit order', () => {
	it('returns every venue exactly once', () => {
		const random = createRandom('visit-7');
		const stops = Array.from({ length: 25 }, (_, i) => ({
			id: `v${i}`,
			lat: 42.6 + random.next() * 0.1,
			lng: 21.1 + random.next() * 0.1
		}));
		const order = suggestVisitOrder(station, stops);
		expect([...order.ids].sort()).toEqual(stops.map((s) => s.id).sort());
	});

	it('is never longer than the nearest-neighbour route', () => {
		const random = createRandom('visit-11');
		for (let round = 0; round < 20; round++) {
			const stops = Array.from({ length: 30 }, (_, i) => ({
				id: `v${i}`,
				lat: 42.6 + random.next() * 0.1,
				lng: 21.1 + random.next() * 0.1
			}));
			expect(suggestVisitOrder(station, stops).distanceMetres).toBeLessThanOrEqual(
				nearestNeighbourOrder(station, stops).distanceMetres + 1e-6
			);
		}
	});

	it('undoes the crossing the greedy route makes, reaching the shortest route', () => {
		// Found by search: greedy runs south first and crosses its own path coming back north.
		const stops: Stop[] = [
			{ id: 'v0', lat: 42.642, lng: 21.16 },
			{ id: 'v1', lat: 42.67, lng: 21.167 },
			{ id: 'v2', lat: 42.675, lng: 21.164 },
			{ id: 'v3', lat: 42.649, lng: 21.166 },
			{ id: 'v4', lat: 42.678, lng: 21.145 }
		];
		const greedy = nearestNeighbourOrder(station, stops);
		const suggested = suggestVisitOrder(station, stops);
		expect(suggested.distanceMetres).toBeLessThan(greedy.distanceMetres - 300);
		expect(suggested.distanceMetres).toBeCloseTo(brute(station, stops), 3);
	});

	it('finds the shortest route for small random sets as often as brute force does, or within 5 %', () => {
		const random = createRandom('visit-3');
		for (let round = 0; round < 10; round++) {
			const stops = Array.from({ length: 7 }, (_, i) => ({
				id: `v${i}`,
				lat: 42.6 + random.next() * 0.05,
				lng: 21.1 + random.next() * 0.05
			}));
			expect(suggestVisitOrder(station, stops).distanceMetres).toBeLessThanOrEqual(brute(station, stops) * 1.05);
		}
	});

	it('reports the total distance of the order it returns', () => {
		const stops = [east('a', 2), east('b', 1), east('c', 3)];
		const order = suggestVisitOrder(station, stops);
		const byId = new Map(stops.map((s) => [s.id, s]));
		expect(order.distanceMetres).toBeCloseTo(
			routeDistance(
				station,
				order.ids.map((id) => byId.get(id)!)
			),
			6
		);
	});

	it('handles no venues and a single venue', () => {
		expect(suggestVisitOrder(station, [])).toEqual({ ids: [], distanceMetres: 0 });
		expect(suggestVisitOrder(station, [east('only', 1)]).ids).toEqual(['only']);
	});

	it('without a start point, leaves the first venue free and measures only between venues', () => {
		const order = suggestVisitOrder(null, [east('b', 2), east('a', 1), east('c', 3)]);
		expect(order.distanceMetres).toBeCloseTo(distanceMetres(east('a', 1), east('c', 3)), 3);
	});
});
