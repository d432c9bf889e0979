/**
 * The aggravating circumstances per Kosovo day, venue municipality and kind (aggravating.ts), as the
 * rollup `coverage_aggravating_daily` of migration 0014 keeps them: run after `counted as (…)`.
 * Counted over a year from the inspections they took most of the coverage report's time.
 */
import { sql } from 'drizzle-orm';
import { possibleVictimSql } from '../db/screening.ts';
import type { DayRollup } from './national/rows.ts';

export const aggravatingRollup: DayRollup = {
	table: 'coverage_aggravating_daily',
	columns: 'day, municipality_id, kind, inspections_near_children, victims_under_18, victims_near_children',
	select: sql`select f.day, f.municipality_id, f.kind,
			(count(*) filter (where f.near_children))::int as inspections_near_children,
			coalesce(sum(v.under_18), 0)::int as victims_under_18,
			coalesce(sum(v.victims) filter (where f.near_children), 0)::int as victims_near_children
		from (select c.id, c.day, c.municipality_id, c.kind,
				jsonb_typeof(i.check_in -> 'nearChildren') = 'object' as near_children
			from counted c join inspections i on i.id = c.id) f
		left join (select sp.inspection_id, count(*) filter (where sp.is_minor) as under_18, count(*) as victims
			from screened_persons sp join counted c on c.id = sp.inspection_id
			where sp.deleted_at is null and sp.result = ${possibleVictimSql}
			group by sp.inspection_id) v on v.inspection_id = f.id
		group by 1, 2, 3`
};
