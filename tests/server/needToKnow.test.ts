/**
 * Who receives person-level records, through the real endpoints: teams take inspectors only (a
 * planner cannot add themself and read a team's persons), nobody but inspectors pulls, every pull
 * that hands out person-level records is audited once, leaving a team takes its records off the
 * device and stops them arriving, planners see an inspection's venue part and outcome only, and an
 * inspector's venue card says nothing about other teams' people.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let extra: { c1: string; admin: string };

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	extra = {
		c1: (await addUser(database, 'inspector_c1', 'inspector', 'labour')).id,
		admin: (await addUser(database, 'admin_ntk', 'admin', 'police')).id
	};
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

type Push = { entity: string; id: string; op?: 'upsert' | 'delete'; baseVersion?: number; data: unknown };

async function push(client: TestClient, ...mutations: Push[]): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId: randomUUID(),
		mutations: mutations.map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

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

/** Posts a form action the way the enhanced form does, answering SvelteKit's action result. */
async function formAction(client: TestClient, path: string, fields: [string, string][]) {
	const response = await client.request(path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields).toString()
	});
	return (await response.json()) as { type: string; status?: number; data?: string };
}

const teamForm = (name: string, members: string[], reason = '') =>
	[
		['name', name],
		['compositionReason', reason],
		['leader', members[0] ?? ''],
		...members.map((id): [string, string] => ['members', id])
	] as [string, string][];

async function membersOf(teamId: string): Promise<string[]> {
	return (
		await database.db
			.select({ userId: s.teamMembers.userId })
			.from(s.teamMembers)
			.where(eq(s.teamMembers.teamId, teamId))
	)
		.map((r) => r.userId)
		.sort();
}

/** A team-A visit with a screened person and a referral, recorded by `author`. */
async function recordVisit(author: TestClient, overrides: Record<string, unknown> = {}) {
	const inspectionId = randomUUID();
	const personId = randomUUID();
	const referralId = randomUUID();
	const visit = visitRecords(world, inspectionId);
	const results = await push(
		author,
		{ entity: 'inspection', id: inspectionId, data: inspectionData(world, overrides) },
		{ entity: 'screenedPerson', id: personId, data: visit.person('female') },
		{ entity: 'referral', id: referralId, data: visit.referral(personId) }
	);
	expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
	return { inspectionId, personId, referralId, visit };
}

describe(`teams take inspectors only, on ${testEngine}`, () => {
	it('refuses a planner adding themself (or any non-inspector) to a team, and leaves the team as it was', async () => {
		const planner = await signedIn('planner_x');
		const before = await membersOf(world.ids.teamB);
		for (const outsider of [world.users.planner.id, world.users.supervisor.id, extra.admin]) {
			const result = await formAction(planner, `/plan/operations/${world.ids.operation}?/updateTeam`, [
				['teamId', world.ids.teamB],
				...teamForm('B', [world.users.b1.id, outsider], 'testing')
			]);
			expect(result, outsider).toMatchObject({ type: 'failure', status: 400 });
			expect(result.data).toContain('members');
		}
		const created = await formAction(
			planner,
			`/plan/operations/${world.ids.operation}?/createTeam`,
			teamForm('Planner team', [world.users.planner.id], 'testing')
		);
		expect(created).toMatchObject({ type: 'failure', status: 400 });
		expect(await membersOf(world.ids.teamB)).toEqual(before);
		expect(await database.db.select().from(s.teams).where(eq(s.teams.name, 'Planner team'))).toHaveLength(0);
	});
});

describe(`the pull on ${testEngine}`, () => {
	it('answers 403 to planners, supervisors and admins: their devices keep nothing', async () => {
		for (const username of ['planner_x', 'supervisor_x', 'admin_ntk']) {
			const client = await signedIn(username);
			expect((await client.get('/api/sync/pull?limit=1000')).status, username).toBe(403);
			const pushed = await client.post('/api/sync/push', { deviceId: randomUUID(), mutations: [] });
			expect(pushed.status, username).toBe(403);
		}
	});

	it('audits each pull that hands out person-level records once, with counts, and a pull without them not at all', async () => {
		const a1 = await signedIn('inspector_a1');
		await recordVisit(a1);
		const before = (await database.db.select({ seq: s.auditHead.seq }).from(s.auditHead))[0]!.seq;
		const first = await a1.get('/api/sync/pull?limit=1000');
		const page = await first.json();
		expect(page.hasMore).toBe(false);
		const persons = page.changes.filter((c: Change) => c.entity === 'screenedPerson' && c.op === 'upsert').length;
		const referrals = page.changes.filter((c: Change) => c.entity === 'referral' && c.op === 'upsert').length;
		expect(persons).toBeGreaterThan(0);
		const rows = await database.db
			.select()
			.from(s.auditLog)
			.where(and(gt(s.auditLog.seq, Number(before)), eq(s.auditLog.action, 'sync.pull_persons')));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			userId: world.users.a1.id,
			summary: `screenedPerson=${persons} referral=${referrals} attachment=0 checkedWorker=0 evidenceItem=0 custodyTransfer=0`
		});

		await a1.get(`/api/sync/pull?cursor=${page.cursor}&limit=1000`);
		const after = await database.db
			.select()
			.from(s.auditLog)
			.where(and(gt(s.auditLog.seq, Number(before)), eq(s.auditLog.action, 'sync.pull_persons')));
		expect(after).toHaveLength(1);
	});
});

describe(`leaving a team on ${testEngine}`, () => {
	it('takes the team’s records off the leaver’s device, sends them nothing new, and hands them to a newcomer', async () => {
		const a1 = await signedIn('inspector_a1');
		const a2 = await signedIn('inspector_a2');
		const c1 = await signedIn('inspector_c1');
		// a2 records a visit for team A, then is replaced by c1.
		const visit = await recordVisit(a2);
		const held = await pullFrom(a2);
		expect(held.changes.some((c) => c.id === visit.personId && c.op === 'upsert')).toBe(true);
		const c1Before = await pullFrom(c1);
		expect(c1Before.changes.some((c) => c.id === visit.inspectionId)).toBe(false);

		const planner = await signedIn('planner_x');
		const saved = await formAction(planner, `/plan/operations/${world.ids.operation}?/updateTeam`, [
			['teamId', world.ids.teamA],
			...teamForm('A', [world.users.a1.id, extra.c1])
		]);
		expect(saved.type).toBe('success');
		const [audited] = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'team.update'), eq(s.auditLog.recordId, world.ids.teamA)));
		expect(audited?.summary).toContain('joined=1[inspector_c1]');
		expect(audited?.summary).toContain('left=1[inspector_a2]');

		const farewell = await pullFrom(a2, held.cursor);
		const deleted = new Set(farewell.changes.filter((c) => c.op === 'delete').map((c) => `${c.entity}:${c.id}`));
		for (const key of [
			`inspection:${visit.inspectionId}`,
			`screenedPerson:${visit.personId}`,
			`referral:${visit.referralId}`,
			`team:${world.ids.teamA}`,
			`assignment:${world.ids.assignmentA}`,
			`operation:${world.ids.operation}`
		]) {
			expect(deleted, key).toContain(key);
		}
		expect(
			farewell.changes.filter(
				(c) => c.op === 'upsert' && ['inspection', 'screenedPerson', 'referral'].includes(c.entity)
			)
		).toEqual([]);

		// The newcomer's device gets what the team has recorded.
		const welcome = await pullFrom(c1, c1Before.cursor);
		for (const id of [visit.inspectionId, visit.personId, visit.referralId, world.ids.assignmentA]) {
			expect(welcome.changes.find((c) => c.id === id)?.op, id).toBe('upsert');
		}

		// New persons of the inspection a2 wrote no longer reach a2, and a2 can no longer add any.
		const laterPerson = randomUUID();
		const [added] = await push(a1, { entity: 'screenedPerson', id: laterPerson, data: visit.visit.person('male') });
		expect(added?.status).toBe('applied');
		const afterLeaving = await pullFrom(a2, farewell.cursor);
		expect(afterLeaving.changes.some((c) => c.id === laterPerson)).toBe(false);
		const [refused] = await push(a2, { entity: 'screenedPerson', id: randomUUID(), data: visit.visit.person('male') });
		expect(refused?.status).toBe('rejected');
		expect((await a2.get(`/inspections/${visit.inspectionId}`)).status).toBe(404);
	});
});

describe(`what planners and other teams see of an inspection, on ${testEngine}`, () => {
	it('shows planners the venue part and the outcome, not the notes or the check-in position', async () => {
		const b1 = await signedIn('inspector_b1');
		const inspectionId = randomUUID();
		const venue = world.ids.venues[1]!;
		const [done] = await push(b1, {
			entity: 'inspection',
			id: inspectionId,
			data: inspectionData(world, {
				teamId: world.ids.teamB,
				assignmentId: world.ids.assignmentB,
				locationId: venue,
				notes: 'Back door code 4711, girl named in notes',
				checkIn: { lat: 42.6612345, lng: 21.16, accuracy: 9, at: '2026-11-24T20:00:00.000Z' }
			})
		});
		expect(done?.status).toBe('applied');
		const planner = await signedIn('planner_x');
		const asPlanner = await (await planner.get(`/inspections/${inspectionId}`)).text();
		expect(asPlanner).not.toContain('Back door code 4711');
		expect(asPlanner).not.toContain('42.66123');
		const supervisor = await signedIn('supervisor_x');
		expect(await (await supervisor.get(`/inspections/${inspectionId}`)).text()).toContain('Back door code 4711');
	});

	it('shows an inspector other teams’ visits on a venue card without their id, team or persons’ counts', async () => {
		const a1 = await signedIn('inspector_a1');
		const b1 = await signedIn('inspector_b1');
		const venue = world.ids.venues[1]!;
		const inspectionId = randomUUID();
		const personId = randomUUID();
		const visit = visitRecords(world, inspectionId);
		const base = { teamId: world.ids.teamB, assignmentId: world.ids.assignmentB, locationId: venue };
		const results = await push(
			b1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world, base) },
			{ entity: 'screenedPerson', id: personId, data: visit.person('female') },
			{ entity: 'inspection', id: inspectionId, baseVersion: 1, data: { ...visit.submitted(), ...base } }
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

		type Entry = {
			id: string | null;
			teamName: string | null;
			possibleVictims: number | null;
			personsWithIndicators: number | null;
		};
		const card = async (client: TestClient) =>
			((await (await client.get(`/api/locations/${venue}`)).json()) as { history: Entry[] }).history;
		const mine = (await card(b1)).find((entry) => entry.id === inspectionId);
		expect(mine).toMatchObject({ teamName: 'B', possibleVictims: 1 });
		const theirs = await card(a1);
		expect(theirs.length).toBeGreaterThan(0);
		for (const entry of theirs)
			expect(entry).toMatchObject({ id: null, teamName: null, possibleVictims: null, personsWithIndicators: null });
		expect(JSON.stringify(theirs)).not.toContain(inspectionId);
		const planner = await signedIn('planner_x');
		expect((await card(planner)).find((entry) => entry.id === inspectionId)).toMatchObject({ possibleVictims: 1 });
	});
});
