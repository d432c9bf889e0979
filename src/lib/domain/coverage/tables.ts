/**
 * Each table of the coverage report as rows for export, named as the `table` parameter of
 * GET /api/coverage?format=csv names them. Columns use the stored codes, which stay stable
 * across the three interface languages.
 */
import { z } from 'zod';
import type { Cell } from '../csv.ts';
import type { CoverageFigures } from './figures.ts';
import { referralStatuses, sexes, type CoverageReport } from './report.ts';
import type { VictimYearRow } from './victimYears.ts';

export type ExportTable = { header: string[]; rows: Cell[][] };

const figureColumns = [
	'registeredVenues',
	'venuesInspected',
	'registeredVenuesInspected',
	'coveragePercent',
	'inspections',
	'inspectionsWithIndicators',
	'screenedPersons',
	'possibleVictims',
	'referrals',
	'premisesClosed'
] as const satisfies readonly (keyof CoverageFigures)[];

const figures = (row: CoverageFigures): Cell[] => figureColumns.map((column) => row[column]);
// Long format, one row per category and year: what a spreadsheet pivots back into years as columns.
const byYear = (key: string, years: readonly string[], rows: readonly VictimYearRow[]): ExportTable => ({
	header: [key, 'year', 'possibleVictims', 'identifiedVictims'],
	rows: rows.flatMap((row) =>
		years.map((year) => [row.category, year, row.years[year]?.possible ?? 0, row.years[year]?.identified ?? 0])
	)
});

const tables = {
	totals: (r) => ({
		header: ['from', 'to', ...figureColumns],
		rows: [[r.period.from, r.period.to, ...figures(r.totals)]]
	}),
	municipalities: (r) => ({
		header: ['municipalityCode', 'nameSq', 'nameSr', 'nameEn', ...figureColumns],
		rows: r.byMunicipality.map((m) => [m.code, m.name.sq, m.name.sr, m.name.en, ...figures(m)])
	}),
	kinds: (r) => ({ header: ['kind', ...figureColumns], rows: r.byKind.map((k) => [k.kind, ...figures(k)]) }),
	trend: (r) => ({
		header: ['month', 'inspections', 'venuesInspected', 'possibleVictims'],
		rows: r.trend.map((t) => [t.month, t.inspections, t.venuesInspected, t.possibleVictims])
	}),
	overdue: (r) => ({
		header: ['locationId', 'name', 'kind', 'municipalityCode', 'status', 'lastInspectedOn', 'daysSinceInspection'],
		rows: r.overdue.venues.map((v) => [
			v.locationId,
			v.name,
			v.kind,
			v.municipalityCode,
			v.status,
			v.lastInspectedOn,
			v.daysSinceInspection
		])
	}),
	victimsByAgeAndSex: (r) => ({
		header: ['ageBand', ...sexes, 'total'],
		rows: r.report.victimsByAgeAndSex.map((row) => [row.ageBand, ...sexes.map((sex) => row[sex]), row.total])
	}),
	victimsByAge: (r) => byYear('ageBand', r.report.victimsByYear.years, r.report.victimsByYear.age),
	victimsByNationality: (r) => byYear('nationality', r.report.victimsByYear.years, r.report.victimsByYear.nationality),
	victimsByEducation: (r) => byYear('education', r.report.victimsByYear.years, r.report.victimsByYear.education),
	victimsByExploitation: (r) =>
		byYear('exploitationForm', r.report.victimsByYear.years, r.report.victimsByYear.exploitationForm),
	victimsByRecruitment: (r) => byYear('recruitment', r.report.victimsByYear.years, r.report.victimsByYear.recruitment),
	referrals: (r) => ({
		header: ['target', ...referralStatuses, 'total'],
		rows: r.report.referrals.map((row) => [row.target, ...referralStatuses.map((status) => row[status]), row.total])
	}),
	aggravating: (r) => ({
		header: ['circumstance', 'count'],
		rows: Object.entries(r.report.aggravating).map(([circumstance, count]) => [circumstance, count])
	}),
	// The national tables (national.ts), long format like the victim tables by year.
	criminalReports: (r) => ({
		header: ['offence', 'year', 'criminalReports'],
		rows: r.report.national.offences.flatMap((row) =>
			r.report.national.years.map((year) => [row.offence, year, row.years[year]?.reports ?? 0])
		)
	}),
	arrests: (r) => ({
		header: ['offence', 'year', 'arrests', 'detentions'],
		rows: r.report.national.offences.flatMap((row) =>
			r.report.national.years.map((year) => [
				row.offence,
				year,
				row.years[year]?.arrests ?? 0,
				row.years[year]?.detentions ?? 0
			])
		)
	}),
	victimsPerYear: (r) => ({
		header: ['year', 'possibleVictims', 'identifiedVictims'],
		rows: r.report.national.victims.map((v) => [v.year, v.possible, v.identified])
	}),
	violations: (r) => ({
		header: ['violationCode', 'titleSq', 'titleSr', 'titleEn', 'municipalityCode', 'violations'],
		rows: r.report.national.violations.rows.flatMap((row) =>
			r.report.national.violations.municipalities
				.filter((m) => row.municipalities[m.municipalityId])
				.map((m) => [row.code, row.title.sq, row.title.sr, row.title.en, m.code, row.municipalities[m.municipalityId]!])
		)
	}),
	decisions: (r) => ({
		header: ['decisionKind', 'decisions', 'withAmount', 'totalEur', 'medianEur'],
		rows: [...r.report.national.decisions.byKind, r.report.national.decisions.all].map((d) => [
			d.kind,
			d.count,
			d.withAmount,
			d.totalEur,
			d.medianEur
		])
	}),
	appeals: (r) => ({
		header: ['appeal', 'decisions'],
		rows: r.report.national.decisions.appeals.map((a) => [a.appeal, a.count])
	}),
	followUps: (r) => ({
		header: ['status', 'controlInspections'],
		rows: Object.entries(r.report.national.followUps).map(([status, count]) => [status, count])
	}),
	workersChecked: (r) => ({
		header: ['agency', 'workers', 'minors', 'withoutContract', 'undeclared'],
		rows: r.report.national.workers.map((w) => [w.agency, w.workers, w.minors, w.withoutContract, w.undeclared])
	}),
	operations: (r) => ({
		header: ['month', 'plans', 'operations', 'locationsControlled'],
		rows: r.report.operations.byMonth.map((m) => [m.month, m.plans, m.operations, m.locationsControlled])
	})
} satisfies Record<string, (report: CoverageReport) => ExportTable>;

export type ExportTableName = keyof typeof tables;
export const exportTableNames = Object.keys(tables) as ExportTableName[];
export const exportTableSchema = z.enum(exportTableNames as [ExportTableName, ...ExportTableName[]]);

export function exportTable(report: CoverageReport, name: ExportTableName): ExportTable {
	return tables[name](report);
}
