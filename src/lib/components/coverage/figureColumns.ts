/** The coverage figures as table columns, and a one-sentence summary of coverage for a chart. */
import { m } from '$lib/paraglide/messages.js';
import { formatNumber } from '$lib/components/format.ts';
import type { CoverageFigures } from '$lib/domain/coverage/figures.ts';
import { percentText } from './format.ts';
import type { Column } from './table.ts';

const count = <R extends CoverageFigures>(key: string, label: string, pick: (row: R) => number): Column<R> => ({
	key,
	label,
	numeric: true,
	value: pick,
	display: (row) => formatNumber(pick(row))
});

export function figureColumns<R extends CoverageFigures>(): Column<R>[] {
	return [
		count('registered', m.coverage_registered_venues(), (row) => row.registeredVenues),
		count('inspected', m.coverage_venues_inspected(), (row) => row.venuesInspected),
		{
			key: 'coverage',
			label: m.coverage_percent(),
			numeric: true,
			value: (row) => row.coveragePercent,
			display: (row) => percentText(row.coveragePercent)
		},
		count('inspections', m.coverage_inspections(), (row) => row.inspections),
		count('indicators', m.coverage_inspections_with_indicators(), (row) => row.inspectionsWithIndicators),
		count('screened', m.coverage_screened_persons(), (row) => row.screenedPersons),
		count('victims', m.coverage_possible_victims(), (row) => row.possibleVictims),
		count('referrals', m.coverage_referrals(), (row) => row.referrals),
		count('closed', m.coverage_premises_closed(), (row) => row.premisesClosed)
	];
}

/** Highest and lowest coverage among rows with registered venues: what a sighted reader takes from the bars. */
export function coverageSummary(rows: (CoverageFigures & { label: string })[]): string {
	const ranked = rows
		.filter((row) => row.coveragePercent !== null)
		.sort((a, b) => (b.coveragePercent ?? 0) - (a.coveragePercent ?? 0));
	const highest = ranked[0];
	const lowest = ranked.at(-1);
	if (!highest || !lowest) return m.coverage_chart_empty();
	return m.coverage_chart_summary({
		count: ranked.length,
		highest: `${highest.label} (${percentText(highest.coveragePercent)})`,
		lowest: `${lowest.label} (${percentText(lowest.coveragePercent)})`
	});
}
