/**
 * Which inspections the coverage figures count, as one SQL common table expression that every
 * coverage query starts from, so the dashboard, the trend and the report tables never disagree.
 *
 * Counted: submitted, not deleted, started within the period (Kosovo calendar days), and not
 * superseded — a corrected inspection is represented by its submitted correction, never by both.
 * Drafts are work in progress on a device and do not count.
 */
import { sql, type SQL } from 'drizzle-orm';
import { todayIn, type CoverageFilters, type Period } from '../../domain/coverage/filters.ts';
import { UNKNOWN } from '../../domain/coverage/report.ts';
import { possibleVictimSql } from '../db/screening.ts';
import { readConfig } from '../config.ts';

/** `REPORTING_TIME_ZONE`, read once: the figures of one process never mix two calendars. */
export const reportingZone = readConfig().reportingTimeZone;

// A bound parameter, never SQL text. Every day and month is computed once, in `counted` below,
// and grouped by that column, so no two expressions need be textually equal.
export const zone = sql`${reportingZone}::text`;

/** Today's date on the reports' calendar: what the period presets run up to. */
export const reportingToday = (now: Date = new Date()): string => todayIn(reportingZone, now);

/**
 * `source: 'inspections'` counts from the inspections even where the rollups could answer (the
 * tests compare the two).
 */
export type CoverageScope = { period: Period; filters: CoverageFilters; source?: 'rollups' | 'inspections' };

/** The first moment of a Kosovo calendar date, as a timestamptz (index-friendly: a constant). */
export const startOfDay = (date: string, plusDays = 0): SQL =>
	sql`((${date}::date + ${plusDays}::int)::timestamp at time zone ${zone})`;

/** A screened person's (`sp`) category column, blank or missing read as the reports' "unknown". */
export const known = (column: string): SQL => sql.raw(`coalesce(nullif(trim(sp.${column}), ''), '${UNKNOWN}')`);

/** Venues on the register whose filters (municipality, kind) apply; `l` is `locations`. */
export function venueFilters({ filters }: CoverageScope): SQL {
	const conditions = [sql`true`];
	if (filters.municipalityId) conditions.push(sql`l.municipality_id = ${filters.municipalityId}`);
	if (filters.kind) conditions.push(sql`l.kind = ${filters.kind}`);
	return sql.join(conditions, sql` and `);
}

/**
 * An inspection's agency is that of its team's members, so a joint team counts for both police
 * and labour; an unplanned visit without a team takes its author's agency.
 */
function agencyCondition(agency: string): SQL {
	return sql`case when i.team_id is not null
		then exists (select 1 from team_members tm join agencies ag on ag.id = tm.agency_id
			where tm.team_id = i.team_id and ag.code = ${agency})
		else exists (select 1 from users u join agencies ag on ag.id = u.agency_id
			where u.id = i.created_by and ag.code = ${agency})
		end`;
}

/** The one definition of a counted inspection, before any period or filter. */
const countedConditions = [
	sql`i.status = 'submitted'`,
	sql`i.deleted_at is null`,
	sql`not exists (select 1 from inspections fix where fix.correction_of = i.id
		and fix.status = 'submitted' and fix.deleted_at is null)`
];

/** The Kosovo calendar day an inspection counts on. */
export const inspectionDay = sql`(i.started_at at time zone ${zone})::date`;

function countedSelect(conditions: SQL[]): SQL {
	return sql`select i.id, i.location_id, l.municipality_id, l.kind, i.outcome,
			${inspectionDay} as day,
			to_char(i.started_at at time zone ${zone}, 'YYYY-MM') as month,
			o.id as operation_id, o.plan_id
		from inspections i
		join locations l on l.id = i.location_id
		left join teams t on t.id = i.team_id
		left join assignments a on a.id = i.assignment_id
		left join operations o on o.id = coalesce(t.operation_id, a.operation_id)
		where ${sql.join([...countedConditions, ...conditions], sql` and `)}`;
}

/**
 * `counted as (…)` with columns id, location_id, municipality_id, kind, outcome, day (Kosovo
 * date), month (YYYY-MM), operation_id and plan_id (null for unplanned visits). With
 * `sinceStart: false` the period's start is dropped (everything up to its end), which is what
 * "last inspected" needs.
 */
export function countedInspections(scope: CoverageScope, { sinceStart = true } = {}): SQL {
	const { period, filters } = scope;
	const conditions = [sql`i.started_at < ${startOfDay(period.to, 1)}`, venueFilters(scope)];
	if (sinceStart) conditions.push(sql`i.started_at >= ${startOfDay(period.from)}`);
	if (filters.planId) conditions.push(sql`o.plan_id = ${filters.planId}`);
	if (filters.agency) conditions.push(agencyCondition(filters.agency));
	return sql`counted as (${countedSelect(conditions)})`;
}

/**
 * `counted as (…)` as above, for every venue, limited by `condition` on the same aliases (`i`,
 * `l`): what the coverage rollups are rebuilt from (rollup.ts).
 */
export function countedWhere(...conditions: SQL[]): SQL {
	return sql`counted as (${countedSelect(conditions)})`;
}

/**
 * `persons` and `referred`: what each counted inspection found, for `findingFigures` (after
 * `counted` in the same WITH).
 */
export const findingsPerInspection = sql`persons as (
		select sp.inspection_id, count(*) as screened,
			count(*) filter (where sp.result = ${possibleVictimSql}) as victims,
			count(*) filter (where sp.result <> 'no_indicators') as flagged
		from screened_persons sp join counted c on c.id = sp.inspection_id
		where sp.deleted_at is null group by sp.inspection_id
	),
	referred as (
		select r.inspection_id, count(*) as referrals
		from referrals r join counted c on c.id = r.inspection_id
		where r.deleted_at is null group by r.inspection_id
	)`;

/** The dashboard's sums over counted inspections, and the FROM they need; group as you wish. */
export const findingFigures = sql`count(*)::int as inspections,
		(count(*) filter (where c.outcome = 'trafficking_indicators_referred' or p.flagged > 0))::int as with_indicators,
		coalesce(sum(p.screened), 0)::int as screened_persons,
		coalesce(sum(p.victims), 0)::int as possible_victims,
		coalesce(sum(rf.referrals), 0)::int as referrals,
		(count(*) filter (where c.outcome = 'premises_closed'))::int as premises_closed
	from counted c
	left join persons p on p.inspection_id = c.id
	left join referred rf on rf.inspection_id = c.id`;

/**
 * Registered venues — the denominator of coverage — are read as the register stands when the
 * figures are asked for (there is no register history): `active` venues and those
 * `closed_by_authority`, which stay on the register because a closure needs checking. Venues
 * `gone` no longer exist, and `unverified` ones (proposed from the field) are not on the register
 * until a planner confirms them; both can still have been inspected.
 */
export const registeredVenue = sql`(l.deleted_at is null and l.status in ('active', 'closed_by_authority'))`;
