/**
 * The aggravating circumstances of the Criminal Code that Kontrolla records (docs/DOMAIN.md,
 * "Places"): counted inspections at venues within the child-site radius at check-in (the flag the
 * server recorded, server/inspections/childSiteFlag.ts), possible victims under 18, and possible
 * victims met at venues near children. Counted from the inspections directly: the rollups do not
 * carry the flag, and the counts are a handful of rows per period.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { firstRow } from '../db/rows.ts';
import { possibleVictimSql } from '../db/screening.ts';
import type { CoverageReport } from '../../domain/coverage/report.ts';
import { countedInspections, type CoverageScope } from './counted.ts';

const nearChildren = sql`jsonb_typeof(i.check_in -> 'nearChildren') = 'object'`;

export async function aggravatingCircumstances(
	db: Db,
	scope: CoverageScope
): Promise<CoverageReport['report']['aggravating']> {
	return firstRow(
		await db.execute(sql`with ${countedInspections(scope)},
			flagged as (
				select c.id, ${nearChildren} as near_children
				from counted c join inspections i on i.id = c.id
			),
			victims as (
				select sp.is_minor, f.near_children
				from screened_persons sp join flagged f on f.id = sp.inspection_id
				where sp.deleted_at is null and sp.result = ${possibleVictimSql}
			)
			select
				(select count(*) from flagged where near_children)::int as "inspectionsNearChildren",
				(select count(*) from victims where is_minor)::int as "possibleVictimsUnder18",
				(select count(*) from victims where near_children)::int as "possibleVictimsNearChildren"`)
	);
}
