/**
 * The national tables of what happened after the inspections (docs/DOMAIN.md, "After the
 * inspection: the national tables"): the seed paper's criminal reports and arrests by offence and
 * year, victims by year, labour violations, decisions, follow-ups and workers checked. Every table
 * counts what the period's counted inspections led to; the server counts the cells
 * (server/coverage/national/), this module lays them out.
 */
import { agencyCodes } from '../auth.ts';
import { appealStates, criminalOffences, decisionKinds } from '../records/codes.ts';
import type { Text } from '../text.ts';
import { fillCategories } from './figures.ts';
import type { VictimYearRow } from './victimYears.ts';

export type OffenceYearCell = { reports: number; arrests: number; detentions: number };
/** One offence, the years (of filing) as columns. */
export type OffenceRow = { offence: string; years: Record<string, OffenceYearCell>; total: OffenceYearCell };
export type VictimsInYear = { year: string; possible: number; identified: number };
export type ViolationRow = {
	violationKindId: string;
	code: string;
	title: Text;
	/** Municipality id → violations found at its venues. */
	municipalities: Record<string, number>;
	total: number;
};
export type MunicipalityColumn = { municipalityId: string; code: string; name: Text };
/** Amounts in whole euros; the median is null when no decision of the row has an amount. */
export type DecisionRow = {
	kind: string;
	count: number;
	withAmount: number;
	totalEur: number;
	medianEur: number | null;
};
export type FollowUps = { done: number; escalated: number; due: number; overdue: number; cancelled: number };
export type WorkersRow = {
	agency: string;
	workers: number;
	minors: number;
	withoutContract: number;
	undeclared: number;
};

export type NationalTables = {
	/** The years of the criminal tables: those the period touches, and any other a report was filed in. */
	years: string[];
	offences: OffenceRow[];
	/** Possible and identified victims per year, the totals of the victim tables by year. */
	victims: VictimsInYear[];
	violations: { municipalities: MunicipalityColumn[]; rows: ViolationRow[] };
	decisions: { byKind: DecisionRow[]; all: DecisionRow; appeals: { appeal: string; count: number }[] };
	/** Control inspections made for the remedy deadlines of the period's inspections, as of today. */
	followUps: FollowUps;
	workers: WorkersRow[];
};

/** What the server counts, one row per cell. */
export type OffenceCount = { offence: string; year: number } & OffenceYearCell;
export type DecisionCount = { kind: string; appeal: string; amountEur: number | null; decisions: number };

const noCell = (): OffenceYearCell => ({ reports: 0, arrests: 0, detentions: 0 });

function addTo(cell: OffenceYearCell, count: OffenceYearCell): void {
	cell.reports += count.reports;
	cell.arrests += count.arrests;
	cell.detentions += count.detentions;
}

export function offenceTable(counts: readonly OffenceCount[], periodYears: readonly string[]) {
	const years = [...new Set([...periodYears, ...counts.map((count) => String(count.year))])].sort();
	const empty = (offence: string): OffenceRow => ({
		offence,
		years: Object.fromEntries(years.map((year) => [year, noCell()])),
		total: noCell()
	});
	const rows = new Map<string, OffenceRow>();
	for (const count of counts) {
		const row = rows.get(count.offence) ?? empty(count.offence);
		addTo(row.years[String(count.year)]!, count);
		addTo(row.total, count);
		rows.set(count.offence, row);
	}
	return { years, offences: fillCategories(criminalOffences, 'offence', [...rows.values()], empty) };
}

/** The column totals of a victim table by year: every person is in exactly one row of it. */
export function victimsPerYear(years: readonly string[], rows: readonly VictimYearRow[]): VictimsInYear[] {
	return years.map((year) => ({
		year,
		possible: rows.reduce((sum, row) => sum + (row.years[year]?.possible ?? 0), 0),
		identified: rows.reduce((sum, row) => sum + (row.years[year]?.identified ?? 0), 0)
	}));
}

/**
 * The median of amounts given as (amount, how many): the middle one, or the mean of the two middle
 * ones for an even number, rounded to the cent.
 */
export function weightedMedian(amounts: readonly { amount: number; count: number }[]): number | null {
	const sorted = amounts.filter((a) => a.count > 0).sort((a, b) => a.amount - b.amount);
	const n = sorted.reduce((sum, a) => sum + a.count, 0);
	if (n === 0) return null;
	const at = (position: number): number => {
		let seen = 0;
		for (const a of sorted) {
			seen += a.count;
			if (position < seen) return a.amount;
		}
		return sorted.at(-1)!.amount;
	};
	const middle = (at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2;
	return Math.round(middle * 100) / 100;
}

function decisionRow(kind: string, counts: readonly DecisionCount[]): DecisionRow {
	const amounts = counts
		.filter((c) => c.amountEur !== null)
		.map((c) => ({ amount: c.amountEur as number, count: c.decisions }));
	return {
		kind,
		count: counts.reduce((sum, c) => sum + c.decisions, 0),
		withAmount: amounts.reduce((sum, a) => sum + a.count, 0),
		totalEur: amounts.reduce((sum, a) => sum + a.amount * a.count, 0),
		medianEur: weightedMedian(amounts)
	};
}

export function decisionTables(counts: readonly DecisionCount[]): NationalTables['decisions'] {
	const kinds = fillCategories(
		decisionKinds,
		'kind',
		[...new Set(counts.map((c) => c.kind))].map((kind) => ({ kind })),
		(kind) => ({ kind })
	);
	const appeals = fillCategories(
		appealStates,
		'appeal',
		[...new Set(counts.map((c) => c.appeal))].map((appeal) => ({ appeal })),
		(appeal) => ({ appeal })
	);
	return {
		byKind: kinds.map(({ kind }) =>
			decisionRow(
				kind,
				counts.filter((c) => c.kind === kind)
			)
		),
		all: decisionRow('total', counts),
		appeals: appeals.map(({ appeal }) => ({
			appeal,
			count: counts.filter((c) => c.appeal === appeal).reduce((sum, c) => sum + c.decisions, 0)
		}))
	};
}

export function workersTable(rows: readonly WorkersRow[]): WorkersRow[] {
	return fillCategories(agencyCodes, 'agency', [...rows], (agency) => ({
		agency,
		workers: 0,
		minors: 0,
		withoutContract: 0,
		undeclared: 0
	}));
}
