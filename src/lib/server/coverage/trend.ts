/**
 * Month by month within the period: the dashboard's trend, and the national reports' "operations
 * run and locations controlled" table.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { monthsOf } from '../../domain/coverage/figures.ts';
import type { OperationsRow, TrendRow } from '../../domain/coverage/report.ts';
import { countedInspections, type CoverageScope } from './counted.ts';

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
	const rows = rowsOf<MonthRow>(
		await db.execute(sql`with ${countedInspections(scope)},
			victims as (
				select sp.inspection_id, count(*) as n
				from screened_persons sp join counted c on c.id = sp.inspection_id
				where sp.deleted_at is null and sp.result = 'possible_victim' group by sp.inspection_id
			)
			select month, grouping(month)::int as whole_period,
				count(*)::int as inspections,
				count(distinct c.location_id)::int as venues_inspected,
				coalesce(sum(v.n), 0)::int as possible_victims,
				count(distinct c.plan_id)::int as plans,
				count(distinct c.operation_id)::int as operations
			from counted c left join victims v on v.inspection_id = c.id
			group by grouping sets ((), (month))`)
	);
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
