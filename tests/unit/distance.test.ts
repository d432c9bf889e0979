import { describe, expect, it } from 'vitest';
import { distanceMetres, metresPerDegree } from '../../src/lib/domain/geo/distance.ts';

const pristina = { lat: 42.663, lng: 21.166 };
const prizren = { lat: 42.214, lng: 20.74 };

describe('the distance between two places is the great-circle distance in metres', () => {
	// Reference figures computed outside this code base: the spherical law of cosines on the same
	// mean radius (6,371,008.8 m), and Vincenty's inverse formula on the WGS84 ellipsoid.
	it('gives Pristina to Prizren as the spherical law of cosines does, to the centimetre', () => {
		expect(distanceMetres(pristina, prizren)).toBeCloseTo(60_948.64, 2);
	});

	it('gives Pristina to Prizren within 0.1% of the ellipsoidal (Vincenty, WGS84) distance', () => {
		const vincenty = 60_960.16;
		expect(Math.abs(distanceMetres(pristina, prizren) - vincenty) / vincenty).toBeLessThan(0.001);
	});

	it('is the same in both directions', () => {
		expect(distanceMetres(prizren, pristina)).toBe(distanceMetres(pristina, prizren));
	});

	it('makes one degree of latitude about 111.2 km', () => {
		expect(distanceMetres({ lat: 42, lng: 21 }, { lat: 43, lng: 21 })).toBeCloseTo(111_195.08, 1);
	});

	it('makes one degree of longitude shorter away from the equator, by the cosine of the latitude', () => {
		const atEquator = distanceMetres({ lat: 0, lng: 21 }, { lat: 0, lng: 22 });
		const atKosovo = distanceMetres({ lat: 42.5, lng: 21 }, { lat: 42.5, lng: 22 });
		expect(atKosovo / atEquator).toBeCloseTo(Math.cos((42.5 * Math.PI) / 180), 4);
	});

	it('is zero between a place and itself', () => {
		expect(distanceMetres(pristina, pristina)).toBe(0);
	});

	it('stays a number for antipodal points, half the circumference', () => {
		expect(distanceMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6_371_008.8, 0);
	});
});

describe('metres per degree sizes grids and search boxes', () => {
	it('gives about 111.2 km per degree of latitude at any latitude', () => {
		expect(metresPerDegree(0).lat).toBeCloseTo(111_195.08, 1);
		expect(metresPerDegree(42.5).lat).toBeCloseTo(111_195.08, 1);
	});

	it('gives the full 111.2 km per degree of longitude at the equator', () => {
		expect(metresPerDegree(0).lng).toBeCloseTo(111_195.08, 1);
	});

	it('gives about 82 km per degree of longitude in Kosovo, close to the measured distance', () => {
		const measured = distanceMetres({ lat: 42.5, lng: 21 }, { lat: 42.5, lng: 21.01 }) / 0.01;
		expect(metresPerDegree(42.5).lng).toBeCloseTo(81_981.6, 0);
		expect(Math.abs(metresPerDegree(42.5).lng - measured)).toBeLessThan(1);
	});
});
