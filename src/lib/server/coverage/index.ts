/**
 * The supervisors' coverage report: everything GET /api/coverage answers, counted in SQL
 * on PostgreSQL or PGlite alike.
 */
import type { Db } from '../db/index.ts';
import { resolvePeriod, type CoverageFilters } from '../../domain/coverage/filters.ts';
import type { CoverageReport } from '../../domain/coverage/report.ts';
import { coverageBreakdown } from './figures.ts';
import { monthlyFigures } from './trend.ts';
import { overdueVenues } from './overdue.ts';
import { reportTables } from './victims.ts';
import { aggravatingCircumstances } from './aggravating.ts';
import { nationalCounts, withVictims } from './national/index.ts';
import { refreshCoverageRollups } from './rollup.ts';
import type { CoverageScope } from './counted.ts';

/** Enough overdue venues for a screen; the count is always complete and exports list them all. */
export const OVERDUE_SHOWN = 500;

export async function coverageReport(
	db: Db,
	filters: CoverageFilters,
	today: string,
	{ overdueLimit = OVERDUE_SHOWN, source }: { overdueLimit?: number | null; source?: CoverageScope['source'] } = {}
): Promise<CoverageReport> {
	const period = resolvePeriod(filters, today);
	const scope: CoverageScope = { period, filters, source };
	await refreshCoverageRollups(db);
	const [breakdown, monthly, overdue, tables, aggravating, national] = await Promise.all([
		coverageBreakdown(db, scope),
		monthlyFigures(db, scope),
		overdueVenues(db, scope, overdueLimit),
		reportTables(db, scope),
		aggravatingCircumstances(db, scope),
		nationalCounts(db, scope, today)
	]);
	const { from: _from, to: _to, ...otherFilters } = filters;
	return {
		period,
		filters: otherFilters,
		...breakdown,
		trend: monthly.trend,
		overdue,
		report: {
			...tables,
			operations: monthly.operations,
			aggravating,
			national: withVictims(national, tables.victimsByYear)
		}
	};
}
