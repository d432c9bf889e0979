import { describe, expect, it } from 'vitest';
import { coverageFiltersSchema, resolvePeriod, todayIn } from '../../src/lib/domain/coverage/filters.ts';

const parse = (query: Record<string, string>) => coverageFiltersSchema.safeParse(query);
const fieldOf = (query: Record<string, string>) => {
	const result = parse(query);
	return result.success ? null : result.error.issues[0]?.path[0];
};

describe('coverage filters', () => {
	it('take an explicit period with every optional filter', () => {
		const result = parse({
			from: '2026-01-01',
			to: '2026-03-31',
			municipalityId: '3f1c2a9e-8b7d-4c6e-9f0a-1b2c3d4e5f60',
			kind: 'night_club',
			agency: 'labour',
			planId: '0c9b8a7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d',
			overdueDays: '60'
		});
		expect(result.success && result.data).toMatchObject({
			from: '2026-01-01',
			kind: 'night_club',
			agency: 'labour',
			overdueDays: 60
		});
	});

	it('count a venue overdue after 90 days unless told otherwise', () => {
		expect(parse({}).data?.overdueDays).toBe(90);
		expect(parse({ overdueDays: '' }).data?.overdueDays).toBe(90);
	});

	it('treat empty parameters as filters not set', () => {
		const result = parse({ kind: '', municipalityId: '', preset: 'year' });
		expect(result.success && result.data).toEqual({ preset: 'year', overdueDays: 90 });
	});

	it('name the field that is wrong', () => {
		expect(fieldOf({ from: '2026-13-01', to: '2026-12-31' })).toBe('from');
		expect(fieldOf({ from: 'yesterday', to: '2026-12-31' })).toBe('from');
		expect(fieldOf({ from: '2026-01-01' })).toBe('to');
		expect(fieldOf({ to: '2026-01-01' })).toBe('from');
		expect(fieldOf({ from: '2026-02-01', to: '2026-01-31' })).toBe('from');
		expect(fieldOf({ preset: 'decade' })).toBe('preset');
		expect(fieldOf({ preset: 'year', from: '2026-01-01', to: '2026-01-31' })).toBe('preset');
		expect(fieldOf({ kind: 'casino' })).toBe('kind');
		expect(fieldOf({ agency: 'army' })).toBe('agency');
		expect(fieldOf({ municipalityId: 'prishtine' })).toBe('municipalityId');
		expect(fieldOf({ planId: '42' })).toBe('planId');
		expect(fieldOf({ overdueDays: '0' })).toBe('overdueDays');
		expect(fieldOf({ overdueDays: '1.5' })).toBe('overdueDays');
		expect(fieldOf({ overdueDays: 'soon' })).toBe('overdueDays');
	});

	it('accept a one-day period', () => {
		expect(parse({ from: '2026-05-05', to: '2026-05-05' }).success).toBe(true);
	});
});

describe('resolving the period', () => {
	const today = '2026-05-17';

	it('keeps an explicit period as given', () => {
		expect(resolvePeriod({ from: '2025-12-01', to: '2026-02-28' }, today)).toEqual({
			from: '2025-12-01',
			to: '2026-02-28'
		});
	});

	it('takes the last 30 days including today', () => {
		expect(resolvePeriod({ preset: 'last30' }, today)).toEqual({ from: '2026-04-18', to: '2026-05-17' });
	});

	it('takes the last 30 days when nothing is chosen', () => {
		expect(resolvePeriod({}, today)).toEqual({ from: '2026-04-18', to: '2026-05-17' });
	});

	it('crosses a year end for the last 30 days', () => {
		expect(resolvePeriod({ preset: 'last30' }, '2026-01-10')).toEqual({ from: '2025-12-12', to: '2026-01-10' });
	});

	it('runs this month from its first day to today', () => {
		expect(resolvePeriod({ preset: 'month' }, today)).toEqual({ from: '2026-05-01', to: today });
	});

	it('runs this quarter from its first day to today', () => {
		expect(resolvePeriod({ preset: 'quarter' }, today)).toEqual({ from: '2026-04-01', to: today });
		expect(resolvePeriod({ preset: 'quarter' }, '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		expect(resolvePeriod({ preset: 'quarter' }, '2026-12-01')).toEqual({ from: '2026-10-01', to: '2026-12-01' });
	});

	it('runs this year from 1 January to today', () => {
		expect(resolvePeriod({ preset: 'year' }, today)).toEqual({ from: '2026-01-01', to: today });
	});

	it('reads today on the Kosovo calendar, not in UTC', () => {
		// 23:30 UTC on 31 March is already 1 April in Prishtina (summer time, UTC+2).
		expect(todayIn('Europe/Belgrade', new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
		expect(todayIn('UTC', new Date('2026-03-31T23:30:00Z'))).toBe('2026-03-31');
	});
});
