/**
 * The national tables (domain/coverage/national.ts) for the report's period: read from the rollups
 * of migration 0014, or counted from the records where the filters cut across the rollups' grain
 * (plan, agency) — both through the same per-day SELECTs (rows.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { rowsOf } from '../../db/rows.ts';
import { periodYears } from '../../../domain/coverage/victimYears.ts';
import {
	decisionTables,
	offenceTable,
	victimsPerYear,
	workersTable,
	type DecisionCount,
	type FollowUps,
	type MunicipalityColumn,
	type NationalTables,
	type OffenceCount,
	type ViolationRow,
	type WorkersRow
} from '../../../domain/coverage/national.ts';
import type { CoverageReport } from '../../../domain/coverage/report.ts';
import type { CoverageScope } from '../counted.ts';
import { dayCells as cells } from '../rollup.ts';
import { nationalRollups } from './rows.ts';

async function offenceCounts(db: Db, scope: CoverageScope): Promise<OffenceCount[]> {
	return rowsOf<OffenceCount>(
		await db.execute(sql`with ${cells(scope, nationalRollups.criminal)}
			select d.offence, d.year, sum(d.reports)::int as reports, sum(d.arrests)::int as arrests,
				sum(d.detentions)::int as detentions
			from d group by d.offence, d.year`)
	);
}

type ViolationCell = {
	violation_kind_id: string;
	code: string;
	title_en: string;
	title_sq: string;
	title_sr: string;
	municipality_id: string;
	municipality_code: string;
	name_en: string;
	name_sq: string;
	name_sr: string;
	count: number;
};

async function violationTable(db: Db, scope: CoverageScope): Promise<NationalTables['violations']> {
	const found = rowsOf<ViolationCell>(
		await db.execute(sql`with ${cells(scope, nationalRollups.violations)},
			cell as (select d.violation_kind_id, d.municipality_id, sum(d.violations)::int as count from d group by 1, 2)
			select cell.violation_kind_id, vk.code, vk.title_en, vk.title_sq, vk.title_sr,
				cell.municipality_id, m.code as municipality_code, m.name_en, m.name_sq, m.name_sr, cell.count
			from cell join violation_kinds vk on vk.id = cell.violation_kind_id
			join municipalities m on m.id = cell.municipality_id
			order by vk.code, vk.id, m.name_en, m.id`)
	);
	// Only the municipalities where something was found get a column: 38 would not print.
	const municipalities = new Map<string, MunicipalityColumn>();
	const rows = new Map<string, ViolationRow>();
	for (const cell of found) {
		municipalities.set(cell.municipality_id, {
			municipalityId: cell.municipality_id,
			code: cell.municipality_code,
			name: { en: cell.name_en, sq: cell.name_sq, sr: cell.name_sr }
		});
		const row = rows.get(cell.violation_kind_id) ?? {
			violationKindId: cell.violation_kind_id,
			code: cell.code,
			title: { en: cell.title_en, sq: cell.title_sq, sr: cell.title_sr },
			municipalities: {},
			total: 0
		};
		row.municipalities[cell.municipality_id] = cell.count;
		row.total += cell.count;
		rows.set(cell.violation_kind_id, row);
	}
	return {
		municipalities: [...municipalities.values()].sort(
			(a, b) => a.name.en.localeCompare(b.name.en) || a.municipalityId.localeCompare(b.municipalityId)
		),
		rows: [...rows.values()]
	};
}

async function decisionCounts(db: Db, scope: CoverageScope): Promise<DecisionCount[]> {
	return rowsOf<DecisionCount>(
		await db.execute(sql`with ${cells(scope, nationalRollups.decisions)}
			select d.decision_kind as kind, d.appeal, d.amount_eur as "amountEur", sum(d.decisions)::int as decisions
			from d group by 1, 2, 3`)
	);
}

/** Overdue: still due, its date before the reporting day (domain/records/codes.ts, controlStatuses). */
async function followUps(db: Db, scope: CoverageScope, today: string): Promise<FollowUps> {
	const [row] = rowsOf<FollowUps>(
		await db.execute(sql`with ${cells(scope, nationalRollups.controls)}
			select coalesce(sum(d.controls) filter (where d.status = 'done'), 0)::int as done,
				coalesce(sum(d.controls) filter (where d.status = 'escalated'), 0)::int as escalated,
				coalesce(sum(d.controls) filter (where d.status = 'due' and d.due_on >= ${today}::date), 0)::int as due,
				coalesce(sum(d.controls) filter (where d.status = 'due' and d.due_on < ${today}::date), 0)::int as overdue,
				coalesce(sum(d.controls) filter (where d.status = 'cancelled'), 0)::int as cancelled
			from d`)
	);
	return row ?? { done: 0, escalated: 0, due: 0, overdue: 0, cancelled: 0 };
}

async function workerCounts(db: Db, scope: CoverageScope): Promise<WorkersRow[]> {
	return rowsOf<WorkersRow>(
		await db.execute(sql`with ${cells(scope, nationalRollups.workers)}
			select d.agency, sum(d.workers)::int as workers, sum(d.minors)::int as minors,
				sum(d.without_contract)::int as "withoutContract", sum(d.undeclared)::int as undeclared
			from d group by d.agency`)
	);
}

export type NationalCounts = Omit<NationalTables, 'victims'>;

/** Everything but the victims, which the victim tables by year already count (victimYears.ts). */
export async function nationalCounts(db: Db, scope: CoverageScope, today: string): Promise<NationalCounts> {
	const [offences, violations, decisions, controls, workers] = await Promise.all([
		offenceCounts(db, scope),
		violationTable(db, scope),
		decisionCounts(db, scope),
		followUps(db, scope, today),
		workerCounts(db, scope)
	]);
	return {
		...offenceTable(offences, periodYears(scope.period)),
		violations,
		decisions: decisionTables(decisions),
		followUps: controls,
		workers: workersTable(workers)
	};
}

/** The national tables, with the victims by year taken from the report's victim tables. */
export function withVictims(counts: NationalCounts, byYear: CoverageReport['report']['victimsByYear']): NationalTables {
	return { ...counts, victims: victimsPerYear(byYear.years, byYear.age) };
}
