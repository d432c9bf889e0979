/**
 * Venues with their coverage attributes — the drill-down's venue list, the coverage map's dots and
 * the GeoJSON export. "Last inspected" looks back past the period's start (up to its end), like the
 * overdue list, so a venue visited a week before the period is not painted as never inspected.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { possibleVictimSql } from '../db/screening.ts';
import type { LocationKind } from '../../domain/coverage/report.ts';
import type { VenueCoverage } from '../../domain/coverage/venues.ts';
import type { CountedInspection } from '../../domain/views/coverage.ts';
import { countedInspections, registeredVenue, startOfDay, venueFilters, zone, type CoverageScope } from './counted.ts';

type Row = {
	id: string;
	name: string;
	kind: LocationKind;
	status: string;
	address: string;
	municipality_id: string;
	municipality_code: string;
	lat: number;
	lng: number;
	registered: boolean;
	in_period: number;
	victims: number;
	last_day: string | null;
	last_id: string | null;
	days_since: number | null;
};

export async function venueCoverage(db: Db, scope: CoverageScope): Promise<VenueCoverage[]> {
	const { period, filters } = scope;
	const rows = rowsOf<Row>(
		await db.execute(sql`with ${countedInspections(scope, { sinceStart: false })},
			visits as (
				select location_id,
					count(*) filter (where day >= ${period.from}::date)::int as in_period,
					max(day) as last_day
				from counted group by location_id
			),
			last_visit as (
				select distinct on (c.location_id) c.location_id, c.id
				from counted c join inspections i on i.id = c.id
				order by c.location_id, i.started_at desc, c.id
			),
			victims as (
				select c.location_id, count(*)::int as n
				from screened_persons sp join counted c on c.id = sp.inspection_id
				join inspections i on i.id = c.id
				where sp.deleted_at is null and sp.result = ${possibleVictimSql}
					and i.started_at >= ${startOfDay(period.from)}
				group by c.location_id
			)
			select l.id, l.name, l.kind, l.status, l.address, l.municipality_id, m.code as municipality_code,
				l.lat, l.lng, ${registeredVenue} as registered,
				coalesce(v.in_period, 0)::int as in_period, coalesce(pv.n, 0)::int as victims,
				to_char(v.last_day, 'YYYY-MM-DD') as last_day, lv.id as last_id,
				(${period.to}::date - v.last_day)::int as days_since
			from locations l
			join municipalities m on m.id = l.municipality_id
			left join visits v on v.location_id = l.id
			left join last_visit lv on lv.location_id = l.id
			left join victims pv on pv.location_id = l.id
			where l.deleted_at is null and ${venueFilters(scope)}
			order by l.name, l.id`)
	);
	return rows.map((row) => ({
		locationId: row.id,
		name: row.name,
		kind: row.kind,
		status: row.status,
		address: row.address,
		municipalityId: row.municipality_id,
		municipalityCode: row.municipality_code,
		lat: Number(row.lat),
		lng: Number(row.lng),
		registered: row.registered,
		inspectionsInPeriod: row.in_period,
		possibleVictimsInPeriod: row.victims,
		lastInspectedOn: row.last_day,
		lastInspectionId: row.last_id,
		daysSinceInspection: row.days_since,
		overdue: row.registered && (row.days_since === null || row.days_since >= filters.overdueDays)
	}));
}

/** The counted inspections of the selection in the period, newest first (at most `limit`). */
export async function countedInspectionList(
	db: Db,
	scope: CoverageScope,
	limit: number
): Promise<{ total: number; inspections: CountedInspection[] }> {
	const rows = rowsOf<{
		id: string;
		location_id: string;
		name: string;
		kind: LocationKind;
		started: string;
		outcome: string | null;
		screened: number;
		victims: number;
		total: number;
	}>(
		await db.execute(sql`with ${countedInspections(scope)}
			select c.id, c.location_id, l.name, l.kind, c.outcome,
				to_char(i.started_at at time zone ${zone}, 'YYYY-MM-DD HH24:MI') as started,
				(select count(*) from screened_persons sp where sp.inspection_id = c.id and sp.deleted_at is null)::int as screened,
				(select count(*) from screened_persons sp where sp.inspection_id = c.id and sp.deleted_at is null
					and sp.result = ${possibleVictimSql})::int as victims,
				(count(*) over ())::int as total
			from counted c join inspections i on i.id = c.id join locations l on l.id = c.location_id
			order by i.started_at desc, c.id
			limit ${limit}`)
	);
	return {
		total: rows[0]?.total ?? 0,
		inspections: rows.map((row) => ({
			inspectionId: row.id,
			locationId: row.location_id,
			venueName: row.name,
			kind: row.kind,
			startedAt: row.started,
			outcome: row.outcome,
			screenedPersons: row.screened,
			possibleVictims: row.victims
		}))
	};
}
