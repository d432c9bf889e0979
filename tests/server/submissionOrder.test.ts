/**
 * The submission lock against the device's own order (docs/ARCHITECTURE.md, "Submission lock"): everything a device recorded
 * before it submitted a visit reaches the server, whatever the batching — the submission first or
 * last, one batch or several, retried after a lost answer — and only what was changed after the
 * submission is refused. Through the real push endpoint, on the engine under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
});
afterAll(async () => database?.close());

type Sent = {
	mutationId: string;
	entity: string;
	id: string;
	op: 'upsert' | 'delete';
	baseVersion: number;
	data: unknown;
	deviceSeq?: number;
};

async function push(client: TestClient, deviceId: string, mutations: Sent[]): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', { deviceId, mutations });
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

/**
 * A visit as the device's outbox holds it after it was recorded and submitted offline: the
 * inspection's create and submit folded into one entry (first, carrying the submission's place in
 * the order), then two persons, a referral of the first and two photos, each with the place of its
 * own last write — all before the submission.
 */
function offlineVisit() {
	const inspectionId = randomUUID();
	const victimId = randomUUID();
	const otherId = randomUUID();
	const referralId = randomUUID();
	const photoIds = [randomUUID(), randomUUID()];
	const visit = visitRecords(world, inspectionId);
	const entry = (entity: string, id: string, data: unknown, deviceSeq: number): Sent => ({
		mutationId: randomUUID(),
		entity,
		id,
		op: 'upsert',
		baseVersion: 0,
		data,
		deviceSeq
	});
	const mutations = [
		entry('inspection', inspectionId, visit.submitted(), 40),
		entry('screenedPerson', victimId, visit.person('female'), 12),
		entry('screenedPerson', otherId, visit.person('male'), 20),
		entry('referral', referralId, visit.referral(victimId), 25),
		entry('attachment', photoIds[0]!, visit.photo(1), 30),
		entry('attachment', photoIds[1]!, visit.photo(2), 31)
	];
	return { inspectionId, victimId, referralId, photoIds, mutations };
}

async function onServer(inspectionId: string) {
	const db = database.db;
	const [inspection] = await db.select().from(s.inspections).where(eq(s.inspections.id, inspectionId));
	return {
		status: inspection?.status,
		persons: (await db.select().from(s.screenedPersons).where(eq(s.screenedPersons.inspectionId, inspectionId)))
			.map((p) => p.result)
			.sort(),
		referrals: (await db.select().from(s.referrals).where(eq(s.referrals.inspectionId, inspectionId))).length,
		photos: (await db.select().from(s.attachments).where(eq(s.attachments.inspectionId, inspectionId))).length
	};
}

const whole = { status: 'submitted', persons: ['no_indicators', 'possible_victim'], referrals: 1, photos: 2 };

describe(`a visit recorded and submitted offline arrives whole, on ${testEngine}`, () => {
	it('in one batch, the folded submission first', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const visit = offlineVisit();
		const results = await push(a1, randomUUID(), visit.mutations);
		expect(results.map((r) => [r.status, r.errors ?? null])).toEqual(Array(6).fill(['applied', null]));
		expect(await onServer(visit.inspectionId)).toEqual(whole);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
	});

	it('split over three pushes, the submission in the first', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const visit = offlineVisit();
		const m = visit.mutations;
		for (const part of [m.slice(0, 2), m.slice(2, 4), m.slice(4)]) {
			expect((await push(a1, device, part)).map((r) => r.status)).toEqual(part.map(() => 'applied'));
		}
		expect(await onServer(visit.inspectionId)).toEqual(whole);
	});

	it('with the submission arriving after its children, as a separate entry', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const visit = offlineVisit();
		const [submit, ...children] = visit.mutations;
		const draft = { ...submit!, mutationId: randomUUID(), data: inspectionData(world), deviceSeq: 1 };
		expect((await push(a1, device, [draft, ...children])).map((r) => r.status)).toEqual(Array(6).fill('applied'));
		expect((await push(a1, device, [{ ...submit!, baseVersion: 1 }]))[0]).toMatchObject({
			status: 'applied',
			version: 2
		});
		expect(await onServer(visit.inspectionId)).toEqual(whole);
	});

	it('retried after a lost answer: each record once, the retry answered as duplicates', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const visit = offlineVisit();
		await push(a1, device, visit.mutations.slice(0, 3));
		// The answer was lost: the device sends the same mutations again, with the rest of the visit.
		const results = await push(a1, device, visit.mutations);
		expect(results.map((r) => r.status)).toEqual([
			'duplicate',
			'duplicate',
			'duplicate',
			'applied',
			'applied',
			'applied'
		]);
		expect(await onServer(visit.inspectionId)).toEqual(whole);
		expect(
			await database.db.select().from(s.appliedMutations).where(eq(s.appliedMutations.deviceId, device))
		).toHaveLength(6);
	});

	it('refuses what was recorded after the submission, and what another device sends', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const a2 = await app.signedIn('inspector_a2');
		const device = randomUUID();
		const visit = offlineVisit();
		const [submit, victim, other, referral, photo] = visit.mutations;
		await push(a1, device, [submit!]);

		const later = await push(a1, device, [{ ...other!, deviceSeq: 41 }]);
		expect(later[0]).toMatchObject({
			status: 'rejected',
			errors: [{ field: 'data.inspectionId', message: 'the inspection is submitted and locked' }]
		});
		// A team member's phone has its own order, which cannot be placed before this submission.
		const teammate = await push(a2, randomUUID(), [victim!]);
		expect(teammate[0]?.status).toBe('rejected');

		// What was recorded before goes in; then a caption changed and a photo deleted afterwards do not.
		expect((await push(a1, device, [victim!, referral!, photo!])).map((r) => r.status)).toEqual([
			'applied',
			'applied',
			'applied'
		]);
		const caption = await push(a1, device, [
			{
				...photo!,
				mutationId: randomUUID(),
				baseVersion: 1,
				data: { ...(photo!.data as object), caption: 'changed' },
				deviceSeq: 45
			}
		]);
		expect(caption[0]?.status).toBe('rejected');
		const deleted = await push(a1, device, [
			{ ...photo!, mutationId: randomUUID(), op: 'delete', baseVersion: 1, data: null, deviceSeq: 46 }
		]);
		expect(deleted[0]?.status).toBe('rejected');
		const [stored] = await database.db.select().from(s.attachments).where(eq(s.attachments.id, photo!.id));
		expect(stored).toMatchObject({ caption: 'photo 1', deletedAt: null });
	});

	it('admits children without a place in the order when the submission has one (recorded before the update)', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const visit = offlineVisit();
		const [submit, ...children] = visit.mutations;
		const unnumbered = children.map(({ deviceSeq: _seq, ...rest }) => rest);
		expect((await push(a1, device, [submit!, ...unnumbered])).map((r) => r.status)).toEqual(Array(6).fill('applied'));
		expect(await onServer(visit.inspectionId)).toEqual(whole);
	});

	it('lets a submission from before the order was recorded take the children its device created, but no changes', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const visit = offlineVisit();
		const unnumbered = visit.mutations.map(({ deviceSeq: _seq, ...rest }) => rest);
		const [submit, victim, other, referral, photo, secondPhoto] = unnumbered;
		await push(a1, device, [submit!, photo!]);
		expect((await push(a1, device, [victim!, other!, referral!, secondPhoto!])).map((r) => r.status)).toEqual(
			Array(4).fill('applied')
		);
		const edit = await push(a1, device, [
			{ ...photo!, mutationId: randomUUID(), baseVersion: 1, data: { ...(photo!.data as object), caption: 'changed' } }
		]);
		expect(edit[0]?.status).toBe('rejected');
		expect(
			(await push(a1, randomUUID(), [{ ...victim!, mutationId: randomUUID(), id: randomUUID() }]))[0]?.status
		).toBe('rejected');
		expect(await onServer(visit.inspectionId)).toEqual(whole);
	});

	it('never sends the submission’s device and place in the order to devices', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const visit = offlineVisit();
		await push(a1, randomUUID(), visit.mutations.slice(0, 1));
		const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, visit.inspectionId));
		expect(row?.submittedDeviceSeq).toBe(40);
		const page = await (await a1.get('/api/sync/pull?limit=2000')).json();
		const pulled = page.changes.find((c: { id: string }) => c.id === visit.inspectionId);
		expect(pulled?.data).toBeDefined();
		expect(Object.keys(pulled.data)).not.toContain('submittedDeviceId');
		expect(Object.keys(pulled.data)).not.toContain('submittedDeviceSeq');
	});
});
