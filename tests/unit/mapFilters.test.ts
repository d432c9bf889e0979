import { describe, expect, it } from 'vitest';
import {
	inspectionAge,
	matchesMapFilters,
	noFilters,
	readMapFilters,
	writeMapFilters,
	type FilterableVenue
} from '../../src/lib/domain/register/mapFilters.ts';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const MUNICIPALITY = '3f1e4c1a-2b3c-4d5e-8f90-123456789abc';
const venue: FilterableVenue = {
	name: 'Kafe Ëndrra',
	address: 'Rr. Nëna Terezë 4',
	kind: 'restaurant_cafe',
	status: 'active',
	municipalityId: MUNICIPALITY,
	lastInspectedAt: daysAgo(10),
	nearChildren: { siteName: 'School' }
};

describe('the map filters in the URL', () => {
	it('round-trip through the query string', () => {
		const filters = {
			...noFilters,
			kind: 'bar' as const,
			municipalityId: MUNICIPALITY,
			status: 'unverified' as const,
			inspected: 'over90' as const,
			nearChildren: true,
			search: 'kristal',
			colour: 'inspection' as const
		};
		const query = writeMapFilters(filters).toString();
		expect(query).toBe(
			`kind=bar&municipality=${MUNICIPALITY}&status=unverified&inspected=over90&near=1&q=kristal&colour=inspection`
		);
		expect(readMapFilters(new URLSearchParams(query))).toEqual(filters);
	});

	it('leave an unfiltered map with a clean URL', () => {
		expect(writeMapFilters(noFilters).toString()).toBe('');
	});

	it('drop a stale or mistyped value instead of failing the page', () => {
		expect(
			readMapFilters(new URLSearchParams('kind=casino&municipality=nope&inspected=sometimes&colour=rainbow'))
		).toEqual(noFilters);
	});

	it('keep parameters that are not filters', () => {
		expect(writeMapFilters({ ...noFilters, kind: 'bar' }, new URLSearchParams('lang=sq')).toString()).toBe(
			'lang=sq&kind=bar'
		);
	});
});

describe('time since the last inspection', () => {
	it('is never, over 90 days or within 90 days', () => {
		expect(inspectionAge(null, now)).toBe('never');
		expect(inspectionAge(daysAgo(90), now)).toBe('within90');
		expect(inspectionAge(daysAgo(90.01), now)).toBe('over90');
	});
});

describe('which venues a filter keeps', () => {
	it('keeps everything with no filter', () => {
		expect(matchesMapFilters(venue, noFilters, now)).toBe(true);
	});

	it('filters by kind, municipality, status and last inspection', () => {
		expect(matchesMapFilters(venue, { ...noFilters, kind: 'bar' }, now)).toBe(false);
		expect(
			matchesMapFilters(venue, { ...noFilters, municipalityId: '00000000-0000-4000-8000-000000000000' }, now)
		).toBe(false);
		expect(matchesMapFilters(venue, { ...noFilters, status: 'gone' }, now)).toBe(false);
		expect(matchesMapFilters(venue, { ...noFilters, inspected: 'within90' }, now)).toBe(true);
		expect(matchesMapFilters(venue, { ...noFilters, inspected: 'never' }, now)).toBe(false);
	});

	it('keeps only venues near children when asked', () => {
		expect(matchesMapFilters(venue, { ...noFilters, nearChildren: true }, now)).toBe(true);
		expect(matchesMapFilters({ ...venue, nearChildren: null }, { ...noFilters, nearChildren: true }, now)).toBe(false);
	});

	it('searches name and address without caring for case or accents', () => {
		expect(matchesMapFilters(venue, { ...noFilters, search: 'ENDRRA' }, now)).toBe(true);
		expect(matchesMapFilters(venue, { ...noFilters, search: 'nena tereze' }, now)).toBe(true);
		expect(matchesMapFilters(venue, { ...noFilters, search: 'kristal' }, now)).toBe(false);
	});
});
