/**
 * The operation embargo through the real endpoints (issue 17, parts 1 and 4): an operation planned
 * in secret is in no inspector's pull and 404 to everyone off its need-to-know list; a release (by
 * the button or by the briefing time) sends it, with what was written before, through the ordinary
 * pull; a withdrawal and the expiry send deletes; a late push of an inspection of an expired
 * operation is accepted; every view under embargo is audited; person-level records of an old
 * submitted visit leave the devices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { releaseLocal } from '../../src/lib/domain/planning/releaseTime.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let secret: { operation: string; team: string; assignment: string };

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'planner_y', 'planner', 'labour');
	await addUser(database, 'commander_z', 'supervisor', 'police');
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

async function pullFrom(client: TestClient, cursor = ''): Promise<{ changes: Change[]; cursor: string }> {
	const changes: Change[] = [];
	for (;;) {
		const response = await client.get(`/api/sync/pull?cursor=${cursor}&limit=1000`);
		expect(response.status).toBe(200);
		const page = await response.json();
		changes.push(...page.changes);
		cursor = page.cursor;
		if (!page.hasMore) return { changes, cursor };
	}
}

async function push(client: TestClient, entity: string, id: string, data: unknown): Promise<MutationResult> {
	const response = await client.post('/api/sync/push', {
		deviceId: randomUUID(),
		mutations: [{ mutationId: randomUUID(), entity, op: 'upsert', id, baseVersion: 0, data }]
	});
	expect(response.status).toBe(200);
	return (await response.json()).results[0];
}

async function formAction(client: TestClient, path: string, fields: [string, string][] = []) {
	const response = await client.request(path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields).toString()
	});
	return (await response.json()) as { type: string; status?: number; location?: string; data?: string };
}

const secretIds = () => [secret.operation, secret.team, secret.assignment];
const about = (changes: Change[]) => changes.filter((c) => secretIds().includes(c.id));

async function auditCount(action: string, recordId: string, summary?: string): Promise<number> {
	const rows = await database.db
		.select()
		.from(s.auditLog)
		.where(and(eq(s.auditLog.action, action), eq(s.auditLog.recordId, recordId)));
	return rows.filter((r) => summary === undefined || r.summary.includes(summary)).length;
}

describe(`an operation planned in secret, on ${testEngine}`, () => {
	it('is planned by a planner who is on its list, with a team of two inspectors and a venue', async () => {
		const planner = await signedIn('planner_x');
		const created = await formAction(planner, `/plan/${world.ids.plan}?/createOperation`, [
			['title', 'Night raid'],
			['date', new Date().toISOString().slice(0, 10)],
			['startTime', '21:00'],
			['endTime', '23:30'],
			['area', ''],
			['leadAgencyId', (await database.db.select().from(s.agencies).where(eq(s.agencies.code, 'police')))[0]!.id]
		]);
		expect(created.type).toBe('redirect');
		const operation = created.location!.split('/').at(-1)!;
		const team = await formAction(planner, `/plan/operations/${operation}?/createTeam`, [
			['name', 'Secret team'],
			['compositionReason', ''],
			['leader', world.users.a1.id],
			['members', world.users.a1.id],
			['members', world.users.a2.id]
		]);
		expect(team.type).toBe('success');
		const [teamRow] = await database.db.select().from(s.teams).where(eq(s.teams.operationId, operation));
		const assigned = await planner.post(`/api/plans/operations/${operation}/assignments`, {
			teamId: teamRow!.id,
			locationIds: [world.ids.venues[2]]
		});
		expect(assigned.status).toBe(200);
		const [assignment] = await database.db.select().from(s.assignments).where(eq(s.assignments.operationId, operation));
		secret = { operation, team: teamRow!.id, assignment: assignment!.id };
		const list = await database.db
			.select()
			.from(s.operationCommanders)
			.where(eq(s.operationCommanders.operationId, operation));
		expect(list.map((c) => c.userId)).toEqual([world.users.planner.id]);
	});

	it('is absent from every inspector’s pull, members included', async () => {
		for (const username of ['inspector_a1', 'inspector_a2', 'inspector_b1']) {
			const { changes } = await pullFrom(await signedIn(username));
			expect(about(changes), username).toEqual([]);
			// The released operation of the world still arrives.
			expect(
				changes.some((c) => c.id === world.ids.operation && c.op === 'upsert'),
				username
			).toBe(true);
		}
	});

	it('answers 404 to a planner off the list and to a supervisor, for the page, the print and the API', async () => {
		for (const username of ['planner_y', 'supervisor_x']) {
			const client = await signedIn(username);
			expect((await client.get(`/plan/operations/${secret.operation}`)).status, username).toBe(404);
			expect((await client.get(`/plan/operations/${secret.operation}/briefing`)).status, username).toBe(404);
			const plan = await client.get(`/plan/${world.ids.plan}`);
			expect(await plan.text()).not.toContain('Night raid');
			const list = await client.get('/plan');
			expect(await list.text()).not.toContain('Night raid');
		}
		const planner = await signedIn('planner_y');
		// The released operation's page warns of its members booked elsewhere, without naming the secret one.
		const other = await planner.get(`/plan/operations/${world.ids.operation}`);
		expect(other.status).toBe(200);
		const otherText = await other.text();
		expect(otherText).toContain('—');
		expect(otherText).not.toContain('Night raid');
		expect(otherText).not.toContain('Secret team');
		const assign = await planner.post(`/api/plans/operations/${secret.operation}/assignments`, {
			teamId: secret.team,
			locationIds: [world.ids.venues[0]]
		});
		expect(assign.status).toBe(404);
		expect((await planner.request(`/api/plans/assignments/${secret.assignment}`, { method: 'DELETE' })).status).toBe(
			404
		);
		const order = await planner.request(`/api/plans/teams/${secret.team}/order`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ assignmentIds: [secret.assignment] })
		});
		expect(order.status).toBe(404);
		const release = await formAction(planner, `/plan/operations/${secret.operation}?/release`);
		expect(release).toMatchObject({ type: 'failure', status: 404 });
		const rename = await formAction(planner, `/plan/operations/${secret.operation}?/deleteTeam`, [
			['teamId', secret.team]
		]);
		expect(rename).toMatchObject({ type: 'failure', status: 404 });
		expect(await database.db.select().from(s.teams).where(eq(s.teams.id, secret.team))).toHaveLength(1);
	});

	it('shows the page and the print to the list, and audits every view', async () => {
		const planner = await signedIn('planner_x');
		const before = await auditCount('operation.view_embargoed', secret.operation);
		const page = await planner.get(`/plan/operations/${secret.operation}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Night raid');
		expect((await planner.get(`/plan/operations/${secret.operation}/briefing`)).status).toBe(200);
		expect(await auditCount('operation.view_embargoed', secret.operation, 'view=page')).toBeGreaterThan(0);
		expect(await auditCount('operation.view_embargoed', secret.operation, 'view=print')).toBe(1);
		expect(await auditCount('operation.view_embargoed', secret.operation)).toBe(before + 2);
	});

	it('lets the list name a commander (a supervisor), who then sees it', async () => {
		const planner = await signedIn('planner_x');
		const [commander] = await database.db.select().from(s.users).where(eq(s.users.username, 'commander_z'));
		const refused = await formAction(planner, `/plan/operations/${secret.operation}?/addCommander`, [
			['userId', world.users.a1.id]
		]);
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		const added = await formAction(planner, `/plan/operations/${secret.operation}?/addCommander`, [
			['userId', commander!.id]
		]);
		expect(added.type).toBe('success');
		expect((await (await signedIn('commander_z')).get(`/plan/operations/${secret.operation}`)).status).toBe(200);
		expect((await (await signedIn('supervisor_x')).get(`/plan/operations/${secret.operation}`)).status).toBe(404);
	});

	let a1Cursor = '';
	it('released by the button: the members’ pulls bring it, with the records written before', async () => {
		const a1 = await signedIn('inspector_a1');
		a1Cursor = (await pullFrom(a1)).cursor;
		const commander = await signedIn('commander_z');
		const released = await formAction(commander, `/plan/operations/${secret.operation}?/release`);
		expect(released.type).toBe('success');
		expect(await auditCount('operation.release', secret.operation)).toBe(1);
		const { changes, cursor } = await pullFrom(a1, a1Cursor);
		a1Cursor = cursor;
		expect(
			about(changes)
				.map((c) => `${c.entity}:${c.op}`)
				.sort()
		).toEqual(['assignment:upsert', 'operation:upsert', 'team:upsert']);
		expect(about((await pullFrom(await signedIn('inspector_a2'))).changes)).toHaveLength(3);
		expect(about((await pullFrom(await signedIn('inspector_b1'))).changes)).toEqual([]);
		// Released: a planner off the list sees it now, and nothing more is audited as embargoed.
		const before = await auditCount('operation.view_embargoed', secret.operation);
		expect((await (await signedIn('planner_y')).get(`/plan/operations/${secret.operation}`)).status).toBe(200);
		expect(await auditCount('operation.view_embargoed', secret.operation)).toBe(before);
	});

	it('withdrawn: deletes reach the members’ devices and it is walled again', async () => {
		const planner = await signedIn('planner_x');
		const withdrawn = await formAction(planner, `/plan/operations/${secret.operation}?/withdraw`);
		expect(withdrawn.type).toBe('success');
		const { changes, cursor } = await pullFrom(await signedIn('inspector_a1'), a1Cursor);
		a1Cursor = cursor;
		expect(
			about(changes)
				.map((c) => `${c.entity}:${c.op}`)
				.sort()
		).toEqual(['assignment:delete', 'operation:delete', 'team:delete']);
		expect((await (await signedIn('planner_y')).get(`/plan/operations/${secret.operation}`)).status).toBe(404);
		// A device starting from empty gets at most the deletes addressed to its user, never the records.
		const fresh = about((await pullFrom(await signedIn('inspector_a2'))).changes);
		expect(fresh.filter((c) => c.op === 'upsert')).toEqual([]);
	});

	it('released by its briefing time: the next pull brings it, once', async () => {
		const planner = await signedIn('planner_x');
		const set = await formAction(planner, `/plan/operations/${secret.operation}?/setReleaseTime`, [
			['releaseAt', releaseLocal(new Date(Date.now() - 60_000))]
		]);
		expect(set).toMatchObject({ type: 'success' });
		const a1 = await signedIn('inspector_a1');
		const first = await pullFrom(a1, a1Cursor);
		expect(
			about(first.changes)
				.map((c) => `${c.entity}:${c.op}`)
				.sort()
		).toEqual(['assignment:upsert', 'operation:upsert', 'team:upsert']);
		a1Cursor = first.cursor;
		expect(about((await pullFrom(a1, a1Cursor)).changes)).toEqual([]);
		expect(await auditCount('operation.release_due', secret.operation)).toBe(1);
	});

	it('expired: deletes of the target list, while a late push of an inspection is accepted', async () => {
		const a1 = await signedIn('inspector_a1');
		// An inspection recorded before the expiry, sent after it.
		const inspectionId = randomUUID();
		await database.db.update(s.operations).set({ date: '2026-01-10' }).where(eq(s.operations.id, secret.operation));
		const { changes, cursor } = await pullFrom(a1, a1Cursor);
		a1Cursor = cursor;
		expect(
			about(changes)
				.map((c) => `${c.entity}:${c.op}`)
				.sort()
		).toEqual(['assignment:delete', 'operation:delete', 'team:delete']);
		const late = await push(
			a1,
			'inspection',
			inspectionId,
			inspectionData(world, {
				locationId: world.ids.venues[2],
				assignmentId: secret.assignment,
				teamId: secret.team
			})
		);
		expect(late.status).toBe('applied');
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, inspectionId))).toHaveLength(1);
		// A device starting from empty gets none of the expired target list (at most deletes addressed to it).
		const fresh = about((await pullFrom(await signedIn('inspector_a2'))).changes);
		expect(fresh.filter((c) => c.op === 'upsert')).toEqual([]);
	});
});

describe(`the device holds only what it needs, on ${testEngine}`, () => {
	it('takes the person-level records of a visit submitted days ago off the team’s devices', async () => {
		const a1 = await signedIn('inspector_a1');
		const a2 = await signedIn('inspector_a2');
		const a2Cursor = (await pullFrom(a2)).cursor;
		const inspectionId = randomUUID();
		const personId = randomUUID();
		const visit = visitRecords(world, inspectionId);
		expect((await push(a1, 'inspection', inspectionId, inspectionData(world))).status).toBe('applied');
		expect((await push(a1, 'screenedPerson', personId, visit.person('female'))).status).toBe('applied');
		const fresh = await pullFrom(a2, a2Cursor);
		expect(fresh.changes.some((c) => c.id === personId && c.op === 'upsert')).toBe(true);

		// Submitted ten days ago (as the server stored it).
		await database.db
			.update(s.inspections)
			.set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date(Date.now() - 10 * 86_400_000) })
			.where(eq(s.inspections.id, inspectionId));
		const later = await pullFrom(a2, fresh.cursor);
		expect(later.changes.filter((c) => c.id === personId).map((c) => c.op)).toEqual(['delete']);
		// From empty, the person no longer travels; the visit does.
		const all = (await pullFrom(await signedIn('inspector_a1'))).changes;
		expect(all.some((c) => c.id === personId && c.op === 'upsert')).toBe(false);
		expect(all.some((c) => c.id === inspectionId && c.op === 'upsert')).toBe(true);
	});
});
