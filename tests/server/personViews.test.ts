/**
 * Looks at person-level records are audited once per look: the admin's person search (who searched,
 * when, for which id, how many were shown; never text that could be a name), and a page the app
 * shows after a client-side navigation, whose data (`__data.json`) and the service worker's copy
 * of its HTML are two requests of one look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let admin: { id: string };
const inspection = randomUUID();
const person = randomUUID();

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	admin = await addUser(database, 'admin_x', 'admin', 'police');
	await database.db.insert(s.inspections).values({
		id: inspection,
		locationId: world.ids.venues[0]!,
		assignmentId: world.ids.assignmentA,
		teamId: world.ids.teamA,
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted',
		outcome: 'trafficking_indicators_referred',
		createdBy: world.users.a1.id,
		startedAt: new Date('2026-11-24T20:00:00Z')
	});
	await database.db.insert(s.screenedPersons).values({
		id: person,
		inspectionId: inspection,
		sex: 'female',
		ageBand: '14_17',
		isMinor: true,
		result: 'possible_victim'
	});
});
afterAll(async () => database?.close());

/** The audit entries written after `seq`, as [action, recordId, summary]. */
async function entriesAfter(seq: number, userId: string) {
	const rows = await database.db
		.select()
		.from(s.auditLog)
		.where(and(gt(s.auditLog.seq, seq), eq(s.auditLog.userId, userId)))
		.orderBy(s.auditLog.seq);
	return rows.map((row) => [row.action, row.recordId, row.summary]);
}

async function lastSeq(): Promise<number> {
	const rows = await database.db.select({ seq: s.auditLog.seq }).from(s.auditLog);
	return Math.max(0, ...rows.map((row) => row.seq));
}

// What Chromium sends: a page opened, and a script's fetch() (the app's data, the worker's copy).
const opened = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' };
const fetched = { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' };

/** A client-side navigation: the page's data, then the worker's copy of its HTML for offline use. */
async function navigateInApp(client: TestClient, path: string): Promise<{ data: string; copy: string }> {
	const url = new URL(path, 'http://localhost');
	const data = await client.request(`${url.pathname.replace(/\/$/, '')}/__data.json${url.search}`, {
		headers: fetched
	});
	const copy = await client.request(path, { headers: fetched });
	expect(data.status).toBe(200);
	expect(copy.status).toBe(200);
	return { data: await data.text(), copy: await copy.text() };
}

describe(`the admin's person search on ${testEngine}`, () => {
	it('is audited: who, which id, how many shown, and each person shown once', async () => {
		const client = await app.signedIn('admin_x');
		const before = await lastSeq();
		const response = await client.request(`/admin/persons?q=${inspection}`, { headers: opened });
		expect(response.status).toBe(200);
		expect(await response.text()).toContain(person);
		expect(await entriesAfter(before, admin.id)).toEqual([
			['person.search', inspection, 'results=1'],
			['person.view', person, 'via=search']
		]);
	});

	it('keeps no text that is not an id, only its length', async () => {
		const client = await app.signedIn('admin_x');
		const before = await lastSeq();
		expect((await client.get(`/admin/persons?q=${encodeURIComponent('Arbnora Qafëzezi')}`)).status).toBe(200);
		const entries = await entriesAfter(before, admin.id);
		expect(entries).toEqual([['person.search', null, 'not an id: 16 characters, results=0']]);
		expect(JSON.stringify(entries)).not.toContain('Arbnora');
	});

	it('writes one entry per look when the app navigates to it', async () => {
		const client = await app.signedIn('admin_x');
		const before = await lastSeq();
		const { data, copy } = await navigateInApp(client, `/admin/persons?q=${person}`);
		expect(data).toContain(person);
		expect(copy).not.toContain('data-person');
		expect(await entriesAfter(before, admin.id)).toEqual([
			['person.search', person, 'results=1'],
			['person.view', person, 'via=search']
		]);
	});
});

describe(`a look at an inspection's persons on ${testEngine}`, () => {
	it('writes one entry when the app navigates to it, and the worker’s copy holds no person', async () => {
		const supervisor = await app.signedIn('supervisor_x');
		const before = await lastSeq();
		const { data, copy } = await navigateInApp(supervisor, `/inspections/${inspection}`);
		expect(data).toContain(person);
		expect(copy).not.toContain(`data-person="${person}"`);
		expect(copy).toContain('data-persons="restricted"');
		expect(await entriesAfter(before, world.users.supervisor.id)).toEqual([
			['inspection.view_persons', inspection, 'persons=1 referrals=0']
		]);
	});

	it('writes one entry when the page is opened', async () => {
		const supervisor = await app.signedIn('supervisor_x');
		const before = await lastSeq();
		const response = await supervisor.request(`/inspections/${inspection}`, { headers: opened });
		expect(await response.text()).toContain(`data-person="${person}"`);
		expect(await entriesAfter(before, world.users.supervisor.id)).toEqual([
			['inspection.view_persons', inspection, 'persons=1 referrals=0']
		]);
	});
});
