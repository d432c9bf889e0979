/**
 * Month by month within the period: the dashboard's trend, and the national reports' "operations
 * run and locations controlled" table.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { possibleVictimSql } from '../db/screening.ts';
import { monthsOf } from '../../domain/coverage/figures.ts';
import type { OperationsRow, TrendRow } from '../../domain/coverage/report.ts';
import { yearMasks } from '../../domain/coverage/dayMasks.ts';
import { countedInspections, venueFilters, type CoverageScope } from './counted.ts';
import { inspectedOn, operationRows as countryOrPlaceRows, usesRollups } from './rollup.ts';
import { cellsWithin } from './months.ts';

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
				where sp.inspection_id = c.id and sp.deleted_at is null and sp.result = ${possibleVictimSql}) v on true
			group by grouping sets ((), (month))`)
	);
}

/**
 * The same rows from the rollups: sums from the daily rows, distinct plans and operations from the
 * operations' daily rows, venues from their masks (a month wholly in the period by its month bit,
 * a month the period cuts by its days, the whole period by its days).
 */
async function monthRowsFromRollups(db: Db, scope: CoverageScope): Promise<MonthRow[]> {
	const { from, to } = scope.period;
	const months = monthsOf(scope.period).map((month) => {
		const [year, number] = month.split('-').map(Number) as [number, number];
		const first = `${month}-01`;
		const last = lastDayOf(month);
		const inspected =
			first >= from && last <= to
				? sql`(v.year = ${year} and (v.months & ${1 << (number - 1)}) <> 0)`
				: inspectedOn(yearMasks(first < from ? from : first, last > to ? to : last));
		return { month, inspected };
	});
	// A venue has one row a year: within one year no venue is counted twice. Every venue with a
	// counted inspection is on the register (its row is never removed), so the join is only for the
	// filters.
	const oneRowPerVenue = from.slice(0, 4) === to.slice(0, 4);
	const narrowed = Boolean(scope.filters.municipalityId || scope.filters.kind);
	const byMonth = (cells: SQL, within: SQL, columns: SQL) =>
		db.execute(sql`select month, grouping(month)::int as whole_period, ${columns}
			from (select to_char(d.day, 'YYYY-MM') as month, d.* from ${cells} where ${within}) days
			group by grouping sets ((), (month))`);
	const [sums, operations, venues] = await Promise.all([
		byMonth(
			cellsWithin(scope, 'coverage_daily'),
			sql`true`,
			sql`coalesce(sum(inspections), 0)::int as inspections,
			coalesce(sum(possible_victims), 0)::int as possible_victims`
		),
		byMonth(
			cellsWithin(scope, 'coverage_operations_daily'),
			countryOrPlaceRows(scope),
			sql`count(distinct plan_id)::int as plans,
			count(distinct operation_id)::int as operations`
		),
		db.execute(sql`select ${oneRowPerVenue ? sql`count(*)` : sql`count(distinct v.location_id)`}::int as whole,
				${sql.join(
					months.map(
						({ inspected }, i) => sql`(count(*) filter (where ${inspected}))::int as ${sql.identifier(`m${i}`)}`
					),
					sql`, `
				)}
			from coverage_venue_days v ${narrowed ? sql`join locations l on l.id = v.location_id` : sql``}
			where ${inspectedOn(yearMasks(from, to))} ${narrowed ? sql`and ${venueFilters(scope)}` : sql``}`)
	]);
	type Sums = { month: string | null; whole_period: number; inspections: number; possible_victims: number };
	type Operations = { month: string | null; whole_period: number; plans: number; operations: number };
	const venueCounts = rowsOf<Record<string, number>>(venues)[0] ?? {};
	const operationRows = rowsOf<Operations>(operations);
	const sumRows = rowsOf<Sums>(sums);
	const find = <R extends { month: string | null; whole_period: number }>(rows: R[], month: string | null) =>
		rows.find((row) => (month === null ? row.whole_period === 1 : row.whole_period === 0 && row.month === month));
	return [null, ...months.map((m) => m.month)].map((month, i) => {
		const sum = find(sumRows, month);
		const operation = find(operationRows, month);
		return {
			month,
			whole_period: month === null ? 1 : 0,
			inspections: sum?.inspections ?? 0,
			possible_victims: sum?.possible_victims ?? 0,
			plans: operation?.plans ?? 0,
			operations: operation?.operations ?? 0,
			venues_inspected: (month === null ? venueCounts.whole : venueCounts[`m${i - 1}`]) ?? 0
		};
	});
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
			totals: {
				plans: total?.plans ?? 0,
				operations: total?.operations ?? 0,
				locationsControlled: total?.venues_inspected ?? 0
			},
			byMonth: months.map(({ month, row }) => ({
				month,
				plans: row?.plans ?? 0,
				operations: row?.operations ?? 0,
				locationsControlled: row?.venues_inspected ?? 0
			}))
		}
	};
}
