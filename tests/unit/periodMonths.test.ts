import { describe, expect, it } from 'vitest';
import { periodParts } from '../../src/lib/domain/coverage/periodMonths.ts';

describe('a period cut into whole months and end days', () => {
	it('takes a whole year as its twelve months', () => {
		expect(periodParts('2026-01-01', '2026-12-31')).toEqual({
			months: { first: '2026-01-01', last: '2026-12-01' },
			days: []
		});
	});

	it('keeps the days at both ends outside the whole months', () => {
		expect(periodParts('2024-11-15', '2025-02-10')).toEqual({
			months: { first: '2024-12-01', last: '2025-01-01' },
			days: [
				{ from: '2024-11-15', to: '2024-11-30' },
				{ from: '2025-02-01', to: '2025-02-10' }
			]
		});
	});

	it('counts a leap February to its 29th', () => {
		expect(periodParts('2024-02-01', '2024-02-29')).toEqual({
			months: { first: '2024-02-01', last: '2024-02-01' },
			days: []
		});
		expect(periodParts('2024-02-01', '2024-02-28')).toEqual({
			months: null,
			days: [{ from: '2024-02-01', to: '2024-02-28' }]
		});
	});

	it('reads days only when no month is whole, even across a month end', () => {
		expect(periodParts('2026-03-20', '2026-04-10')).toEqual({
			months: null,
			days: [{ from: '2026-03-20', to: '2026-04-10' }]
		});
		expect(periodParts('2026-03-05', '2026-03-05')).toEqual({
			months: null,
			days: [{ from: '2026-03-05', to: '2026-03-05' }]
		});
	});

	it('a period from a month start to a day inside a later month', () => {
		expect(periodParts('2026-01-01', '2026-12-03')).toEqual({
			months: { first: '2026-01-01', last: '2026-11-01' },
			days: [{ from: '2026-12-01', to: '2026-12-03' }]
		});
	});

	it('gives nothing for a period that ends before it starts', () => {
		expect(periodParts('2026-05-02', '2026-05-01')).toEqual({ months: null, days: [] });
	});
});
