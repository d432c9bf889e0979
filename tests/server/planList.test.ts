/**
 * The plans overview's filters and pages against the real query: which operations (and plans with
 * none yet) each period holds, in which order, split into pages of 20; and that the page answers a
 * hand-edited URL by naming the bad filter, never with an error page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { addUser } from '../support/fixtures.ts';
import { startApp, type TestApp } from '../support/app.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';
import { readPlanListQuery, type PlanListQuery } from '../../src/lib/domain/planning/planList.ts';
import { changeOperationStatus, createOperation, createPlan } from '../../src/lib/server/planning/plans.ts';
import { planOverviews } from '../../src/lib/server/planning/overview.ts';

const TODAY = '2026-06-15';

let database: Database;
let app: TestApp;
let planner: SessionUser;
let policeId: string;

const query = (search = ''): PlanListQuery => readPlanListQuery(new URLSearchParams(search)).query;
/** What a page shows: each plan's title with the dates of its operations on the page. */
const shown = async (search = '') => {
	const result = await planOverviews(database.db, query(search), TODAY);
	return { ...result, plans: result.plans.map((plan) => [plan.title, plan.operations.map((o) => o.date)] as const) };
};

async function plan(title: string, periodStart: string, periodEnd: string, dates: string[]): Promise<string[]> {
	const { id } = await createPlan(database.db, planner, {
		title,
		objective: '',
		periodStart,
		periodEnd,
		municipalityIds: []
	});
	const ids: string[] = [];
	for (const [i, date] of dates.entries()) {
		const operation = {
			title: `${title} night ${i + 1}`,
			date,
			startTime: '20:00',
			endTime: '23:59',
			area: '',
			leadAgencyId: policeId
		};
		ids.push((await createOperation(database.db, planner, id, operation)).id);
	}
	return ids;
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	const agencies = await database.db.select().from(s.agencies);
	policeId = agencies.find((a) => a.code === 'police')!.id;
	const { id } = await addUser(database, 'pl_planner', 'planner', 'police');
	planner = {
		id,
		username: 'pl_planner',
		displayName: 'pl_planner',
		role: 'planner',
		agencyId: policeId,
		agencyCode: 'police'
	};

	const [, , , underWay, done] = await plan('Summer bars', '2026-06-01', '2026-06-30', [
		'2026-06-15',
		'2026-06-20',
		'2026-06-10',
		'2026-06-12',
		'2026-06-11'
	]);
	await changeOperationStatus(database.db, planner, underWay!, 'active');
	await changeOperationStatus(database.db, planner, done!, 'active');
	await changeOperationStatus(database.db, planner, done!, 'done');
	await plan(
		'Spring 50% check',
		'2026-03-01',
		'2026-03-31',
		Array.from({ length: 25 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`)
	);
	await plan('July, nothing yet', '2026-07-01', '2026-07-31', []);
	await plan('January, never planned', '2026-01-01', '2026-01-31', []);
});
afterAll(async () => database?.close());

const march = (from: number, to: number) =>
	Array.from(
		{ length: Math.abs(to - from) + 1 },
		(_, i) => `2026-03-${String(from > to ? from - i : from + i).padStart(2, '0')}`
	);

describe(`the plans overview on ${testEngine}`, () => {
	it('shows today and coming by default, soonest first, with operations still under way and plans with none yet', async () => {
		expect(await shown()).toEqual({
			plans: [
				['Summer bars', ['2026-06-12', '2026-06-15', '2026-06-20']],
				['July, nothing yet', []]
			],
			total: 4,
			page: 1,
			pageCount: 1
		});
	});

	it('shows the past latest first, 20 to a page, a page past the end showing the last', async () => {
		const first = await shown('period=past');
		expect(first.total).toBe(2 + 25 + 1);
		expect(first.pageCount).toBe(2);
		expect(first.plans).toEqual([
			['Summer bars', ['2026-06-11', '2026-06-10']],
			['Spring 50% check', march(25, 8)]
		]);
		const second = await shown('period=past&page=2');
		expect(second.plans).toEqual([
			['Spring 50% check', march(7, 1)],
			['January, never planned', []]
		]);
		expect((await shown('period=past&page=9')).page).toBe(2);
	});

	it('filters by status and by words in a plan or operation title, wildcards taken literally', async () => {
		expect((await shown('period=all&status=done')).plans).toEqual([['Summer bars', ['2026-06-11']]]);
		expect((await shown('period=all&status=active')).plans).toEqual([['Summer bars', ['2026-06-12']]]);
		expect((await shown('period=all&q=50%25')).total).toBe(25);
		expect((await shown('period=all&q=SPRING 50%25 CHECK NIGHT 3')).plans).toEqual([
			['Spring 50% check', ['2026-03-03']]
		]);
		expect((await shown('period=all&q=july')).plans).toEqual([['July, nothing yet', []]]);
		expect((await shown('period=all&q=_')).total).toBe(0);
		// A plan with no operations has none of any status.
		expect((await shown('status=planned')).plans.map(([title]) => title)).toEqual(['Summer bars']);
	});

	it('answers a hand-edited URL with the page, naming the bad filter', async () => {
		const client = await app.signedIn('pl_planner');
		const bad = await client.get('/plan?period=soon&status=lost&page=-3&q=');
		expect(bad.status).toBe(200);
		expect(await bad.text()).toContain('The filter “When” is not valid');
		const far = await client.get('/plan?period=all&page=9999');
		expect(far.status).toBe(200);
		expect(await far.text()).toContain('Page 2 of 2');
	});
});
