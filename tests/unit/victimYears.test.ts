import { describe, expect, it } from 'vitest';
import { periodYears, victimYearTable } from '../../src/lib/domain/coverage/victimYears.ts';

describe('the victim tables have a column for every year of the period', () => {
	it('lists each calendar year the period touches', () => {
		expect(periodYears({ from: '2024-12-01', to: '2026-01-31' })).toEqual(['2024', '2025', '2026']);
		expect(periodYears({ from: '2026-01-01', to: '2026-03-31' })).toEqual(['2026']);
	});
});

describe('a victim table by year', () => {
	const years = ['2025', '2026'];
	it('puts possible and identified victims side by side in each year, with totals', () => {
		const rows = victimYearTable(
			[
				{ category: 'primary', year: 2025, possible: 2, identified: 0 },
				{ category: 'primary', year: 2025, possible: 0, identified: 1 },
				{ category: 'primary', year: '2026', possible: 1, identified: 0 }
			],
			['illiterate', 'primary'],
			years
		);
		expect(rows).toEqual([
			{
				category: 'illiterate',
				years: { '2025': { possible: 0, identified: 0 }, '2026': { possible: 0, identified: 0 } },
				total: { possible: 0, identified: 0 }
			},
			{
				category: 'primary',
				years: { '2025': { possible: 2, identified: 1 }, '2026': { possible: 1, identified: 0 } },
				total: { possible: 3, identified: 1 }
			}
		]);
	});
	it('orders a table without fixed categories by size', () => {
		const rows = victimYearTable(
			[
				{ category: 'AL', year: 2025, possible: 1, identified: 0 },
				{ category: 'XK', year: 2025, possible: 3, identified: 2 }
			],
			[],
			years
		);
		expect(rows.map((row) => row.category)).toEqual(['XK', 'AL']);
	});
});
