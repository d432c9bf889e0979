import { describe, expect, it } from 'vitest';
import { nearestMunicipality } from '../../src/lib/domain/geo/nearestMunicipality.ts';
import { municipalities } from '../../src/lib/domain/municipalities.ts';

// As the register's page gets them: its own ids, matched to the seats by code.
const registered = municipalities.map((municipality, index) => ({ id: `m${index}`, code: municipality.code }));
const seat = (code: string) => municipalities.find((municipality) => municipality.code === code)!;

describe('a new venue is put in the municipality whose seat is nearest its pin', () => {
	it('puts a pin on a seat in that municipality', () => {
		for (const municipality of municipalities) {
			expect(nearestMunicipality(municipality, registered)?.code).toBe(municipality.code);
		}
	});

	it('puts a pin between two seats in the municipality of the nearer one', () => {
		const seats = [
			{ code: 'west', lat: 42.5, lng: 20.5 },
			{ code: 'east', lat: 42.5, lng: 21.5 }
		];
		const both = [{ code: 'west' }, { code: 'east' }];
		expect(nearestMunicipality({ lat: 42.6, lng: 20.9 }, both, seats)?.code).toBe('west');
		expect(nearestMunicipality({ lat: 42.4, lng: 21.1 }, both, seats)?.code).toBe('east');
	});

	it('puts a pin a kilometre north of Pristina in Pristina', () => {
		const pristina = seat('prishtine');
		expect(nearestMunicipality({ lat: pristina.lat + 0.009, lng: pristina.lng }, registered)?.code).toBe('prishtine');
	});

	it('returns the registered municipality itself, with its id', () => {
		expect(nearestMunicipality(seat('peje'), registered)).toEqual({
			id: `m${municipalities.indexOf(seat('peje'))}`,
			code: 'peje'
		});
	});

	it('gives no municipality when the nearest seat is not among the registered ones', () => {
		const withoutPeja = registered.filter((municipality) => municipality.code !== 'peje');
		expect(nearestMunicipality(seat('peje'), withoutPeja)).toBeUndefined();
	});

	it('gives no municipality for a position that is not a number', () => {
		expect(nearestMunicipality({ lat: Number.NaN, lng: 21 }, registered)).toBeUndefined();
		expect(nearestMunicipality({ lat: 42.6, lng: Number.POSITIVE_INFINITY }, registered)).toBeUndefined();
	});

	it('lets the first of two equally near seats win', () => {
		const seats = [
			{ code: 'a', lat: 42, lng: 21 },
			{ code: 'b', lat: 42, lng: 21 }
		];
		expect(nearestMunicipality({ lat: 42.1, lng: 21 }, [{ code: 'b' }, { code: 'a' }], seats)?.code).toBe('a');
	});
});
