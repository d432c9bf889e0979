/**
 * The dashboard's figures — registered venues, coverage and what the counted inspections found —
 * for the whole selection, per municipality and per venue kind, each in one grouped SQL pass.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import {
	coverageFigures,
	noCountedFigures,
	type CountedFigures,
	type CoverageFigures
} from '../../domain/coverage/figures.ts';
import { locationKinds } from '../../domain/records/codes.ts';
import type { KindRow, MunicipalityRow } from '../../domain/coverage/report.ts';
import { yearMasks } from '../../domain/coverage/dayMasks.ts';
import {
	countedInspections,
	findingFigures,
	findingsPerInspection,
	registeredVenue,
	venueFilters,
	type CoverageScope
} from './counted.ts';
import { inspectedOn, usesRollups } from './rollup.ts';
import { cellsWithin } from './months.ts';

type Grouped = { municipality_id: string | null; kind: string | null; by_municipality: number; by_kind: number };
type VenueRow = Grouped & { registered: number; registered_inspected: number; venues_inspected: number };
type CountedRow = Grouped & {
	inspections: number;
	with_indicators: number;
	screened_persons: number;
	possible_victims: number;
	referrals: number;
	premises_closed: number;
};

// grouping() is 0 for a column the row is grouped by: one result holds the total, the rows per
// municipality and the rows per kind.
const groupingSets = sql`grouping sets ((), (municipality_id), (kind))`;
const groupingColumns = sql`municipality_id, kind,
	grouping(municipality_id)::int as by_municipality, grouping(kind)::int as by_kind`;

/** `inspected (location_id)`: the distinct venues with a counted inspection in the period. */
function inspectedVenues(scope: CoverageScope) {
	if (!usesRollups(scope))
		return sql`${countedInspections(scope)}, inspected as (select distinct location_id from counted)`;
	const { from, to } = scope.period;
	// One row per venue and year: within one year the venues are distinct already.
	const distinct = from.slice(0, 4) === to.slice(0, 4) ? sql`` : sql`distinct`;
	return sql`inspected as (select ${distinct} v.location_id from coverage_venue_days v where ${inspectedOn(yearMasks(from, to))})`;
}

/**
 * Registered venues, how many of them were inspected, and every venue inspected (registered or not:
 * a venue since gone was still controlled) in one pass over the venues.
 */
async function venueFigures(db: Db, scope: CoverageScope): Promise<VenueRow[]> {
	return rowsOf<VenueRow>(
		await db.execute(sql`with ${inspectedVenues(scope)}
			select ${groupingColumns},
				(count(*) filter (where l.registered))::int as registered,
				(count(*) filter (where l.registered and inspected.location_id is not null))::int as registered_inspected,
				count(inspected.location_id)::int as venues_inspected
			from (select l.id, l.municipality_id, l.kind, ${registeredVenue} as registered from locations l where ${venueFilters(scope)}) l
			left join inspected on inspected.location_id = l.id
			where l.registered or inspected.location_id is not null
			group by ${groupingSets}`)
	);
}

async function counted(db: Db, scope: CoverageScope): Promise<CountedRow[]> {
	return rowsOf<CountedRow>(
		await db.execute(sql`with ${countedInspections(scope)}, ${findingsPerInspection}
			select ${groupingColumns},
				${findingFigures}
			group by ${groupingSets}`)
	);
}

/** The same sums from the rollups' days in the period. */
async function countedFromRollups(db: Db, scope: CoverageScope): Promise<CountedRow[]> {
	return rowsOf<CountedRow>(
		await db.execute(sql`select ${groupingColumns},
				coalesce(sum(d.inspections), 0)::int as inspections,
				coalesce(sum(d.with_indicators), 0)::int as with_indicators,
				coalesce(sum(d.screened_persons), 0)::int as screened_persons,
				coalesce(sum(d.possible_victims), 0)::int as possible_victims,
				coalesce(sum(d.referrals), 0)::int as referrals,
				coalesce(sum(d.premises_closed), 0)::int as premises_closed
			from ${cellsWithin(scope, 'coverage_daily')}
			group by ${groupingSets}`)
	);
}

function countedFigures(row: CountedRow | undefined, venuesInspected: number): CountedFigures {
	if (!row) return { ...noCountedFigures, venuesInspected };
	return {
		venuesInspected,
		inspections: row.inspections,
		inspectionsWithIndicators: row.with_indicators,
		screenedPersons: row.screened_persons,
		possibleVictims: row.possible_victims,
		referrals: row.referrals,
		premisesClosed: row.premises_closed
	};
}

function figuresOf(venueRow: VenueRow | undefined, countedRow: CountedRow | undefined): CoverageFigures {
	return coverageFigures(
		{ registeredVenues: venueRow?.registered ?? 0, registeredVenuesInspected: venueRow?.registered_inspected ?? 0 },
		countedFigures(countedRow, venueRow?.venues_inspected ?? 0)
	);
}

export type FiguresBreakdown = { totals: CoverageFigures; byMunicipality: MunicipalityRow[]; byKind: KindRow[] };

export async function coverageBreakdown(db: Db, scope: CoverageScope): Promise<FiguresBreakdown> {
	const municipalityFilter = scope.filters.municipalityId ? sql`and id = ${scope.filters.municipalityId}` : sql``;
	const [venueRows, countedRows, municipalityRows] = await Promise.all([
		venueFigures(db, scope),
		usesRollups(scope) ? countedFromRollups(db, scope) : counted(db, scope),
		db.execute(sql`select id, code, name_en, name_sq, name_sr from municipalities
			where deleted_at is null ${municipalityFilter} order by name_en, id`)
	]);
	const pick = <R extends Grouped>(rows: R[], by: 'total' | 'municipality' | 'kind', key?: string) =>
		rows.find((row) =>
			by === 'total'
				? row.by_municipality === 1 && row.by_kind === 1
				: by === 'municipality'
					? row.by_municipality === 0 && row.municipality_id === key
					: row.by_kind === 0 && row.kind === key
		);
	const figures = (by: 'total' | 'municipality' | 'kind', key?: string) =>
		figuresOf(pick(venueRows, by, key), pick(countedRows, by, key));

	const municipalities = rowsOf<{ id: string; code: string; name_en: string; name_sq: string; name_sr: string }>(
		municipalityRows
	);
	const kinds = scope.filters.kind ? [scope.filters.kind] : locationKinds;
	return {
		totals: figures('total'),
		byMunicipality: municipalities.map((m) => ({
			municipalityId: m.id,
			code: m.code,
			name: { en: m.name_en, sq: m.name_sq, sr: m.name_sr },
			...figures('municipality', m.id)
		})),
		byKind: kinds.map((kind) => ({ kind, ...figures('kind', kind) }))
	};
}
