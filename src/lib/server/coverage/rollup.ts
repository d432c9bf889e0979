/**
 * The coverage rollups (migration 0004): per-day sums by municipality and kind, the operations counted under each day, the
 * possible victims and referrals by report category, and a bit mask of the days each venue was
 * inspected per year; and (migration 0014) the national tables' cells and the aggravating
 * circumstances per day (national/rows.ts, aggravatingRows.ts). Triggers note in `coverage_dirty`
 * which days and venues changed; a coverage query first rebuilds exactly those
 * (`refreshCoverageRollups`) from the same definition of a counted inspection as the direct queries
 * (counted.ts), then reads the small tables.
 *
 * The plan and agency filters cut across the rollups' grain (an agency is that of a team's members),
 * so figures narrowed by them are counted from the inspections directly: see `usesRollups`.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { appMeta } from '../db/schema.ts';
import type { Db } from '../db/index.ts';
import { firstRow } from '../db/rows.ts';
import { possibleVictimSql } from '../db/screening.ts';
import { DAYS_IN_MASK, emptyMask, type YearMask } from '../../domain/coverage/dayMasks.ts';
import {
	countedInspections,
	countedWhere,
	findingFigures,
	findingsPerInspection,
	inspectionDay,
	known,
	reportingZone,
	startOfDay,
	zone,
	type CoverageScope
} from './counted.ts';
import { nationalRollupList, type DayRollup } from './national/rows.ts';
import { aggravatingRollup } from './aggravatingRows.ts';
import { cellsWithin, rebuildMonths } from './months.ts';

/** The zone migrations 0004 and 0014 wrote into the triggers that note changed days. */
const TRIGGER_ZONE = 'Europe/Belgrade';
/** Where the zone the rollups were last built in is kept (`app_meta`). */
const BUILT_ZONE_KEY = 'coverage_zone';

function shiftDay(day: string, days: number): string {
	const moment = new Date(`${day}T00:00:00Z`);
	moment.setUTCDate(moment.getUTCDate() + days);
	return moment.toISOString().slice(0, 10);
}

/**
 * After REPORTING_TIME_ZONE changes, every day in the rollups is a day of the old calendar: every
 * counted inspection's days, on both calendars, are noted for the next refresh. Rollups made
 * before the setting existed were made in the triggers' zone.
 */
export async function noteReportingZone(db: Db): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [stored] = await tx.select().from(appMeta).where(eq(appMeta.key, BUILT_ZONE_KEY));
		const built = typeof stored?.value === 'string' ? stored.value : TRIGGER_ZONE;
		if (built === reportingZone) {
			// Another instance on the same database may write it at the same moment.
			if (!stored) await tx.insert(appMeta).values({ key: BUILT_ZONE_KEY, value: reportingZone }).onConflictDoNothing();
			return false;
		}
		await tx.execute(sql`insert into coverage_dirty (day, location_id)
			select distinct (started_at at time zone ${built}::text)::date, location_id from inspections where status = 'submitted'
			union
			select distinct (started_at at time zone ${zone})::date, location_id from inspections where status = 'submitted'`);
		await tx
			.insert(appMeta)
			.values({ key: BUILT_ZONE_KEY, value: reportingZone })
			.onConflictDoUpdate({ target: appMeta.key, set: { value: reportingZone } });
		return true;
	});
}

/** Serialises rebuilds: two at once would each delete and re-insert the same days. */
const REFRESH_LOCK = 7_411_007;

export const usesRollups = ({ filters, source }: CoverageScope): boolean =>
	source !== 'inspections' && !filters.planId && !filters.agency;

// Day 1 of a year: the rightmost bit (dayMasks.ts).
const dayOneBit = sql.raw(`(repeat('0', ${DAYS_IN_MASK - 1}) || '1')::bit(${DAYS_IN_MASK})`);
const dayOfYear = (day: SQL) => sql`extract(doy from ${day})::int`;

export type RefreshResult = { days: number; venueYears: number };

/**
 * Brings the rollups up to date with every change committed so far. Runs in one transaction:
 * a failure leaves the noted changes in place for the next query. Changes committed while it runs
 * carry a later `seq` and are left for the next refresh.
 */
export async function refreshCoverageRollups(db: Db): Promise<RefreshResult> {
	const noted = firstRow<{ seq: string | null }>(
		await db.execute(sql`select max(seq)::text as seq from coverage_dirty`)
	);
	if (noted.seq === null) return { days: 0, venueYears: 0 };
	const result = await rebuild(db);
	// After a bulk change the emptied list is a million dead rows that every later look at it would
	// scan until a vacuum (which PGlite never runs by itself); VACUUM cannot run in a transaction.
	if (result.noted > BULK_NOTES) await db.execute(sql`vacuum analyze coverage_dirty`);
	return { days: result.days, venueYears: result.venueYears };
}

const BULK_NOTES = 10_000;

async function rebuild(db: Db): Promise<RefreshResult & { noted: number }> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
		const top = firstRow<{
			seq: string | null;
			first: string | null;
			last: string | null;
			days: number;
			venue_years: number;
			noted: number;
		}>(
			await tx.execute(sql`select max(seq)::text as seq, min(day)::text as first, max(day)::text as last,
				count(distinct day)::int as days, count(distinct (location_id, extract(year from day)))::int as venue_years,
				count(*)::int as noted
				from coverage_dirty`)
		);
		if (top.seq === null || top.first === null || top.last === null) return { days: 0, venueYears: 0, noted: 0 };
		const noted = sql`coverage_dirty where seq <= ${top.seq}::bigint`;
		// The triggers note days on their own zone's calendar; in any other zone an instant's day is
		// at most one off it, so the days either side are rebuilt too.
		const spread = reportingZone === TRIGGER_ZONE ? 0 : 1;
		const taken = sql`(select n.day + s.shift as day, n.location_id from (select day, location_id from ${noted}) n,
			generate_series(${0 - spread}::int, ${spread}::int) as s(shift)) t`;
		const first = shiftDay(top.first, -spread);
		const last = shiftDay(top.last, spread);
		const dirtyDays = sql`(select distinct day from ${taken})`;
		// The range lets PostgreSQL use the index on started_at; the day list is the exact set.
		const onDirtyDays = sql`${inspectionDay} in ${dirtyDays}
			and i.started_at >= ${startOfDay(first)} and i.started_at < ${startOfDay(last, 1)}`;

		await tx.execute(sql`delete from coverage_daily where day in ${dirtyDays}`);
		await tx.execute(sql`insert into coverage_daily (day, municipality_id, kind,
				inspections, with_indicators, screened_persons, possible_victims, referrals, premises_closed)
			with ${countedWhere(onDirtyDays)}, ${findingsPerInspection}
			select c.day, c.municipality_id, c.kind, ${findingFigures}
			group by c.day, c.municipality_id, c.kind`);

		await tx.execute(sql`delete from coverage_operations_daily where day in ${dirtyDays}`);
		await tx.execute(sql`insert into coverage_operations_daily (day, operation_id, plan_id, municipality_id, kind)
			with ${countedWhere(onDirtyDays)}
			select c.day, c.operation_id, c.plan_id, c.municipality_id, c.kind
			from counted c where c.operation_id is not null
			group by grouping sets ((c.day, c.operation_id, c.plan_id, c.municipality_id, c.kind), (c.day, c.operation_id, c.plan_id))`);

		await tx.execute(sql`delete from coverage_victims_daily where day in ${dirtyDays}`);
		await tx.execute(sql`insert into coverage_victims_daily (day, municipality_id, kind, age_band, sex,
				nationality, education, recruitment, exploitation_form, victims)
			with ${countedWhere(onDirtyDays)}
			select c.day, c.municipality_id, c.kind, sp.age_band, sp.sex, ${known('nationality')}, ${known('education')},
				${known('recruitment')}, ${known('exploitation_form')}, count(*)::int
			from screened_persons sp join counted c on c.id = sp.inspection_id
			where sp.deleted_at is null and sp.result = ${possibleVictimSql}
			group by 1, 2, 3, 4, 5, 6, 7, 8, 9`);

		await tx.execute(sql`delete from coverage_referrals_daily where day in ${dirtyDays}`);
		await tx.execute(sql`insert into coverage_referrals_daily (day, municipality_id, kind, target, status, referrals)
			with ${countedWhere(onDirtyDays)}
			select c.day, c.municipality_id, c.kind, r.target, r.status, count(*)::int
			from referrals r join counted c on c.id = r.inspection_id
			where r.deleted_at is null
			group by 1, 2, 3, 4, 5`);

		// The rollups of migration 0014 (national tables, aggravating circumstances), from the same
		// SELECTs as their direct count (`dayCells`).
		for (const rollup of [...nationalRollupList, aggravatingRollup]) {
			const table = sql.raw(rollup.table);
			await tx.execute(sql`delete from ${table} where day in ${dirtyDays}`);
			await tx.execute(sql`insert into ${table} (${sql.raw(rollup.columns)})
				with ${countedWhere(onDirtyDays)} ${rollup.select}`);
		}

		// The months of those days, from the day tables just rebuilt (months.ts).
		await rebuildMonths(tx, sql`(select distinct date_trunc('month', day)::date from ${taken})`, first, last);

		// A venue's mask for a year is rebuilt whole from its counted inspections of that year.
		const pairs = sql`(select distinct location_id, extract(year from day)::int as year from ${taken})`;
		await tx.execute(
			sql`delete from coverage_venue_days v using ${pairs} p where v.location_id = p.location_id and v.year = p.year`
		);
		const firstYear = Number(first.slice(0, 4));
		const lastYear = Number(last.slice(0, 4));
		const ofDirtyVenueYears = sql`i.location_id in (select location_id from dirty_pairs)
			and (i.location_id, extract(year from ${inspectionDay})::int) in (select location_id, year from dirty_pairs)
			and i.started_at >= ${startOfDay(`${firstYear}-01-01`, -1)} and i.started_at < ${startOfDay(`${lastYear + 1}-01-01`, 1)}`;
		await tx.execute(sql`insert into coverage_venue_days (location_id, year, days, months, last_day)
			with dirty_pairs as ${pairs}, ${countedWhere(ofDirtyVenueYears)}
			select c.location_id, extract(year from c.day)::int, bit_or(${dayOneBit} << (${dayOfYear(sql`c.day`)} - 1)),
				bit_or(1 << (extract(month from c.day)::int - 1)), max(c.day)
			from counted c group by 1, 2`);

		await tx.execute(sql`delete from ${noted}`);
		return { days: top.days, venueYears: top.venue_years, noted: top.noted };
	});
}

/**
 * `d as (…)`: the cells of a rollup of migration 0014 within the scope, read from its table, or
 * counted from the records with the SELECT that fills it where the rollups cannot answer.
 */
export function dayCells(scope: CoverageScope, rollup: DayRollup): SQL {
	if (usesRollups(scope)) return sql`d as (select * from ${cellsWithin(scope, rollup.table)})`;
	return sql`${countedInspections(scope)}, d as (${rollup.select})`;
}

/**
 * `coverage_operations_daily` holds each day twice: per municipality and kind, and for the whole
 * country (both null), the rows an unnarrowed count reads; this picks the rows the scope reads.
 */
export function operationRows(scope: CoverageScope): SQL {
	const narrowed = scope.filters.municipalityId || scope.filters.kind;
	return narrowed ? sql`d.municipality_id is not null` : sql`d.municipality_id is null and d.kind is null`;
}

const bits = (mask: string) => sql`${mask}::bit(${sql.raw(String(DAYS_IN_MASK))})`;

/** A venue-year row (`v`) with a counted inspection on a day of one of `masks`. */
export function inspectedOn(masks: readonly YearMask[]): SQL {
	if (masks.length === 0) return sql`false`;
	return sql`(${sql.join(
		masks.map(({ year, mask, months }) =>
			months === null
				? sql`(v.year = ${year} and (v.days & ${bits(mask)}) <> ${bits(emptyMask)})`
				: sql`(v.year = ${year} and (v.months & ${months}) <> 0)`
		),
		sql` or `
	)})`;
}
