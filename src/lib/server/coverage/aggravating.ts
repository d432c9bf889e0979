/**
 * The aggravating circumstances of the Criminal Code that Kontrolla records (docs/DOMAIN.md,
 * "Places"): counted inspections at venues within the child-site radius at check-in (the flag the
 * server recorded, server/inspections/childSiteFlag.ts), possible victims under 18, and possible
 * victims met at venues near children. Read from the rollup of migration 0014 (aggravatingRows.ts),
 * or counted from the inspections with the same SELECT where the rollups cannot answer.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { firstRow } from '../db/rows.ts';
import type { CoverageReport } from '../../domain/coverage/report.ts';
import type { CoverageScope } from './counted.ts';
import { dayCells } from './rollup.ts';
import { aggravatingRollup } from './aggravatingRows.ts';

export async function aggravatingCircumstances(
	db: Db,
	scope: CoverageScope
): Promise<CoverageReport['report']['aggravating']> {
	return firstRow(
		await db.execute(sql`with ${dayCells(scope, aggravatingRollup)}
			select coalesce(sum(d.inspections_near_children), 0)::int as "inspectionsNearChildren",
				coalesce(sum(d.victims_under_18), 0)::int as "possibleVictimsUnder18",
				coalesce(sum(d.victims_near_children), 0)::int as "possibleVictimsNearChildren"
			from d`)
	);
}
