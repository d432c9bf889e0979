/**
 * The monthly layer of the coverage rollups (migration 0015): each `*_daily` table has a `*_monthly`
 * twin holding the same cells summed per calendar month, `day` being the month's first day. A
 * year's report reads twelve months of rows instead of 365 days of them — the day tables of a
 * country-sized year hold ~100,000 rows each — and the days at a period's ends that are not a
 * whole month still come from the day table. Both are rebuilt together, in the same transaction,
 * from the days `coverage_dirty` noted (rollup.ts).
 *
 * Only `day` differs between a day row and a month row, so whatever a query reads of a cell
 * (sums, distinct operations, the year of a month) reads the same from either, as long as it
 * groups by month or coarser; none groups by day.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { periodParts } from '../../domain/coverage/periodMonths.ts';
import type { CoverageScope } from './counted.ts';

type MonthRollup = {
	/** The day table; its twin is the same name with `_monthly`. */
	daily: string;
	/** The cell's columns besides `day`: a month row is one per distinct combination. */
	keys: readonly string[];
	/** Counts summed over the month's days (none for the operations: a row says one ran). */
	sums: readonly string[];
};

const place = ['municipality_id', 'kind'] as const;

export const monthRollups: readonly MonthRollup[] = [
	{
		daily: 'coverage_daily',
		keys: place,
		sums: ['inspections', 'with_indicators', 'screened_persons', 'possible_victims', 'referrals', 'premises_closed']
	},
	{ daily: 'coverage_operations_daily', keys: ['operation_id', 'plan_id', ...place], sums: [] },
	{
		daily: 'coverage_victims_daily',
		keys: [...place, 'age_band', 'sex', 'nationality', 'education', 'recruitment', 'exploitation_form'],
		sums: ['victims']
	},
	{ daily: 'coverage_referrals_daily', keys: [...place, 'target', 'status'], sums: ['referrals'] },
	{ daily: 'coverage_criminal_daily', keys: [...place, 'offence', 'year'], sums: ['reports', 'arrests', 'detentions'] },
	{ daily: 'coverage_violations_daily', keys: [...place, 'violation_kind_id'], sums: ['violations'] },
	{
		daily: 'coverage_decisions_daily',
		keys: [...place, 'decision_kind', 'appeal', 'amount_eur'],
		sums: ['decisions']
	},
	{ daily: 'coverage_controls_daily', keys: [...place, 'status', 'due_on'], sums: ['controls'] },
	{
		daily: 'coverage_workers_daily',
		keys: [...place, 'agency'],
		sums: ['workers', 'minors', 'without_contract', 'undeclared']
	},
	{
		daily: 'coverage_aggravating_daily',
		keys: place,
		sums: ['inspections_near_children', 'victims_under_18', 'victims_near_children']
	}
];

const monthlyOf = (daily: string) => daily.replace(/_daily$/, '_monthly');
const rollupOf = (daily: string): MonthRollup => {
	const found = monthRollups.find((rollup) => rollup.daily === daily);
	if (!found) throw new Error(`no monthly twin for ${daily}`);
	return found;
};
const columns = (rollup: MonthRollup) => [...rollup.keys, ...rollup.sums].join(', ');

/**
 * Rebuilds the months of the noted days from the day tables, which must already be rebuilt;
 * `months` is a subquery of first days of months.
 */
export async function rebuildMonths(tx: Db, months: SQL, first: string, last: string): Promise<void> {
	for (const rollup of monthRollups) {
		const monthly = sql.raw(monthlyOf(rollup.daily));
		const keys = rollup.keys.join(', ');
		const sums = rollup.sums.map((column) => `sum(${column})::int`);
		await tx.execute(sql`delete from ${monthly} where day in ${months}`);
		// The range lets the day index find the rows; the month list is the exact set.
		await tx.execute(sql`insert into ${monthly} (day, ${sql.raw(columns(rollup))})
			select date_trunc('month', d.day)::date, ${sql.raw([keys, ...sums].join(', '))}
			from ${sql.raw(rollup.daily)} d
			where d.day >= date_trunc('month', ${first}::date) and d.day <= ${last}::date + interval '1 month'
				and date_trunc('month', d.day)::date in ${months}
			group by 1, ${sql.raw(keys)}`);
	}
}

/**
 * `(…) d`: the cells of a day table within the scope's period — its whole months from the monthly
 * twin, the days at its ends from the day table — narrowed by municipality and kind.
 */
export function cellsWithin(scope: CoverageScope, daily: string): SQL {
	const rollup = rollupOf(daily);
	const { months, days } = periodParts(scope.period.from, scope.period.to);
	const cells = `day, ${columns(rollup)}`;
	const parts: SQL[] = [];
	if (months) {
		parts.push(sql`select ${sql.raw(cells)} from ${sql.raw(monthlyOf(daily))}
			where day between ${months.first}::date and ${months.last}::date`);
	}
	for (const range of days) {
		parts.push(sql`select ${sql.raw(cells)} from ${sql.raw(daily)}
			where day between ${range.from}::date and ${range.to}::date`);
	}
	if (parts.length === 0) parts.push(sql`select ${sql.raw(cells)} from ${sql.raw(daily)} where false`);
	const narrowed = [sql`true`];
	if (scope.filters.municipalityId) narrowed.push(sql`d.municipality_id = ${scope.filters.municipalityId}`);
	if (scope.filters.kind) narrowed.push(sql`d.kind = ${scope.filters.kind}`);
	return sql`(select * from (${sql.join(parts, sql` union all `)}) d where ${sql.join(narrowed, sql` and `)}) d`;
}
