/**
 * The dashboard's figures — registered venues, coverage and what the counted inspections found —
 * for the whole selection, per municipality and per venue kind, each in one grouped SQL pass.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { coverageFigures, noCountedFigures, type CountedFigures, type CoverageFigures } from '../../domain/coverage/figures.ts';
import { locationKinds } from '../../domain/records/fieldRecords.ts';
import type { KindRow, MunicipalityRow } from '../../domain/coverage/report.ts';
import { countedInspections, registeredVenue, venueFilters, type CoverageScope } from './counted.ts';

type Grouped = { municipality_id: string | null; kind: string | null; by_municipality: number; by_kind: number };
type RegisteredRow = Grouped & { registered: number; registered_inspected: number };
type CountedRow = Grouped & {
	venues_inspected: number;
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

async function registered(db: Db, scope: CoverageScope): Promise<RegisteredRow[]> {
	return rowsOf<RegisteredRow>(
		await db.execute(sql`with ${countedInspections(scope)}
			select ${groupingColumns}, count(*)::int as registered,
				count(inspected.location_id)::int as registered_inspected
			from locations l
			left join (select distinct location_id from counted) inspected on inspected.location_id = l.id
			where ${registeredVenue} and ${venueFilters(scope)}
			group by ${groupingSets}`)
	);
}

async function counted(db: Db, scope: CoverageScope): Promise<CountedRow[]> {
	return rowsOf<CountedRow>(
		await db.execute(sql`with ${countedInspections(scope)},
			persons as (
				select sp.inspection_id, count(*) as screened,
					count(*) filter (where sp.result = 'possible_victim') as victims,
					count(*) filter (where sp.result <> 'no_indicators') as flagged
				from screened_persons sp join counted c on c.id = sp.inspection_id
				where sp.deleted_at is null group by sp.inspection_id
			),
			referred as (
				select r.inspection_id, count(*) as referrals
				from referrals r join counted c on c.id = r.inspection_id
				where r.deleted_at is null group by r.inspection_id
			)
			select ${groupingColumns},
				count(distinct c.location_id)::int as venues_inspected,
				count(*)::int as inspections,
				(count(*) filter (where c.outcome = 'trafficking_indicators_referred' or p.flagged > 0))::int as with_indicators,
				coalesce(sum(p.screened), 0)::int as screened_persons,
				coalesce(sum(p.victims), 0)::int as possible_victims,
				coalesce(sum(rf.referrals), 0)::int as referrals,
				(count(*) filter (where c.outcome = 'premises_closed'))::int as premises_closed
			from counted c
			left join persons p on p.inspection_id = c.id
			left join referred rf on rf.inspection_id = c.id
			group by ${groupingSets}`)
	);
}

function countedFigures(row: CountedRow | undefined): CountedFigures {
	if (!row) return noCountedFigures;
	return {
		venuesInspected: row.venues_inspected,
		inspections: row.inspections,
		inspectionsWithIndicators: row.with_indicators,
		screenedPersons: row.screened_persons,
		possibleVictims: row.possible_victims,
		referrals: row.referrals,
		premisesClosed: row.premises_closed
	};
}

function figuresOf(registeredRow: RegisteredRow | undefined, countedRow: CountedRow | undefined): CoverageFigures {
	return coverageFigures(
		{ registeredVenues: registeredRow?.registered ?? 0, registeredVenuesInspected: registeredRow?.registered_inspected ?? 0 },
		countedFigures(countedRow)
	);
}

export type FiguresBreakdown = { totals: CoverageFigures; byMunicipality: MunicipalityRow[]; byKind: KindRow[] };

export async function coverageBreakdown(db: Db, scope: CoverageScope): Promise<FiguresBreakdown> {
	const municipalityFilter = scope.filters.municipalityId ? sql`and id = ${scope.filters.municipalityId}` : sql``;
	const [registeredRows, countedRows, municipalityRows] = await Promise.all([
		registered(db, scope),
		counted(db, scope),
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
		figuresOf(pick(registeredRows, by, key), pick(countedRows, by, key));

	const municipalities = rowsOf<{ id: string; code: string; name_en: string; name_sq: string; name_sr: string }>(municipalityRows);
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
