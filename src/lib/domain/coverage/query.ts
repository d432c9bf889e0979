/**
 * The coverage filters as a query string, the same one the dashboard's URL, the drill-down links
 * and GET /api/coverage read (filters.ts), so a CSV link exports exactly the figures on screen.
 */
import { coverageFiltersSchema, type CoverageFilters } from './filters.ts';

type QueryFilters = Partial<
	Pick<CoverageFilters, 'from' | 'to' | 'preset' | 'municipalityId' | 'kind' | 'agency' | 'planId' | 'overdueDays'>
>;

const DEFAULT_OVERDUE_DAYS = 90;

export function filterQuery(filters: QueryFilters, extra: Record<string, string> = {}): string {
	const params = new URLSearchParams();
	const explicit = filters.from && filters.to;
	if (explicit) {
		params.set('from', filters.from!);
		params.set('to', filters.to!);
	} else if (filters.preset) params.set('preset', filters.preset);
	for (const key of ['municipalityId', 'kind', 'agency', 'planId'] as const) {
		const value = filters[key];
		if (value) params.set(key, value);
	}
	if (filters.overdueDays !== undefined && filters.overdueDays !== DEFAULT_OVERDUE_DAYS)
		params.set('overdueDays', String(filters.overdueDays));
	for (const [key, value] of Object.entries(extra)) params.set(key, value);
	return params.toString();
}

/** The link to one table of the report as CSV (tables.ts names them). */
export function csvHref(filters: QueryFilters, table: string): string {
	return `/api/coverage?${filterQuery(filters, { format: 'csv', table })}`;
}

export type FilterError = { field: string; message: string };

/**
 * Reads the filters of a screen's URL. A bad value (a hand-edited link, a date typed backwards)
 * shows the default figures with the problem named, rather than an error page.
 */
export function readFilterQuery(
	params: URLSearchParams,
	fixed: Partial<Record<string, string>> = {}
): { filters: CoverageFilters; error: FilterError | null } {
	const parsed = coverageFiltersSchema.safeParse({ ...Object.fromEntries(params), ...fixed });
	if (parsed.success) return { filters: parsed.data, error: null };
	const issue = parsed.error.issues[0];
	return {
		filters: coverageFiltersSchema.parse(fixed),
		error: { field: String(issue?.path[0] ?? 'filters'), message: issue?.message ?? 'invalid' }
	};
}
