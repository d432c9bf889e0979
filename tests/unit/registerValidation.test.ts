import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT_BOUNDS } from '../../src/lib/domain/geo/bounds.ts';
import { parseBounds, venueSchema, venueStatusChangeSchema } from '../../src/lib/domain/register/venue.ts';

const MUNICIPALITY = '3f1e4c1a-2b3c-4d5e-8f90-123456789abc';
const valid = {
	name: 'Bar Kristal',
	kind: 'bar',
	municipalityId: MUNICIPALITY,
	address: 'Rr. Agim Ramadani 12',
	lat: 42.66,
	lng: 21.16
};
const schema = venueSchema(DEFAULT_DEPLOYMENT_BOUNDS);

function fieldsWithErrors(input: unknown): string[] {
	const parsed = schema.safeParse(input);
	return parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]));
}

describe('a venue on the register', () => {
	it('is accepted with a name, a kind, a municipality and a position inside the deployment area', () => {
		expect(schema.safeParse(valid).success).toBe(true);
	});

	it('needs a name that is not only spaces', () => {
		expect(fieldsWithErrors({ ...valid, name: '   ' })).toEqual(['name']);
		expect(fieldsWithErrors({ ...valid, name: undefined })).toEqual(['name']);
	});

	it('needs a kind from the list', () => {
		expect(fieldsWithErrors({ ...valid, kind: 'casino' })).toEqual(['kind']);
	});

	it('needs a municipality', () => {
		expect(fieldsWithErrors({ ...valid, municipalityId: '' })).toEqual(['municipalityId']);
	});

	it('is refused outside the bounding box, naming the coordinate that is out of range', () => {
		// Swapped coordinates: the classic typing error.
		expect(fieldsWithErrors({ ...valid, lat: 21.16, lng: 42.66 })).toEqual(['lat']);
		expect(fieldsWithErrors({ ...valid, lng: 22.5 })).toEqual(['lng']);
	});

	it('accepts a point exactly on the edge of the box', () => {
		expect(
			schema.safeParse({ ...valid, lat: DEFAULT_DEPLOYMENT_BOUNDS.maxLat, lng: DEFAULT_DEPLOYMENT_BOUNDS.minLng })
				.success
		).toBe(true);
	});

	it('refuses coordinates that are not numbers', () => {
		expect(fieldsWithErrors({ ...valid, lat: Number.NaN })).toContain('lat');
		expect(fieldsWithErrors({ ...valid, lng: '21.1' })).toContain('lng');
	});

	it('keeps a blank registration number as none and trims the text fields', () => {
		const parsed = schema.parse({ ...valid, name: '  Bar Kristal ', businessRegNo: '  ' });
		expect(parsed.name).toBe('Bar Kristal');
		expect(parsed.businessRegNo).toBeNull();
		expect(parsed.riskNotes).toBe('');
	});

	it('uses the configured deployment box, not Kosovo, when one is given', () => {
		const tirana = { ...valid, lat: 41.33, lng: 19.82 };
		expect(schema.safeParse(tirana).success).toBe(false);
		expect(venueSchema(parseBounds('39.6,19.2,42.7,21.1')).safeParse(tirana).success).toBe(true);
	});
});

describe('the deployment bounding box setting', () => {
	it('reads "minLat,minLng,maxLat,maxLng"', () => {
		expect(parseBounds('41.85, 19.98, 43.27, 21.80')).toEqual({
			minLat: 41.85,
			minLng: 19.98,
			maxLat: 43.27,
			maxLng: 21.8
		});
	});

	it('refuses a malformed or inverted box instead of guessing', () => {
		expect(() => parseBounds('41.85,19.98,43.27')).toThrow(RangeError);
		expect(() => parseBounds('43.27,19.98,41.85,21.8')).toThrow(RangeError);
		expect(() => parseBounds('a,b,c,d')).toThrow(RangeError);
	});
});

describe('closing a venue or marking it gone', () => {
	it('needs a reason', () => {
		expect(venueStatusChangeSchema.safeParse({ status: 'closed_by_authority', reason: '' }).success).toBe(false);
		expect(venueStatusChangeSchema.safeParse({ status: 'gone' }).success).toBe(false);
		expect(venueStatusChangeSchema.safeParse({ status: 'gone', reason: 'Building demolished' }).success).toBe(true);
	});

	it('needs no reason to reopen', () => {
		expect(venueStatusChangeSchema.safeParse({ status: 'active' }).success).toBe(true);
	});

	it('cannot set a venue back to unverified', () => {
		expect(venueStatusChangeSchema.safeParse({ status: 'unverified', reason: 'x' }).success).toBe(false);
	});
});
