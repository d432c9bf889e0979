import { describe, expect, it } from 'vitest';
import { DAYS_IN_MASK, dayOfYear, maskOf, yearMasks } from '../../src/lib/domain/coverage/dayMasks.ts';

describe('day masks of the coverage rollups', () => {
	it('number the days of a year from 1, leap days included', () => {
		expect(dayOfYear('2025-01-01')).toBe(1);
		expect(dayOfYear('2025-03-01')).toBe(60);
		expect(dayOfYear('2024-03-01')).toBe(61);
		expect(dayOfYear('2025-12-31')).toBe(365);
		expect(dayOfYear('2024-12-31')).toBe(366);
	});

	it('set exactly the days asked for, day n at bit n from the right', () => {
		const mask = maskOf(2, 4);
		expect(mask).toHaveLength(DAYS_IN_MASK);
		expect(mask.slice(-6)).toBe('001110');
		expect(mask.indexOf('1')).toBe(DAYS_IN_MASK - 4);
		expect(mask.lastIndexOf('1')).toBe(DAYS_IN_MASK - 2);
		expect(maskOf(366, 366)).toBe('1' + '0'.repeat(365));
	});

	it('split a period into one mask per calendar year', () => {
		const masks = yearMasks('2024-12-30', '2026-01-02');
		expect(masks.map(({ year, firstDay, lastDay }) => [year, firstDay, lastDay])).toEqual([
			[2024, 365, 366],
			[2025, 1, 365],
			[2026, 1, 2]
		]);
		expect(masks[1]!.mask.replaceAll('0', '')).toHaveLength(365);
		expect(masks[0]!.mask.slice(0, 4)).toBe('1100');
	});

	it('give one mask for a single day', () => {
		expect(yearMasks('2025-06-04', '2025-06-04')).toEqual([
			{ year: 2025, mask: maskOf(155, 155), firstDay: 155, lastDay: 155, months: null }
		]);
	});

	it('name the whole months of a year, which the rollups test as an integer', () => {
		const masks = yearMasks('2024-12-01', '2026-02-28');
		expect(masks.map(({ year, months }) => [year, months])).toEqual([
			[2024, 0b1000_0000_0000],
			[2025, 0b1111_1111_1111],
			[2026, 0b11]
		]);
		expect(yearMasks('2024-02-01', '2024-02-28')[0]!.months).toBeNull();
		expect(yearMasks('2024-02-01', '2024-02-29')[0]!.months).toBe(0b10);
		expect(yearMasks('2025-03-02', '2025-12-31')[0]!.months).toBeNull();
	});
});
