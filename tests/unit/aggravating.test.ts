import { describe, expect, it } from 'vitest';
import { aggravatingCircumstances } from '../../src/lib/domain/field/aggravating.ts';

const flag = { siteId: 'a', siteName: 'School', siteKind: 'school' as const, distanceMetres: 120, radiusMetres: 350 };
const checkIn = { lat: 42.6, lng: 21.1, accuracy: 5, at: '2026-11-24T20:00:00.000Z' };

describe('the aggravating circumstances of a visit', () => {
	it('are the check-in’s child-site flag and the persons screened under 18', () => {
		const persons = [{ ageBand: '14_17' }, { ageBand: 'under_14' }, { ageBand: '18_22' }, { ageBand: 'unknown' }];
		expect(aggravatingCircumstances({ ...checkIn, nearChildren: flag }, persons)).toEqual({
			nearChildren: flag,
			minors: 2
		});
	});
	it('say "not near children" apart from "not judged" (a visit of before the rule)', () => {
		expect(aggravatingCircumstances({ ...checkIn, nearChildren: null }, []).nearChildren).toBeNull();
		expect(aggravatingCircumstances(checkIn, []).nearChildren).toBeUndefined();
		expect(aggravatingCircumstances(null, []).nearChildren).toBeUndefined();
	});
	it('leave the minors out for a reader who may not see persons', () => {
		expect(aggravatingCircumstances(checkIn, null).minors).toBeNull();
	});
});
