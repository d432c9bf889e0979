/**
 * Venues on the register that are overdue for a visit as of the end of the period: never
 * inspected, or last inspected `overdueDays` or more days before it. Measured from the period's
 * end rather than from today, so a report for a past period reads the same when re-run.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import type { LocationKind, OverdueVenue } from '../../domain/coverage/report.ts';
import { dayOfYear } from '../../domain/coverage/dayMasks.ts';
import { countedInspections, registeredVenue, venueFilters, type CoverageScope } from './counted.ts';
import { usesRollups } from './rollup.ts';

type Row = {
	id: string;
	name: string;
	kind: LocationKind;
	municipality_id: string;
	municipality_code: string;
	status: string;
	last_inspected_on: string | null;
	days_since: number | null;
	overdue_total: number;
};

/** `last_visit (location_id, day)`: each venue's last counted inspection up to the period's end. */
function lastVisits(scope: CoverageScope) {
	if (!usesRollups(scope)) {
		return sql`${countedInspections(scope, { sinceStart: false })},
			last_visit as (select location_id, max(day) as day from counted group by location_id)`;
	}
	// Each venue-year row keeps its last day: the last visit up to the period's end is that day for
	// every earlier year, and for the period's year too unless the venue was visited after the end.
	// Only then is the mask read: day k of a year is bit k from the right, so the last visit up to day
	// k is the first set bit of the mask's leftmost part from bit k: found at position p, it is day
	// k - p + 1.
	const year = Number(scope.period.to.slice(0, 4));
	const upTo = dayOfYear(scope.period.to);
	const found = sql`position(B'1' in substring(v.days from ${367 - upTo}::int))`;
	return sql`last_visit as (
		select v.location_id, max(case
			when v.year < ${year} or v.last_day <= ${scope.period.to}::date then v.last_day
			when ${found} > 0 then make_date(v.year, 1, 1) + (${upTo}::int - ${found})
		end) as day
		from coverage_venue_days v where v.year <= ${year}
		group by v.location_id
	)`;
}

/** `limit` null returns every overdue venue (exports); the count is always the full one. */
export async function overdueVenues(
	db: Db,
	scope: CoverageScope,
	limit: number | null
): Promise<{ asOf: string; count: number; venues: OverdueVenue[] }> {
	const { period, filters } = scope;
	const rows = rowsOf<Row>(
		await db.execute(sql`with ${lastVisits(scope)}
			select l.id, l.name, l.kind, l.municipality_id, m.code as municipality_code, l.status,
				to_char(lv.day, 'YYYY-MM-DD') as last_inspected_on,
				(${period.to}::date - lv.day)::int as days_since,
				(count(*) over ())::int as overdue_total
			from locations l
			join municipalities m on m.id = l.municipality_id
			left join last_visit lv on lv.location_id = l.id
			where ${registeredVenue} and ${venueFilters(scope)}
				and (lv.day is null or ${period.to}::date - lv.day >= ${filters.overdueDays}::int)
			order by lv.day asc nulls first, l.name, l.id
			${limit === null ? sql`` : sql`limit ${limit}`}`)
	);
	return {
		asOf: period.to,
		count: rows[0]?.overdue_total ?? 0,
		venues: rows.map((row) => ({
			locationId: row.id,
			name: row.name,
			kind: row.kind,
			municipalityId: row.municipality_id,
			municipalityCode: row.municipality_code,
			status: row.status,
			lastInspectedOn: row.last_inspected_on,
			daysSinceInspection: row.days_since
		}))
	};
}
