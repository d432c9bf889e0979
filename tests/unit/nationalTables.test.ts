/** The layout arithmetic of the national tables (domain/coverage/national.ts). */
import { describe, expect, it } from 'vitest';
import { offenceTable, victimsPerYear, weightedMedian } from '../../src/lib/domain/coverage/national.ts';

describe('weightedMedian', () => {
	it('is the middle amount, or the mean of the two middle ones', () => {
		// 100 200 200 → 200; 100 200 200 900 → (200 + 200) / 2; 100 900 → 500.
		expect(
			weightedMedian([
				{ amount: 200, count: 2 },
				{ amount: 100, count: 1 }
			])
		).toBe(200);
		expect(
			weightedMedian([
				{ amount: 900, count: 1 },
				{ amount: 200, count: 2 },
				{ amount: 100, count: 1 }
			])
		).toBe(200);
		expect(
			weightedMedian([
				{ amount: 100, count: 1 },
				{ amount: 900, count: 1 }
			])
		).toBe(500);
		// 1 2 → 1.5.
		expect(
			weightedMedian([
				{ amount: 1, count: 1 },
				{ amount: 2, count: 1 }
			])
		).toBe(1.5);
	});

	it('is null without amounts', () => {
		expect(weightedMedian([])).toBeNull();
		expect(weightedMedian([{ amount: 300, count: 0 }])).toBeNull();
	});
});

describe('offenceTable', () => {
	it('lists every offence in the codes order and adds the years reports were filed in', () => {
		const { years, offences } = offenceTable(
			[{ offence: 'slavery', year: 2027, reports: 1, arrests: 2, detentions: 0 }],
			['2026']
		);
		expect(years).toEqual(['2026', '2027']);
		expect(offences.map((row) => row.offence)).toEqual([
			'trafficking_in_persons',
			'facilitating_prostitution',
			'using_victim_sexual_services',
			'slavery',
			'other'
		]);
		expect(offences[3]).toEqual({
			offence: 'slavery',
			years: { '2026': { reports: 0, arrests: 0, detentions: 0 }, '2027': { reports: 1, arrests: 2, detentions: 0 } },
			total: { reports: 1, arrests: 2, detentions: 0 }
		});
	});
});

describe('victimsPerYear', () => {
	it('adds up a victim table by year column by column', () => {
		const cell = (possible: number, identified: number) => ({ possible, identified });
		expect(
			victimsPerYear(
				['2025', '2026'],
				[
					{ category: '18_22', years: { '2025': cell(2, 1), '2026': cell(1, 0) }, total: cell(3, 1) },
					{ category: 'unknown', years: { '2026': cell(4, 2) }, total: cell(4, 2) }
				]
			)
		).toEqual([
			{ year: '2025', possible: 2, identified: 1 },
			{ year: '2026', possible: 5, identified: 2 }
		]);
	});
});
