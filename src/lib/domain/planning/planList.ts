/**
 * The filters and page of the plans overview (/plan), read from its URL. The overview pages
 * through operations (with the plans they belong to), which a year of planning holds hundreds of.
 */
import { z } from 'zod';
import { operationStatuses } from '../records/codes.ts';

/** Operations on one page of the overview. */
export const PLAN_LIST_PAGE_SIZE = 20;

/**
 * `current`: today's and coming operations, and any still under way; `past`: the rest. A plan with
 * no operations yet counts as current until its period has ended.
 */
export const planPeriods = ['current', 'past', 'all'] as const;
export type PlanPeriod = (typeof planPeriods)[number];

// An empty parameter (`?status=`) is how a cleared form field arrives: treat it as absent.
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const planListQuerySchema = z.object({
	period: z.preprocess(blankAsAbsent, z.enum(planPeriods).default('current')),
	status: z.preprocess(blankAsAbsent, z.enum(operationStatuses).optional()),
	q: z.preprocess(blankAsAbsent, z.string().trim().max(100, 'at most 100 characters').optional()),
	page: z.preprocess(
		blankAsAbsent,
		z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(10_000).default(1)
	)
});
export type PlanListQuery = z.infer<typeof planListQuerySchema>;
type QueryKey = keyof PlanListQuery;

export type PlanListError = { field: QueryKey; message: string };

/**
 * Reads the overview's URL. A bad value (a hand-edited link) falls back to that filter's default
 * and is named, so the page still shows the rest of what was asked for rather than an error.
 */
export function readPlanListQuery(params: URLSearchParams): { query: PlanListQuery; error: PlanListError | null } {
	const input: Partial<Record<QueryKey, string>> = {};
	for (const key of Object.keys(planListQuerySchema.shape) as QueryKey[]) {
		const value = params.get(key);
		if (value !== null) input[key] = value;
	}
	let error: PlanListError | null = null;
	for (;;) {
		const parsed = planListQuerySchema.safeParse(input);
		if (parsed.success) return { query: parsed.data, error };
		const issue = parsed.error.issues[0]!;
		const field = issue.path[0] as QueryKey;
		error ??= { field, message: issue.message };
		delete input[field];
	}
}

/** The overview's URL for a query; defaults are left out, so the plain /plan stays the first page. */
export function planListHref(query: PlanListQuery, changes: Partial<PlanListQuery> = {}): string {
	const next = { ...query, ...changes };
	const params = new URLSearchParams();
	if (next.period !== 'current') params.set('period', next.period);
	if (next.status) params.set('status', next.status);
	if (next.q) params.set('q', next.q);
	if (next.page > 1) params.set('page', String(next.page));
	const search = params.toString();
	return search ? `/plan?${search}` : '/plan';
}

/** How many pages `total` operations fill, and the asked page held within them. */
export function pageWithin(total: number, page: number): { page: number; pageCount: number; offset: number } {
	const pageCount = Math.max(1, Math.ceil(total / PLAN_LIST_PAGE_SIZE));
	const within = Math.min(page, pageCount);
	return { page: within, pageCount, offset: (within - 1) * PLAN_LIST_PAGE_SIZE };
}

/** A pattern for SQL ILIKE that finds `text` anywhere, with its wildcards taken literally. */
export function containsPattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
