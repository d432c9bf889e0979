import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import { simulatedDevice, type Device } from '../support/device.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { SyncScheduler, type SchedulerState } from '../../src/lib/client/sync/scheduler.ts';
import { SyncHttpError, type SyncTransport } from '../../src/lib/client/sync/transport.ts';
import { PULL_PAGE } from '../../src/lib/client/sync/engine.ts';
import { appendChanges } from '../../src/lib/server/sync/changeFeed.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
});
afterAll(async () => database?.close());

async function deviceOf(username: string): Promise<{ device: Device; client: TestClient }> {
	const client = app.client();
	const response = await client.post(
		'/api/auth/login',
		{ username, password: FIXTURE_PASSWORD },
		{ address: `10.8.${Math.floor(Math.random() * 250)}.1` }
	);
	const { user } = await response.json();
	return { device: simulatedDevice(user.id, (url, init) => client.request(url, init)), client };
}

const serverInspection = async (id: string) =>
	(await database.db.select().from(s.inspections).where(eq(s.inspections.id, id)))[0];

describe(`the device outbox against the server on ${testEngine}`, () => {
	it('keeps work recorded offline and sends it when the network returns', async () => {
		const { device } = await deviceOf('inspector_a1');
		const id = randomUUID();
		device.online = false;
		await device.write('inspection', id, inspectionData(world, { notes: 'written offline' }));
		await expect(device.sync()).rejects.toBeInstanceOf(SyncHttpError);
		expect(await device.db.outbox.count()).toBe(1);
		expect((await device.db.records('inspection').get(id))?.notes).toBe('written offline');

		device.online = true;
		const report = await device.sync();
		expect(report.pushed).toBe(1);
		expect(await device.db.outbox.count()).toBe(0);
		expect((await serverInspection(id))?.notes).toBe('written offline');
		expect((await device.db.records('inspection').get(id))?.version).toBe(1);
	});

	it('folds edits made before sending into one mutation', async () => {
		const { device } = await deviceOf('inspector_a1');
		const id = randomUUID();
		device.online = false;
		for (const notes of ['a', 'ab', 'abc']) await device.write('inspection', id, inspectionData(world, { notes }));
		expect(await device.db.outbox.count()).toBe(1);
		device.online = true;
		await device.sync();
		expect((await serverInspection(id))?.notes).toBe('abc');
	});

	it('never doubles a record when the answer to a push is lost', async () => {
		const client = app.client();
		const { user } = await (
			await client.post(
				'/api/auth/login',
				{ username: 'inspector_a2', password: FIXTURE_PASSWORD },
				{ address: '10.8.0.9' }
			)
		).json();
		let loseAnswers = true;
		const device = simulatedDevice(user.id, async (url, init) => {
			const response = await client.request(url, init);
			if (loseAnswers && url.includes('/push')) throw new TypeError('connection reset after the server answered');
			return response;
		});
		const id = randomUUID();
		await device.write('inspection', id, inspectionData(world));
		await expect(device.sync()).rejects.toThrow();
		expect(await serverInspection(id)).toBeDefined();
		expect(await device.db.outbox.count()).toBe(1);
		loseAnswers = false;
		await device.sync();
		expect(await device.db.outbox.count()).toBe(0);
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, id))).toHaveLength(1);
	});

	it('does not let a pull overwrite a record that still has unsent changes', async () => {
		const a1 = await deviceOf('inspector_a1');
		const a2 = await deviceOf('inspector_a2');
		const id = randomUUID();
		await a1.device.write('inspection', id, inspectionData(world, { notes: 'first' }));
		await a1.device.sync();
		await a2.device.sync();
		a2.device.online = false;
		await a2.device.write('inspection', id, {
			...(await a2.device.db.records('inspection').get(id)),
			notes: 'a2 offline'
		});
		await a1.device.write('inspection', id, {
			...(await a1.device.db.records('inspection').get(id)),
			notes: 'a1 online'
		});
		await a1.device.sync();
		// a2 pulls while its own change is still queued: its local text must survive.
		a2.device.online = true;
		await a2.device.engine['pull']({ pushed: 0, rejected: 0, conflicts: 0, pulled: 0, uploaded: 0 });
		expect((await a2.device.db.records('inspection').get(id))?.notes).toBe('a2 offline');
		// Its push then meets a1's edit of the same field: a conflict, both values kept.
		const report = await a2.device.sync();
		expect(report.conflicts).toBe(1);
		const [conflict] = await a2.device.db.conflicts.toArray();
		expect(conflict).toMatchObject({
			fields: ['notes'],
			device: { notes: 'a2 offline' },
			server: { notes: 'a1 online' }
		});
		expect((await a2.device.db.records('inspection').get(id))?.notes).toBe('a1 online');
	});

	it('keeps a rejected change in the outbox with the server’s reasons', async () => {
		const { device } = await deviceOf('inspector_a1');
		const id = randomUUID();
		await device.write('inspection', id, inspectionData(world, { answers: { women_present: 'lots' } }));
		const report = await device.sync();
		expect(report.rejected).toBe(1);
		const [entry] = await device.db.outbox.toArray();
		expect(entry?.status).toBe('rejected');
		expect(entry?.errors?.[0]?.field).toBe('data.answers.women_present');
		expect(await serverInspection(id)).toBeUndefined();
	});

	/** A visit recorded offline through the device's own outbox: created, people, a referral, photos, submitted. */
	async function recordVisitOffline(device: Device) {
		const inspectionId = randomUUID();
		const personIds = [randomUUID(), randomUUID()];
		const photoIds = [randomUUID(), randomUUID()];
		const visit = visitRecords(world, inspectionId);
		device.online = false;
		await device.write('inspection', inspectionId, inspectionData(world));
		await device.write('screenedPerson', personIds[0]!, visit.person('female'));
		await device.write('screenedPerson', personIds[1]!, visit.person('male'));
		await device.write('referral', randomUUID(), visit.referral(personIds[0]!));
		for (const [n, id] of photoIds.entries()) await device.write('attachment', id, visit.photo(n + 1));
		await device.write('inspection', inspectionId, visit.submitted());
		// Never sent, so folded: one inspection entry, first in the outbox, carrying the submission.
		expect((await device.db.outbox.toArray()).map((e) => e.entity)).toEqual([
			'inspection',
			'screenedPerson',
			'screenedPerson',
			'referral',
			'attachment',
			'attachment'
		]);
		device.online = true;
		return inspectionId;
	}

	async function visitOnServer(inspectionId: string) {
		const db = database.db;
		return {
			status: (await serverInspection(inspectionId))?.status,
			persons: (await db.select().from(s.screenedPersons).where(eq(s.screenedPersons.inspectionId, inspectionId)))
				.map((p) => p.result)
				.sort(),
			referrals: (await db.select().from(s.referrals).where(eq(s.referrals.inspectionId, inspectionId))).length,
			photos: (await db.select().from(s.attachments).where(eq(s.attachments.inspectionId, inspectionId))).length
		};
	}
	const wholeVisit = { status: 'submitted', persons: ['no_indicators', 'possible_victim'], referrals: 1, photos: 2 };

	it('delivers a visit recorded and submitted offline whole: people, referral and photos too', async () => {
		const { device } = await deviceOf('inspector_a1');
		const inspectionId = await recordVisitOffline(device);
		const report = await device.sync();
		expect(report).toMatchObject({ pushed: 6, rejected: 0 });
		expect(await visitOnServer(inspectionId)).toEqual(wholeVisit);
		expect(await device.db.outbox.count()).toBe(0);
	});

	it('delivers it whole when the pushes carry two entries each and the network drops between them', async () => {
		const { device } = await deviceOf('inspector_a1');
		device.engine.pushLimits = { mutations: 2, bytes: 256 * 1024 };
		const inspectionId = await recordVisitOffline(device);
		let pushes = 0;
		const engine = device.engine as unknown as { transport: { push: (...args: unknown[]) => Promise<unknown> } };
		const push = engine.transport.push.bind(engine.transport);
		engine.transport.push = async (...args) => {
			pushes++;
			const answer = await push(...args);
			// The second push reaches the server, but its answer is lost with the network.
			if (pushes === 2) {
				device.online = false;
				throw new SyncHttpError('network', 'Failed to fetch');
			}
			return answer;
		};
		await expect(device.sync()).rejects.toBeInstanceOf(SyncHttpError);
		device.online = true;
		const report = await device.sync();
		expect(report.rejected).toBe(0);
		expect(pushes).toBeGreaterThanOrEqual(4);
		expect(await visitOnServer(inspectionId)).toEqual(wholeVisit);
		expect(await device.db.outbox.count()).toBe(0);
	});

	it('sends again by itself what the earlier submission lock refused, once, and it is applied', async () => {
		const { device } = await deviceOf('inspector_a1');
		const inspectionId = await recordVisitOffline(device);
		// As a device updated from the earlier version holds them: the folded submission applied
		// without a place in the order, its children refused with the earlier lock's reasons.
		const [submission, ...children] = await device.db.outbox.orderBy('seq').toArray();
		const transport = (device.engine as unknown as { transport: SyncTransport }).transport;
		const [applied] = (
			await transport.push(device.id, [
				{
					mutationId: submission!.mutationId,
					entity: 'inspection',
					op: 'upsert',
					id: inspectionId,
					baseVersion: 0,
					data: submission!.data
				}
			])
		).results;
		expect(applied?.status).toBe('applied');
		await device.db.outbox.delete(submission!.seq!);
		await device.db.outbox.bulkUpdate(
			children.map((e) => ({
				key: e.seq!,
				changes: {
					writeSeq: undefined,
					status: 'rejected' as const,
					sentAt: '2026-11-24T22:05:00Z',
					errors: [
						{
							field: 'data.inspectionId',
							message:
								e.entity === 'referral' ? 'no such person in this inspection' : 'the inspection is submitted and locked'
						}
					]
				}
			}))
		);
		expect(await visitOnServer(inspectionId)).toMatchObject({ status: 'submitted', persons: [], photos: 0 });

		const report = await device.sync();
		expect(report.rejected).toBe(0);
		expect(await visitOnServer(inspectionId)).toEqual(wholeVisit);
		expect(await device.db.outbox.count()).toBe(0);
	});

	it('asks for a new sign-in when the session has expired, and keeps the work', async () => {
		const { device, client } = await deviceOf('inspector_a1');
		await client.post('/api/auth/logout', {});
		await device.write('inspection', randomUUID(), inspectionData(world));
		const states: SchedulerState[] = [];
		const scheduler = new SyncScheduler({
			runRound: () => device.sync(),
			onState: (s) => states.push(s),
			setTimer: () => null,
			clearTimer: () => {}
		});
		await scheduler.syncNow();
		expect(states.at(-1)?.phase).toBe('signedOut');
		expect(await device.db.outbox.count()).toBe(1);
	});

	it('pulls its team’s assignments and the reference data into the device', async () => {
		const { device } = await deviceOf('inspector_b1');
		await device.sync();
		expect(await device.db.records('assignment').get(world.ids.assignmentB)).toBeDefined();
		expect(await device.db.records('assignment').get(world.ids.assignmentA)).toBeUndefined();
		expect(await device.db.records('location').count()).toBe(3);
		const team = await device.db.records('team').get(world.ids.teamB);
		expect((team?.members as unknown[]).length).toBe(1);
	});

	it('pulls a feed longer than a page, a page ahead, and starts again from empty when its cursor is too old', async () => {
		const venues = Array.from({ length: PULL_PAGE + 500 }, (_, i) => ({
			id: randomUUID(),
			name: `Feed venue ${i}`,
			kind: 'bar' as const,
			municipalityId: world.ids.municipality,
			lat: 42.6,
			lng: 21.1
		}));
		await database.db.transaction(async (tx) => {
			await tx.insert(s.locations).values(venues);
			await appendChanges(
				tx,
				venues.map((v) => ({ entity: 'location' as const, recordId: v.id, op: 'upsert' as const, version: 1 }))
			);
		});
		const client = app.client();
		const { user } = await (
			await client.post(
				'/api/auth/login',
				{ username: 'inspector_b1', password: FIXTURE_PASSWORD },
				{ address: '10.9.0.1' }
			)
		).json();
		const cursors: string[] = [];
		const device = simulatedDevice(user.id, (url, init) => {
			if (String(url).startsWith('/api/sync/pull'))
				cursors.push(new URL(String(url), 'http://x').searchParams.get('cursor') ?? '');
			return client.request(url, init);
		});
		await device.sync();
		expect(cursors.length).toBeGreaterThanOrEqual(2);
		expect(await device.db.records('location').count()).toBe(venues.length + 3);

		// Tombstones below the horizon were pruned: the device's cursor is now too old. Its resync
		// from empty pages through rows below the horizon and must not be sent back again (it was, for ever).
		const [counter] = await database.db.select().from(s.syncCounter);
		await database.db
			.insert(s.appMeta)
			.values({ key: 'sync_horizon', value: Number(counter!.seq) + 1 })
			.onConflictDoUpdate({ target: s.appMeta.key, set: { value: Number(counter!.seq) + 1 } });
		cursors.length = 0;
		await device.db.records('location').clear();
		await device.sync();
		expect(cursors[0]).not.toBe('');
		expect(cursors[1]).toBe('');
		expect(cursors.length).toBeGreaterThanOrEqual(3);
		expect(await device.db.records('location').count()).toBe(venues.length + 3);
		await database.db.delete(s.appMeta).where(eq(s.appMeta.key, 'sync_horizon'));
	});
});
