/**
 * The national report tables (docs/DOMAIN.md, "The figures supervisors report") over the possible
 * victims found in counted inspections, and the referrals made from those inspections.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { fillCategories } from '../../domain/coverage/figures.ts';
import {
	ageBands,
	educationLevels,
	exploitationForms,
	recruitmentMeans,
	referralStatuses,
	referralTargets,
	sexes,
	type AgeSexRow,
	type CoverageReport,
	type ReferralRow,
	type Sex
} from '../../domain/coverage/report.ts';
import { countedInspections, type CoverageScope } from './counted.ts';
import { usesRollups } from './rollup.ts';
import { cellsWithin } from './months.ts';
import { victimYearTables } from './victimYears.ts';
import { victims } from './victimRows.ts';

type Breakdown = 'age_sex' | 'nationality' | 'education' | 'recruitment' | 'exploitation_form';
type VictimRow = { breakdown: Breakdown; age_band: string; sex: string; category: string; count: number };

async function victimCounts(db: Db, scope: CoverageScope): Promise<VictimRow[]> {
	// One pass, one grouping set per table; the breakdown column says which table a row is for.
	return rowsOf<VictimRow>(
		await db.execute(sql`with ${victims(scope)}
			select
				case
					when grouping(age_band) = 0 then 'age_sex'
					when grouping(nationality) = 0 then 'nationality'
					when grouping(education) = 0 then 'education'
					when grouping(recruitment) = 0 then 'recruitment'
					else 'exploitation_form'
				end as breakdown,
				age_band, sex, coalesce(nationality, education, recruitment, exploitation_form) as category,
				sum(n)::int as count
			from victims
			group by grouping sets ((age_band, sex), (nationality), (education), (recruitment), (exploitation_form))`)
	);
}

function counts<K extends string>(rows: VictimRow[], breakdown: Breakdown, key: K, categories: readonly string[]) {
	const found = rows
		.filter((row) => row.breakdown === breakdown)
		.map((row) => ({ [key]: row.category, count: row.count }) as Record<K, string> & { count: number });
	const filled = fillCategories(
		categories,
		key,
		found,
		(category) => ({ [key]: category, count: 0 }) as Record<K, string> & { count: number }
	);
	// Nationalities have no fixed list: the largest groups first, as the reports print them.
	return categories.length ? filled : filled.sort((a, b) => b.count - a.count || a[key].localeCompare(b[key]));
}

function ageSexTable(rows: VictimRow[]): AgeSexRow[] {
	const empty = (ageBand: string): AgeSexRow =>
		({ ageBand, ...Object.fromEntries(sexes.map((sex) => [sex, 0])), total: 0 }) as AgeSexRow;
	const byBand = new Map<string, AgeSexRow>();
	for (const row of rows.filter((r) => r.breakdown === 'age_sex')) {
		const band = byBand.get(row.age_band) ?? empty(row.age_band);
		const sex: Sex = (sexes as readonly string[]).includes(row.sex) ? (row.sex as Sex) : 'unknown';
		band[sex] += row.count;
		band.total += row.count;
		byBand.set(row.age_band, band);
	}
	return fillCategories(ageBands, 'ageBand', [...byBand.values()], empty);
}

async function referralTable(db: Db, scope: CoverageScope): Promise<ReferralRow[]> {
	// Referrals belong to the period of the inspection that led to them, not of the day they were
	// made, so they line up with the victims counted beside them.
	const rows = rowsOf<{ target: string; status: string; count: number }>(
		await db.execute(
			usesRollups(scope)
				? sql`select d.target, d.status, sum(d.referrals)::int as count
					from ${cellsWithin(scope, 'coverage_referrals_daily')}
					group by d.target, d.status`
				: sql`with ${countedInspections(scope)}
					select r.target, r.status, count(*)::int as count
					from referrals r join counted c on c.id = r.inspection_id
					where r.deleted_at is null
					group by r.target, r.status`
		)
	);
	const empty = (target: string): ReferralRow =>
		({ target, ...Object.fromEntries(referralStatuses.map((s) => [s, 0])), total: 0 }) as ReferralRow;
	const byTarget = new Map<string, ReferralRow>();
	for (const row of rows) {
		const line = byTarget.get(row.target) ?? empty(row.target);
		line[row.status as (typeof referralStatuses)[number]] += row.count;
		line.total += row.count;
		byTarget.set(row.target, line);
	}
	return fillCategories(referralTargets, 'target', [...byTarget.values()], empty);
}

export async function reportTables(
	db: Db,
	scope: CoverageScope
): Promise<Omit<CoverageReport['report'], 'operations' | 'aggravating' | 'national'>> {
	const [victims, referrals, byYear] = await Promise.all([
		victimCounts(db, scope),
		referralTable(db, scope),
		victimYearTables(db, scope)
	]);
	return {
		identifiedVictims: byYear.identifiedVictims,
		victimsByYear: byYear.tables,
		victimsByAgeAndSex: ageSexTable(victims),
		victimsByNationality: counts(victims, 'nationality', 'nationality', []),
		victimsByEducation: counts(victims, 'education', 'education', educationLevels),
		victimsByExploitation: counts(victims, 'exploitation_form', 'exploitationForm', exploitationForms),
		victimsByRecruitment: counts(victims, 'recruitment', 'recruitment', recruitmentMeans),
		referrals
	};
}
