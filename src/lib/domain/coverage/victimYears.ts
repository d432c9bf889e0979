/**
 * The victim tables by year, laid out as the national statistics are: a category per row, the
 * years as columns, and in each year the possible victims (Kontrolla's screening) beside the
 * identified victims (formally identified by the police trafficking directorate or a prosecutor,
 * as recorded on the referral to the police). A year counts what the inspections of that year
 * found, as every other coverage figure does.
 */
import { fillCategories } from './figures.ts';

export type YearCount = { possible: number; identified: number };
export type VictimYearRow = { category: string; years: Record<string, YearCount>; total: YearCount };
/** What the database counts: one category of one table in one year. */
export type VictimYearCount = { category: string; year: number | string } & YearCount;

/** Every calendar year the period touches, oldest first, so a year with nothing still has its column. */
export function periodYears(period: { from: string; to: string }): string[] {
	const first = Number(period.from.slice(0, 4));
	const last = Number(period.to.slice(0, 4));
	return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i));
}

/**
 * The rows of one table: the fixed categories in the reports' order (missing ones as zero), then any
 * other category found; with no fixed list (nationality) the largest groups first.
 */
export function victimYearTable(
	counts: readonly VictimYearCount[],
	categories: readonly string[],
	years: readonly string[]
): VictimYearRow[] {
	const empty = (category: string): VictimYearRow => ({
		category,
		years: Object.fromEntries(years.map((year) => [year, { possible: 0, identified: 0 }])),
		total: { possible: 0, identified: 0 }
	});
	const byCategory = new Map<string, VictimYearRow>();
	for (const count of counts) {
		const row = byCategory.get(count.category) ?? empty(count.category);
		const year = String(count.year);
		const cell = (row.years[year] ??= { possible: 0, identified: 0 });
		cell.possible += count.possible;
		cell.identified += count.identified;
		row.total.possible += count.possible;
		row.total.identified += count.identified;
		byCategory.set(count.category, row);
	}
	const filled = fillCategories(categories, 'category', [...byCategory.values()], empty);
	return categories.length
		? filled
		: filled.sort((a, b) => b.total.possible - a.total.possible || a.category.localeCompare(b.category));
}
