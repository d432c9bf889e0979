/** The plans overview's URL: its filters and page are checked, and a bad one falls back alone. */
import { describe, expect, it } from 'vitest';
import {
	containsPattern,
	pageWithin,
	planListHref,
	readPlanListQuery,
	PLAN_LIST_PAGE_SIZE
} from '../../src/lib/domain/planning/planList.ts';

const read = (search: string) => readPlanListQuery(new URLSearchParams(search));

describe('the plans overview query', () => {
	it('defaults to today and coming, any status, page 1', () => {
		expect(read('')).toEqual({ query: { period: 'current', page: 1 }, error: null });
		// A cleared form field arrives empty.
		expect(read('period=&status=&q=+&page=')).toEqual({ query: { period: 'current', page: 1 }, error: null });
	});

	it('reads every filter', () => {
		expect(read('period=past&status=done&q=%20Deçan%20&page=3&other=x')).toEqual({
			query: { period: 'past', status: 'done', q: 'Deçan', page: 3 },
			error: null
		});
	});

	it('names a bad value and falls back to its default, keeping the other filters', () => {
		expect(read('period=soon&status=done')).toMatchObject({
			query: { period: 'current', status: 'done', page: 1 },
			error: { field: 'period' }
		});
		expect(read('status=lost&q=bar')).toMatchObject({
			query: { period: 'current', q: 'bar' },
			error: { field: 'status' }
		});
		expect(read('page=0').error?.field).toBe('page');
		expect(read('page=2.5').error?.field).toBe('page');
		expect(read('page=abc').query.page).toBe(1);
		expect(read(`q=${'x'.repeat(101)}`)).toMatchObject({ query: { period: 'current' }, error: { field: 'q' } });
		// Two bad values: both fall back, the first is named.
		expect(read('period=x&page=-1')).toMatchObject({
			query: { period: 'current', page: 1 },
			error: { field: 'period' }
		});
	});

	it('builds links that leave the defaults out', () => {
		const query = { period: 'current' as const, page: 1 };
		expect(planListHref(query)).toBe('/plan');
		expect(planListHref(query, { page: 2 })).toBe('/plan?page=2');
		expect(planListHref({ period: 'past', status: 'done', q: 'bare & klube', page: 4 }, { page: 3 })).toBe(
			'/plan?period=past&status=done&q=bare+%26+klube&page=3'
		);
	});

	it('pages within the total, holding a page past the end to the last one', () => {
		expect(pageWithin(0, 1)).toEqual({ page: 1, pageCount: 1, offset: 0 });
		expect(pageWithin(141, 2)).toEqual({
			page: 2,
			pageCount: Math.ceil(141 / PLAN_LIST_PAGE_SIZE),
			offset: PLAN_LIST_PAGE_SIZE
		});
		expect(pageWithin(41, 99)).toEqual({ page: 3, pageCount: 3, offset: 2 * PLAN_LIST_PAGE_SIZE });
	});

	it('searches for the words as typed, wildcards included', () => {
		expect(containsPattern('bar')).toBe('%bar%');
		expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
	});
});
