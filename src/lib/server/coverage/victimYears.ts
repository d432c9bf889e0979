/**
 * The victim tables by year (domain/coverage/victimYears.ts): possible victims from the same
 * `victims` expression as the period tables (rollups or inspections), identified victims from the
 * referrals to the police of the counted inspections. Identified victims are few and their
 * identification changes weeks after the visit, which the day rollups are not rebuilt for, so they
 * are counted from the records directly, through the partial index on identified referrals.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { CASE_TARGET } from '../../domain/records/codes.ts';
import {
	ageBands,
	educationLevels,
	exploitationForms,
	recruitmentMeans,
	type CoverageReport
} from '../../domain/coverage/report.ts';
import { periodYears, victimYearTable, type VictimYearCount } from '../../domain/coverage/victimYears.ts';
import { countedInspections, known, type CoverageScope } from './counted.ts';
import { victims } from './victimRows.ts';

type Breakdown = 'age_band' | 'nationality' | 'education' | 'recruitment' | 'exploitation_form';
type Counted = { breakdown: Breakdown; year: number; category: string; count: number };

// One grouping set per table, each within its year; the breakdown column says which table.
const byBreakdown = sql`case
		when grouping(age_band) = 0 then 'age_band'
		when grouping(nationality) = 0 then 'nationality'
		when grouping(education) = 0 then 'education'
		when grouping(recruitment) = 0 then 'recruitment'
		else 'exploitation_form'
	end as breakdown, year,
	coalesce(age_band, nationality, education, recruitment, exploitation_form) as category`;
const sets = sql`grouping sets ((year, age_band), (year, nationality), (year, education), (year, recruitment),
	(year, exploitation_form))`;

async function possibleByYear(db: Db, scope: CoverageScope): Promise<Counted[]> {
	return rowsOf<Counted>(
		await db.execute(sql`with ${victims(scope)}
			select ${byBreakdown}, sum(n)::int as count from victims group by ${sets}`)
	);
}

async function identifiedByYear(db: Db, scope: CoverageScope): Promise<Counted[]> {
	// A person counts once, however many referrals to the police record the identification.
	return rowsOf<Counted>(
		await db.execute(sql`with ${countedInspections(scope)},
			identified as (
				select extract(year from c.day)::int as year, sp.age_band, ${known('nationality')} as nationality,
					${known('education')} as education, ${known('recruitment')} as recruitment,
					${known('exploitation_form')} as exploitation_form
				from screened_persons sp join counted c on c.id = sp.inspection_id
				where sp.deleted_at is null and exists (select 1 from referrals r where r.person_id = sp.id
					and r.target = ${CASE_TARGET} and r.formal_identification = 'yes' and r.deleted_at is null)
			)
			select ${byBreakdown}, count(*)::int as count from identified group by ${sets}`)
	);
}

type YearTables = CoverageReport['report']['victimsByYear'];

export async function victimYearTables(
	db: Db,
	scope: CoverageScope
): Promise<{ identifiedVictims: number; tables: YearTables }> {
	const [possible, identified] = await Promise.all([possibleByYear(db, scope), identifiedByYear(db, scope)]);
	const years = periodYears(scope.period);
	const table = (breakdown: Breakdown, categories: readonly string[]) => {
		const counts: VictimYearCount[] = [
			...possible
				.filter((row) => row.breakdown === breakdown)
				.map((row) => ({ category: row.category, year: row.year, possible: row.count, identified: 0 })),
			...identified
				.filter((row) => row.breakdown === breakdown)
				.map((row) => ({ category: row.category, year: row.year, possible: 0, identified: row.count }))
		];
		return victimYearTable(counts, categories, years);
	};
	const age = table('age_band', ageBands);
	return {
		identifiedVictims: age.reduce((sum, row) => sum + row.total.identified, 0),
		tables: {
			years,
			age,
			nationality: table('nationality', []),
			education: table('education', educationLevels),
			exploitationForm: table('exploitation_form', exploitationForms),
			recruitment: table('recruitment', recruitmentMeans)
		}
	};
}
