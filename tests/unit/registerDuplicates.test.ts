import { describe, expect, it } from 'vitest';
import { likelyDuplicates, normaliseName, similarNames } from '../../src/lib/domain/register/duplicates.ts';
import { metresPerDegree } from '../../src/lib/domain/geo/distance.ts';

const origin = { lat: 42.6629, lng: 21.1655 };
/** A point `metres` north of the origin. */
function north(metres: number) {
	return { lat: origin.lat + metres / metresPerDegree(origin.lat).lat, lng: origin.lng };
}

describe('names that are the same venue', () => {
	it('ignore case, diacritics and punctuation', () => {
		expect(normaliseName('  Kafe "Ëndrra" – Çarshia ')).toBe('kafe endrra carshia');
		expect(normaliseName('Đakovica Bar')).toBe('dakovica bar');
		expect(similarNames('BAR KRISTAL', 'Bar Kristal')).toBe(true);
	});

	it('match a one-letter typo', () => {
		expect(similarNames('Bar Kristal', 'Bar Kristall')).toBe(true);
		expect(similarNames('Hotel Dardania', 'Hotel Dardanja')).toBe(true);
	});

	it('match a name contained in the other', () => {
		expect(similarNames('Kristal', 'Bar Kristal')).toBe(true);
	});

	it('do not match different names', () => {
		expect(similarNames('Bar Kristal', 'Pekara Bešić')).toBe(false);
		expect(similarNames('Bar Roma', 'Bar Rio')).toBe(false);
		// Too short to count as contained: "Bar" is in every bar's name.
		expect(similarNames('Bar', 'Bar Kristal')).toBe(false);
	});
});

describe('a likely duplicate', () => {
	const register = [
		{ id: 'a', name: 'Bar Kristal', ...north(30) },
		{ id: 'b', name: 'Bar Kristal', ...north(60) },
		{ id: 'c', name: 'Pekara Bešić', ...north(10) },
		{ id: 'd', name: 'bar kristall', ...north(49) }
	];

	it('is a similar name within 50 m, nearest first', () => {
		const found = likelyDuplicates({ name: 'Bar Kristal', ...origin }, register);
		expect(found.map((d) => d.id)).toEqual(['a', 'd']);
		expect(found[0]!.distanceMetres).toBeCloseTo(30, 0);
	});

	it('is not the same name 60 m away, nor a different name next door', () => {
		const ids = likelyDuplicates({ name: 'Bar Kristal', ...origin }, register).map((d) => d.id);
		expect(ids).not.toContain('b');
		expect(ids).not.toContain('c');
	});

	it('never includes the venue itself when it is edited', () => {
		const ids = likelyDuplicates({ id: 'a', name: 'Bar Kristal', ...north(30) }, register).map((d) => d.id);
		expect(ids).not.toContain('a');
	});
});
