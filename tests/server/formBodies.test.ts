/**
 * A form action sent a body that is not a form answers 415 (a `text/plain` or JSON body) or 400 (a
 * broken multipart body), naming the problem, and writes nothing: `request.formData()` threw on
 * such a body, which was a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { rowsOf } from '../../src/lib/server/db/rows.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const clients: Record<string, TestClient> = {};

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_x', 'admin', 'police');
	for (const username of ['planner_x', 'admin_x']) clients[username] = await app.signedIn(username);
});
afterAll(async () => database?.close());

const actions = (): [as: string | null, path: string][] => [
	[null, '/login'],
	['planner_x', '/plan?/createPlan'],
	['planner_x', `/plan/${world.ids.plan}?/createOperation`],
	['planner_x', `/plan/operations/${world.ids.operation}?/createTeam`],
	['planner_x', '/plan/templates?/publish'],
	['admin_x', '/admin/users?/create'],
	['admin_x', '/admin/persons?/erase']
];

async function auditCount(): Promise<number> {
	return Number(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n);
}

async function post(
	as: string | null,
	path: string,
	contentType: string,
	body: string,
	accept?: string
): Promise<Response> {
	const client = as ? clients[as]! : app.client();
	const headers: Record<string, string> = { 'content-type': contentType };
	if (accept) headers.accept = accept;
	return client.request(path, { method: 'POST', headers, body });
}

describe(`form actions sent a body that is not a form, on ${testEngine}`, () => {
	it('answer 415 to text/plain and JSON, naming the form types, and write nothing', async () => {
		const before = await auditCount();
		for (const [as, path] of actions()) {
			for (const [type, body] of [
				['text/plain', 'title=Plan\nperiodStart=2026-12-01'],
				['text/plain;charset=UTF-8', 'username=x'],
				['application/json', '{"title":"Plan"}']
			] as const) {
				const response = await post(as, path, type, body);
				expect(response.status, `${type} to ${path}`).toBe(415);
				expect(await response.text(), path).toContain('application/x-www-form-urlencoded');
			}
		}
		expect(await auditCount()).toBe(before);
	});

	it('answer a broken multipart body 400, also to the app’s own fetch (JSON)', async () => {
		for (const [as, path] of actions()) {
			const response = await post(
				as,
				path,
				'multipart/form-data; boundary=xyz',
				'this is not multipart',
				'application/json'
			);
			expect(response.status, path).toBe(400);
			expect(await response.json(), path).toMatchObject({ message: expect.stringContaining('multipart/form-data') });
			const noBoundary = await post(as, path, 'multipart/form-data', '--x\r\n');
			expect(noBoundary.status, path).toBe(400);
		}
	});

	it('still take a real form', async () => {
		const response = await post(
			'planner_x',
			'/plan?/createPlan',
			'application/x-www-form-urlencoded',
			new URLSearchParams({ title: '' }).toString(),
			'application/json'
		);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ type: 'failure', status: 400 });
	});
});
