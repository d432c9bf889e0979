/**
 * `victims (…)`: the possible victims of the counted inspections, one row per person (or per
 * rollup cell, with its count `n`), for the period tables (victims.ts) and the tables by year
 * (victimYears.ts).
 */
import { sql } from 'drizzle-orm';
import { possibleVictimSql } from '../db/screening.ts';
import { countedInspections, known, type CoverageScope } from './counted.ts';
import { usesRollups } from './rollup.ts';
import { cellsWithin } from './months.ts';

/** `victims (year, age_band, sex, nationality, education, recruitment, exploitation_form, n)`. */
export function victims(scope: CoverageScope) {
	if (usesRollups(scope)) {
		return sql`victims as (
			select extract(year from d.day)::int as year, d.age_band, d.sex, d.nationality, d.education, d.recruitment,
				d.exploitation_form, d.victims as n
			from ${cellsWithin(scope, 'coverage_victims_daily')}
		)`;
	}
	return sql`${countedInspections(scope)},
		victims as (
			select extract(year from c.day)::int as year, sp.age_band, sp.sex, ${known('nationality')} as nationality,
				${known('education')} as education, ${known('recruitment')} as recruitment,
				${known('exploitation_form')} as exploitation_form, 1 as n
			from screened_persons sp join counted c on c.id = sp.inspection_id
			where sp.deleted_at is null and sp.result = ${possibleVictimSql}
		)`;
}
