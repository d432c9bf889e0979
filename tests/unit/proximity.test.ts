import { describe, expect, it } from 'vitest';
import { distanceMetres, EARTH_MEAN_RADIUS_METRES, type LatLng } from '../../src/lib/domain/geo/distance.ts';
import {
	childSiteFlag,
	DEFAULT_CHILD_RADIUS_METRES,
	gridCellSize,
	nearChildren,
	nearChildrenNaive,
	type ChildSitePoint,
	type VenuePoint
} from '../../src/lib/domain/geo/proximity.ts';
import { kosovoBounds } from '../../src/lib/domain/municipalities.ts';
import { createRandom } from '../../src/lib/server/demo/random.ts';

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** The point `metres` away from `origin` along the great circle leaving at `bearing` degrees. */
function pointAt(origin: LatLng, metres: number, bearing: number): LatLng {
	const angle = metres / EARTH_MEAN_RADIUS_METRES;
	const lat1 = toRadians(origin.lat);
	const theta = toRadians(bearing);
	const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(theta));
	const lng2 =
		toRadians(origin.lng) +
		Math.atan2(Math.sin(theta) * Math.sin(angle) * Math.cos(lat1), Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2));
	return { lat: toDegrees(lat2), lng: toDegrees(lng2) };
}

const venueAt = (point: LatLng, id = 'bar'): VenuePoint => ({ id, ...point });
const siteAt = (point: LatLng, id = 'school', name = 'Shkolla fillore'): ChildSitePoint => ({ id, name, ...point });

const pristina = { lat: 42.663, lng: 21.166 };

describe('a venue is near children when a child site is within the radius', () => {
	it('uses 350 m unless the deployment sets another radius', () => {
		expect(DEFAULT_CHILD_RADIUS_METRES).toBe(350);
	});

	it('counts a school 349.9 m away', () => {
		const school = siteAt(pointAt(pristina, 349.9, 0));
		expect(nearChildren([venueAt(pristina)], [school]).get('bar')).not.toBeNull();
	});

	it('does not count a school 350.1 m away', () => {
		const school = siteAt(pointAt(pristina, 350.1, 0));
		expect(nearChildren([venueAt(pristina)], [school]).get('bar')).toBeNull();
	});

	it('counts a school at exactly the radius', () => {
		const school = siteAt(pointAt(pristina, 350, 37));
		const exactly = distanceMetres(pristina, school);
		expect(nearChildren([venueAt(pristina)], [school], exactly).get('bar')?.distanceMetres).toBe(exactly);
	});

	it('names the nearest site and gives its distance', () => {
		const school = siteAt(pointAt(pristina, 200, 90), 'school-7', 'Shkolla "Naim Frashëri"');
		const near = nearChildren([venueAt(pristina)], [school]).get('bar');
		expect(near?.nearestSiteId).toBe('school-7');
		expect(near?.nearestSiteName).toBe('Shkolla "Naim Frashëri"');
		expect(near?.distanceMetres).toBeCloseTo(200, 6);
	});

	it('picks the nearer of two sites that are both in range', () => {
		const school = siteAt(pointAt(pristina, 300, 0), 'school');
		const playground = siteAt(pointAt(pristina, 120, 200), 'playground');
		expect(nearChildren([venueAt(pristina)], [school, playground]).get('bar')?.nearestSiteId).toBe('playground');
	});

	it('picks the site listed first when two are at the same distance', () => {
		const north = siteAt({ lat: pristina.lat + 0.002, lng: pristina.lng }, 'north');
		const south = siteAt({ lat: pristina.lat - 0.002, lng: pristina.lng }, 'south');
		expect(nearChildren([venueAt(pristina)], [south, north]).get('bar')?.nearestSiteId).toBe('south');
		expect(nearChildren([venueAt(pristina)], [north, south]).get('bar')?.nearestSiteId).toBe('north');
	});

	it('follows the radius the deployment sets', () => {
		const school = siteAt(pointAt(pristina, 450, 120));
		expect(nearChildren([venueAt(pristina)], [school]).get('bar')).toBeNull();
		expect(nearChildren([venueAt(pristina)], [school], 500).get('bar')).not.toBeNull();
	});

	it('refuses a radius that is zero, negative or not a number', () => {
		for (const radius of [0, -350, Number.NaN, Number.POSITIVE_INFINITY]) {
			expect(() => nearChildren([venueAt(pristina)], [], radius)).toThrow(RangeError);
		}
	});
});

describe('the grid finds sites in the neighbouring cells', () => {
	// Cell edges near Pristina. A cell's width in longitude depends on the northernmost point, which
	// in each case below is the venue, so the edges are the ones nearChildren uses.
	const cellHeight = gridCellSize(DEFAULT_CHILD_RADIUS_METRES, 42.66).lat;
	const rowEdge = Math.ceil(42.66 / cellHeight) * cellHeight;
	const columnEdgeAt = (lat: number) => {
		const width = gridCellSize(DEFAULT_CHILD_RADIUS_METRES, lat).lng;
		return Math.ceil(21.16 / width) * width;
	};

	it('finds a school across the cell edge to the north', () => {
		const venue = { lat: rowEdge - 1e-7, lng: 21.16 };
		const school = siteAt(pointAt(venue, 340, 0));
		expect(nearChildren([venueAt(venue)], [school]).get('bar')).not.toBeNull();
	});

	it('finds a school across the cell edge to the south', () => {
		const venue = { lat: rowEdge + 1e-7, lng: 21.16 };
		const school = siteAt(pointAt(venue, 340, 180));
		expect(nearChildren([venueAt(venue)], [school]).get('bar')).not.toBeNull();
	});

	it('finds a school across the cell edge to the east', () => {
		const venue = { lat: 42.66, lng: columnEdgeAt(42.66) - 1e-7 };
		const school = siteAt(pointAt(venue, 340, 90));
		expect(nearChildren([venueAt(venue)], [school]).get('bar')).not.toBeNull();
	});

	it('finds a school in the diagonal cell', () => {
		const lat = rowEdge + 1e-7;
		const venue = { lat, lng: columnEdgeAt(lat) + 1e-7 };
		const school = siteAt(pointAt(venue, 340, 225));
		expect(nearChildren([venueAt(venue)], [school]).get('bar')).not.toBeNull();
	});

	it('sizes cells so a 350 m circle anywhere in Kosovo reaches no further than the next cell', () => {
		const kosovoCell = gridCellSize(DEFAULT_CHILD_RADIUS_METRES, kosovoBounds.maxLat);
		for (const lat of [kosovoBounds.minLat, 42.5, kosovoBounds.maxLat]) {
			for (let bearing = 0; bearing < 360; bearing += 5) {
				const edge = pointAt({ lat, lng: 21 }, DEFAULT_CHILD_RADIUS_METRES, bearing);
				expect(Math.abs(edge.lat - lat)).toBeLessThanOrEqual(kosovoCell.lat);
				expect(Math.abs(edge.lng - 21)).toBeLessThanOrEqual(kosovoCell.lng);
			}
		}
	});
});

describe('empty inputs', () => {
	it('answers nothing when there are no venues', () => {
		expect(nearChildren([], [siteAt(pristina)]).size).toBe(0);
	});

	it('marks every venue as not near children when there are no child sites', () => {
		const result = nearChildren([venueAt(pristina, 'a'), venueAt(pristina, 'b')], []);
		expect([...result]).toEqual([
			['a', null],
			['b', null]
		]);
	});
});

describe('the grid gives the same answer as measuring every pair', () => {
	it('agrees on 2,000 random venues and 200 random child sites', () => {
		const random = createRandom('tests/proximity');
		// A small area (about 9 × 8 km) so that many venues are near a site and many are not.
		const area = { minLat: 42.62, maxLat: 42.7, minLng: 21.1, maxLng: 21.2 };
		const inArea = () => ({
			lat: area.minLat + random.next() * (area.maxLat - area.minLat),
			lng: area.minLng + random.next() * (area.maxLng - area.minLng)
		});
		const sites = Array.from({ length: 200 }, (_, i) => siteAt(inArea(), `site-${i}`, `Site ${i}`));
		const venues = Array.from({ length: 2000 }, (_, i) => venueAt(inArea(), `venue-${i}`));

		const indexed = nearChildren(venues, sites);
		expect(indexed).toEqual(nearChildrenNaive(venues, sites));
		const nearCount = [...indexed.values()].filter((near) => near !== null).length;
		expect(nearCount).toBeGreaterThan(300);
		expect(nearCount).toBeLessThan(1700);
	});
});

describe('an inspection records the child-site rule at check-in', () => {
	const site = (point: LatLng, id: string, kind: 'school' | 'playground' = 'school') => ({
		...siteAt(point, id, `Site ${id}`),
		kind
	});

	it('records the nearest site within the radius, its kind, the distance in whole metres and the radius', () => {
		const sites = [site(pointAt(pristina, 420, 0), 'far'), site(pointAt(pristina, 212.6, 90), 'near', 'playground')];
		expect(childSiteFlag(pristina, sites, 350)).toEqual({
			siteId: 'near',
			siteName: 'Site near',
			siteKind: 'playground',
			distanceMetres: 213,
			radiusMetres: 350
		});
	});

	it('counts a site at exactly the radius, and not one a hair beyond it', () => {
		const atRadius = site(pointAt(pristina, 500, 45), 'edge');
		const exactly = distanceMetres(pristina, atRadius);
		expect(childSiteFlag(pristina, [atRadius], exactly)?.siteId).toBe('edge');
		expect(childSiteFlag(pristina, [site(pointAt(pristina, exactly + 0.01, 45), 'edge')], exactly)).toBeNull();
	});

	it('never records a distance above the radius it was judged by', () => {
		const justInside = site(pointAt(pristina, 349.6, 180), 'inside');
		expect(childSiteFlag(pristina, [justInside], 349.7)?.distanceMetres).toBeLessThanOrEqual(349.7);
		expect(childSiteFlag(pristina, [site(pointAt(pristina, 350.4, 180), 'outside')], 350)).toBeNull();
	});

	it('judges by the configured radius: 500 m flags what 350 m does not', () => {
		const school = site(pointAt(pristina, 450, 270), 'school');
		expect(childSiteFlag(pristina, [school], 350)).toBeNull();
		expect(childSiteFlag(pristina, [school], 500)).toMatchObject({ siteId: 'school', radiusMetres: 500 });
	});

	it('records nothing when there are no child sites', () => {
		expect(childSiteFlag(pristina, [])).toBeNull();
	});
});
