/**
 * What each supervisor screen needs from the coverage queries, in one call per screen: the
 * dashboard, the coverage map, the report tables and a municipality's drill-down. Each asks only
 * for the parts it shows (the full report also lists overdue venues and national tables).
 */
import type { Db } from '../db/index.ts';
import { resolvePeriod, type CoverageFilters } from '../../domain/coverage/filters.ts';
import type {
	CoverageDashboard,
	CoverageMapView,
	CoverageReportTables,
	MunicipalityDrillDown
} from '../../domain/views/coverage.ts';
import { coverageBreakdown } from './figures.ts';
import { monthlyFigures } from './trend.ts';
import { overdueVenues } from './overdue.ts';
import { reportTables } from './victims.ts';
import { filterOptions } from './options.ts';
import { countedInspectionList, venueCoverage } from './venues.ts';
import { refreshCoverageRollups } from './rollup.ts';
import { aggravatingCircumstances } from './aggravating.ts';
import { nationalCounts, withVictims } from './national/index.ts';

/** Enough rows for a screen; the totals are always complete. */
const OVERDUE_ON_MAP = 200;
const INSPECTIONS_LISTED = 200;

/** The period the filters stand for, with the rollups brought up to date before they are read. */
async function scopeOf(db: Db, filters: CoverageFilters, today: string) {
	await refreshCoverageRollups(db);
	return { period: resolvePeriod(filters, today), filters };
}

export async function coverageDashboard(db: Db, filters: CoverageFilters, today: string): Promise<CoverageDashboard> {
	const scope = await scopeOf(db, filters, today);
	const [breakdown, monthly, options] = await Promise.all([
		coverageBreakdown(db, scope),
		monthlyFigures(db, scope),
		filterOptions(db)
	]);
	return { period: scope.period, ...breakdown, trend: monthly.trend, options };
}

export async function coverageMap(db: Db, filters: CoverageFilters, today: string): Promise<CoverageMapView> {
	const scope = await scopeOf(db, filters, today);
	const [breakdown, venues, overdue, options] = await Promise.all([
		coverageBreakdown(db, scope),
		venueCoverage(db, scope),
		overdueVenues(db, scope, OVERDUE_ON_MAP),
		filterOptions(db)
	]);
	return {
		period: scope.period,
		totals: breakdown.totals,
		byMunicipality: breakdown.byMunicipality,
		venues,
		overdue,
		options
	};
}

export async function coverageReportTables(
	db: Db,
	filters: CoverageFilters,
	today: string
): Promise<CoverageReportTables> {
	const scope = await scopeOf(db, filters, today);
	const [breakdown, monthly, tables, aggravating, national, options] = await Promise.all([
		coverageBreakdown(db, scope),
		monthlyFigures(db, scope),
		reportTables(db, scope),
		aggravatingCircumstances(db, scope),
		nationalCounts(db, scope, today),
		filterOptions(db)
	]);
	return {
		period: scope.period,
		totals: breakdown.totals,
		report: {
			...tables,
			operations: monthly.operations,
			aggravating,
			national: withVictims(national, tables.victimsByYear)
		},
		options
	};
}

/** Null when the municipality does not exist. */
export async function municipalityDrillDown(
	db: Db,
	filters: CoverageFilters,
	today: string
): Promise<MunicipalityDrillDown | null> {
	const scope = await scopeOf(db, filters, today);
	const [breakdown, venues, inspections, options] = await Promise.all([
		coverageBreakdown(db, scope),
		venueCoverage(db, scope),
		countedInspectionList(db, scope, INSPECTIONS_LISTED),
		filterOptions(db)
	]);
	const municipality = breakdown.byMunicipality[0];
	if (!municipality) return null;
	return { period: scope.period, municipality, venues, inspections, options };
}
