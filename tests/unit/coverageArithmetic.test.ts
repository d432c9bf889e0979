import { describe, expect, it } from 'vitest';
import {
	coverageFigures,
	fillCategories,
	monthsOf,
	noCountedFigures,
	percent
} from '../../src/lib/domain/coverage/figures.ts';

describe('a coverage percentage', () => {
	it('is rounded to one decimal', () => {
		expect(percent(1, 3)).toBe(33.3);
		expect(percent(2, 3)).toBe(66.7);
		expect(percent(4, 4)).toBe(100);
	});

	it('rounds a half up', () => {
		expect(percent(1, 8)).toBe(12.5);
		expect(percent(1, 16)).toBe(6.3);
	});

	it('is null, not zero, when no venue is registered', () => {
		expect(percent(0, 0)).toBeNull();
		expect(
			coverageFigures({ registeredVenues: 0, registeredVenuesInspected: 0 }, noCountedFigures).coveragePercent
		).toBeNull();
	});

	it('is zero when venues are registered and none inspected', () => {
		expect(percent(0, 7)).toBe(0);
	});
});

describe('the months of a period', () => {
	it('lists every month the period touches', () => {
		expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
	});

	it('is one month for a period inside a month', () => {
		expect(monthsOf({ from: '2026-05-01', to: '2026-05-17' })).toEqual(['2026-05']);
	});
});

describe('filling report categories', () => {
	const empty = (band: string) => ({ band, count: 0 });

	it('keeps the report order and shows missing categories as zero', () => {
		expect(fillCategories(['a', 'b', 'c'], 'band', [{ band: 'c', count: 2 }], empty)).toEqual([
			{ band: 'a', count: 0 },
			{ band: 'b', count: 0 },
			{ band: 'c', count: 2 }
		]);
	});

	it('keeps values outside the list after it rather than losing them', () => {
		expect(
			fillCategories(
				['a'],
				'band',
				[
					{ band: 'z', count: 1 },
					{ band: 'a', count: 1 }
				],
				empty
			)
		).toEqual([
			{ band: 'a', count: 1 },
			{ band: 'z', count: 1 }
		]);
	});
});
