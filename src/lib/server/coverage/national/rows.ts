/**
 * The national tables' cells per Kosovo day, venue municipality and kind: one SELECT per rollup
 * table (migration 0014), run after `counted as (…)` (counted.ts). The rollups are rebuilt from these
 * (rollup.ts) and the direct count reads them too (national/index.ts), so the two cannot disagree.
 * Tombstoned records never count; a record of a superseded inspection does not count either, as its
 * inspection does not.
 */
import { sql, type SQL } from 'drizzle-orm';

/** A rollup table of per-day cells and the SELECT (after `counted as (…)`) that fills it. */
export type DayRollup = { table: string; columns: string; select: SQL };

const criminal: DayRollup = {
	table: 'coverage_criminal_daily',
	columns: 'day, municipality_id, kind, offence, year, reports, arrests, detentions',
	select: sql`select c.day, c.municipality_id, c.kind, cr.offence, extract(year from cr.filed_on)::int as year,
			count(*)::int as reports, sum(cr.arrests)::int as arrests, sum(cr.detentions)::int as detentions
		from criminal_reports cr join counted c on c.id = cr.inspection_id
		where cr.deleted_at is null
		group by 1, 2, 3, 4, 5`
};

const violations: DayRollup = {
	table: 'coverage_violations_daily',
	columns: 'day, municipality_id, kind, violation_kind_id, violations',
	select: sql`select c.day, c.municipality_id, c.kind, v.kind_id as violation_kind_id, count(*)::int as violations
		from violations v join counted c on c.id = v.inspection_id
		where v.deleted_at is null
		group by 1, 2, 3, 4`
};

const decisions: DayRollup = {
	table: 'coverage_decisions_daily',
	columns: 'day, municipality_id, kind, decision_kind, appeal, amount_eur, decisions',
	select: sql`select c.day, c.municipality_id, c.kind, dc.kind as decision_kind, dc.appeal, dc.amount_eur,
			count(*)::int as decisions
		from decisions dc join counted c on c.id = dc.inspection_id
		where dc.deleted_at is null
		group by 1, 2, 3, 4, 5, 6`
};

// A control inspection belongs to the inspection whose deadline made it.
const controls: DayRollup = {
	table: 'coverage_controls_daily',
	columns: 'day, municipality_id, kind, status, due_on, controls',
	select: sql`select c.day, c.municipality_id, c.kind, ci.status, ci.due_on, count(*)::int as controls
		from control_inspections ci join counted c on c.id = ci.source_inspection_id
		where ci.deleted_at is null
		group by 1, 2, 3, 4, 5`
};

// Workers count for the agency of the user who recorded the inspection (an inspection has one author,
// where a joint team has two agencies).
const workers: DayRollup = {
	table: 'coverage_workers_daily',
	columns: 'day, municipality_id, kind, agency, workers, minors, without_contract, undeclared',
	select: sql`select c.day, c.municipality_id, c.kind, ag.code as agency, count(*)::int as workers,
			(count(*) filter (where w.is_minor))::int as minors,
			(count(*) filter (where w.contract_before_work = 'no'))::int as without_contract,
			(count(*) filter (where w.declared_to_tax = 'no'))::int as undeclared
		from checked_workers w join counted c on c.id = w.inspection_id
		join inspections i on i.id = c.id join users u on u.id = i.created_by join agencies ag on ag.id = u.agency_id
		where w.deleted_at is null
		group by 1, 2, 3, 4`
};

export const nationalRollups = { criminal, violations, decisions, controls, workers };
export const nationalRollupList: DayRollup[] = Object.values(nationalRollups);
