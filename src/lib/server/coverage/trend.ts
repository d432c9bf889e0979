/**
 * Month by month within the period: the dashboard's trend, and the national reports' "operations
 * run and locations controlled" table.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { monthsOf } from '../../domain/coverage/figures.ts';
import type { OperationsRow, TrendRow } from '../../domain/coverage/report.ts';
import { yearMasks } from '../../domain/coverage/dayMasks.ts';
import { countedInspections, venueFilters, type CoverageScope } from './counted.ts';
import { dailyWithin, inspectedOn, usesRollups } from './rollup.ts';

type MonthRow = {
	month: string | null;
	whole_period: number;
	inspections: number;
	venues_inspected: number;
	possible_victims: number;
	plans: number;
	operations: number;
};

export type MonthlyFigures = {
	trend: TrendRow[];
	operations: { totals: Omit<OperationsRow, 'month'>; byMonth: OperationsRow[] };
};

/**
 * An operation or plan counts as run in a month when an inspection was counted under it then (through
 * its team, or its assignment): the planned status of an operation says nothing of whether teams
 * went out, and this way the municipality, kind and agency filters apply to operations too.
 * Locations controlled are the distinct venues inspected, planned or not.
 */
export async function monthlyFigures(db: Db, scope: CoverageScope): Promise<MonthlyFigures> {
	const rows = usesRollups(scope) ? await monthRowsFromRollups(db, scope) : await monthRows(db, scope);
	return monthlyOf(scope, rows);
}

async function monthRows(db: Db, scope: CoverageScope): Promise<MonthRow[]> {
	return rowsOf<MonthRow>(
		await db.execute(sql`with ${countedInspections(scope)}
			select month, grouping(month)::int as whole_period,
				count(*)::int as inspections,
				count(distinct c.location_id)::int as venues_inspected,
				coalesce(sum(v.n), 0)::int as possible_victims,
				count(distinct c.plan_id)::int as plans,
				count(distinct c.operation_id)::int as operations
			from counted c
			-- Per inspection through the possible-victim index: a join on a grouped CTE was planned as a
			-- nested loop on PGlite (2.5 s for the demo data's 1,500 inspections).
			left join lateral (select count(*) as n from screened_persons sp
				where sp.inspection_id = c.id and sp.deleted_at is null and sp.result = 'possible_victim') v on true
			group by grouping sets ((), (month))`)
	);
}

/**
 * The same rows from the rollups: sums and distinct operations from the daily rows, venues from
 * their day masks (one mask per month, cut to the period, and the period's for the whole).
 */
async function monthRowsFromRollups(db: Db, scope: CoverageScope): Promise<MonthRow[]> {
	const { from, to } = scope.period;
	const months = monthsOf(scope.period).map((month) => {
		const monthFrom = `${month}-01` < from ? from : `${month}-01`;
		const monthTo = lastDayOf(month) > to ? to : lastDayOf(month);
		return { month, masks: yearMasks(monthFrom, monthTo) };
	});
	const [sums, venues] = await Promise.all([
		db.execute(sql`select month, grouping(month)::int as whole_period,
				coalesce(sum(inspections), 0)::int as inspections,
				coalesce(sum(possible_victims), 0)::int as possible_victims,
				count(distinct plan_id)::int as plans,
				count(distinct operation_id)::int as operations
			from (select to_char(d.day, 'YYYY-MM') as month, d.* from coverage_daily d where ${dailyWithin(scope)}) days
			group by grouping sets ((), (month))`),
		db.execute(sql`select count(distinct v.location_id)::int as whole,
				${sql.join(
					months.map(({ masks }, i) => sql`(count(*) filter (where ${inspectedOn(masks)}))::int as ${sql.identifier(`m${i}`)}`),
					sql`, `
				)}
			from coverage_venue_days v join locations l on l.id = v.location_id
			where ${inspectedOn(yearMasks(from, to))} and ${venueFilters(scope)}`)
	]);
	const venueCounts = rowsOf<Record<string, number>>(venues)[0] ?? {};
	return rowsOf<Omit<MonthRow, 'venues_inspected'>>(sums).map((row) => ({
		...row,
		venues_inspected: row.whole_period ? (venueCounts.whole ?? 0) : (venueCounts[`m${months.findIndex((m) => m.month === row.month)}`] ?? 0)
	}));
}

function lastDayOf(month: string): string {
	const [year, number] = month.split('-').map(Number) as [number, number];
	return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

function monthlyOf(scope: CoverageScope, rows: MonthRow[]): MonthlyFigures {
	const byMonth = new Map(rows.filter((row) => row.whole_period === 0).map((row) => [row.month, row]));
	const total = rows.find((row) => row.whole_period === 1);
	const months = monthsOf(scope.period).map((month) => ({ month, row: byMonth.get(month) }));
	return {
		trend: months.map(({ month, row }) => ({
			month,
			inspections: row?.inspections ?? 0,
			venuesInspected: row?.venues_inspected ?? 0,
			possibleVictims: row?.possible_victims ?? 0
		})),
		operations: {
			totals: { plans: total?.plans ?? 0, operations: total?.operations ?? 0, locationsControlled: total?.venues_inspected ?? 0 },
			byMonth: months.map(({ month, row }) => ({
				month,
				plans: row?.plans ?? 0,
				operations: row?.operations ?? 0,
				locationsControlled: row?.venues_inspected ?? 0
			}))
		}
	};
}
