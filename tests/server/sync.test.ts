import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomUUID, createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import {
	allIndicatorsYes,
	buildSyncWorld,
	completeVenueAnswers,
	inspectionData,
	type SyncWorld
} from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const deviceId = randomUUID();
// A device id belongs to the first user who uses it (auth/devices.ts): each client pushes from its own.
const deviceIds = new WeakMap<TestClient, string>();
function deviceOf(client: TestClient): string {
	if (!deviceIds.has(client)) deviceIds.set(client, randomUUID());
	return deviceIds.get(client)!;
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

type Push = {
	mutationId?: string;
	entity: string;
	id: string;
	op?: 'upsert' | 'delete';
	baseVersion?: number;
	data: unknown;
	deviceSeq?: number;
};

async function push(client: TestClient, ...mutations: Push[]): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId: deviceOf(client),
		mutations: mutations.map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

async function pullAll(client: TestClient, limit = 500): Promise<{ changes: Change[]; pages: number; cursor: string }> {
	const changes: Change[] = [];
	let cursor = '';
	let pages = 0;
	for (;;) {
		const response = await client.get(`/api/sync/pull?cursor=${cursor}&limit=${limit}`);
		expect(response.status).toBe(200);
		const page = await response.json();
		changes.push(...page.changes);
		cursor = page.cursor;
		pages++;
		if (!page.hasMore) return { changes, pages, cursor };
	}
}

describe(`push on ${testEngine}`, () => {
	it('applies a new inspection once, however often the same mutation is sent', async () => {
		const a1 = await signedIn('inspector_a1');
		const id = randomUUID();
		const mutation = { mutationId: randomUUID(), entity: 'inspection', id, data: inspectionData(world) };
		const [first] = await push(a1, mutation);
		const [second] = await push(a1, mutation);
		expect(first).toMatchObject({ status: 'applied', version: 1 });
		expect(second).toMatchObject({ status: 'duplicate', version: 1 });
		const rows = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id));
		expect(rows).toHaveLength(1);
		const feed = await database.db.select().from(s.changes).where(eq(s.changes.recordId, id));
		expect(feed).toHaveLength(1);
		// A new record's first version is its row: no copy until a change replaces it.
		expect(await database.db.select().from(s.recordVersions).where(eq(s.recordVersions.recordId, id))).toHaveLength(0);
	});

	it('merges disjoint edits made from the same version on two devices', async () => {
		const a1 = await signedIn('inspector_a1');
		const a2 = await signedIn('inspector_a2');
		const id = randomUUID();
		const data = inspectionData(world);
		await push(a1, { entity: 'inspection', id, data });
		const [fromA2] = await push(a2, {
			entity: 'inspection',
			id,
			baseVersion: 1,
			data: { ...data, notes: 'back door locked' }
		});
		const [fromA1] = await push(a1, {
			entity: 'inspection',
			id,
			baseVersion: 1,
			data: { ...data, answers: { business_registered: 'no' } }
		});
		expect(fromA2).toMatchObject({ status: 'applied', version: 2 });
		expect(fromA1).toMatchObject({ status: 'applied', version: 3 });
		const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id));
		expect(row?.notes).toBe('back door locked');
		expect(row?.answers).toEqual({ business_registered: 'no' });
	});

	it('merges checklist answers item by item and reports the same item changed twice as a conflict, keeping the device copy', async () => {
		const a1 = await signedIn('inspector_a1');
		const a2 = await signedIn('inspector_a2');
		const id = randomUUID();
		const data = inspectionData(world, { answers: { business_registered: 'yes' } });
		await push(a1, { entity: 'inspection', id, data });
		await push(a2, {
			entity: 'inspection',
			id,
			baseVersion: 1,
			data: { ...data, notes: 'A2', answers: { business_registered: 'no', working_time_records: 'yes' } }
		});
		const conflicted = { ...data, notes: 'A1', answers: { business_registered: 'yes', wages_at_least_minimum: 'no' } };
		const [result] = await push(a1, { entity: 'inspection', id, baseVersion: 1, data: conflicted });
		expect(result?.status).toBe('conflict');
		expect(result?.conflicts).toEqual(['notes']);
		expect(result?.server).toMatchObject({
			notes: 'A2',
			answers: { business_registered: 'no', working_time_records: 'yes', wages_at_least_minimum: 'no' }
		});
		const [copy] = await database.db.select().from(s.syncConflicts).where(eq(s.syncConflicts.recordId, id));
		expect(copy?.fields).toEqual(['notes']);
		expect((copy?.deviceData as { notes: string }).notes).toBe('A1');
	});

	it('rejects invalid answers with the item named, and writes nothing', async () => {
		const a1 = await signedIn('inspector_a1');
		const id = randomUUID();
		const auditBefore = (await database.db.select().from(s.auditLog)).length;
		const [result] = await push(a1, {
			entity: 'inspection',
			id,
			data: inspectionData(world, { answers: { women_present: 'many', no_such_item: 'yes' } })
		});
		expect(result?.status).toBe('rejected');
		expect(result?.errors?.map((e) => e.field)).toEqual(
			expect.arrayContaining(['data.answers.women_present', 'data.answers.no_such_item'])
		);
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, id))).toHaveLength(0);
		expect(await database.db.select().from(s.changes).where(eq(s.changes.recordId, id))).toHaveLength(0);
		expect((await database.db.select().from(s.auditLog)).length).toBe(auditBefore);
	});

	it('rejects a template version that was never published', async () => {
		const a1 = await signedIn('inspector_a1');
		const [result] = await push(a1, {
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { templateVersion: 99 })
		});
		expect(result).toMatchObject({ status: 'rejected', errors: [{ field: 'data.templateVersion' }] });
	});

	it('locks a submitted inspection and requires complete answers to submit', async () => {
		const a1 = await signedIn('inspector_a1');
		const id = randomUUID();
		const [incomplete] = await push(a1, {
			entity: 'inspection',
			id,
			data: inspectionData(world, { status: 'submitted', outcome: 'no_findings', submittedAt: '2026-11-24T21:00:00Z' })
		});
		expect(incomplete?.status).toBe('rejected');
		const complete = inspectionData(world, {
			status: 'submitted',
			outcome: 'no_findings',
			submittedAt: '2026-11-24T21:00:00Z',
			answers: completeVenueAnswers(world.template)
		});
		expect((await push(a1, { entity: 'inspection', id, data: complete }))[0]?.status).toBe('applied');
		const [edit] = await push(a1, {
			entity: 'inspection',
			id,
			baseVersion: 1,
			data: { ...complete, notes: 'changed later' }
		});
		expect(edit).toMatchObject({ status: 'rejected', errors: [{ field: 'data.status' }] });
	});

	it('derives the screening result on the server from the answers', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const personId = randomUUID();
		const results = await push(
			a1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world) },
			{
				entity: 'screenedPerson',
				id: personId,
				data: {
					inspectionId,
					sex: 'female',
					ageBand: '14_17',
					nationality: 'XK',
					education: null,
					roleAtVenue: 'waitress',
					recruitment: null,
					exploitationForm: null,
					language: 'sq',
					answers: allIndicatorsYes(world.template),
					result: 'no_indicators'
				}
			}
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
		const [person] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, personId));
		expect(person).toMatchObject({ result: 'possible_victim', isMinor: true });
	});

	it('applies a push as a batch: a refused mutation writes nothing, the others apply, a repeat is a duplicate, the audit chain holds', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const refusedId = randomUUID();
		const personId = randomUUID();
		const first = {
			mutationId: randomUUID(),
			entity: 'inspection',
			id: inspectionId,
			data: inspectionData(world, { notes: 'batch' })
		};
		const person = {
			inspectionId,
			sex: 'male',
			ageBand: '26_30',
			nationality: 'XK',
			education: null,
			roleAtVenue: null,
			recruitment: null,
			exploitationForm: null,
			language: null,
			answers: {}
		};
		const results = await push(
			a1,
			first,
			{ entity: 'inspection', id: refusedId, data: inspectionData(world, { templateVersion: 99 }) },
			{ entity: 'screenedPerson', id: personId, data: person },
			first,
			{
				entity: 'inspection',
				id: inspectionId,
				baseVersion: 1,
				data: inspectionData(world, { notes: 'batch, edited' })
			}
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied', 'duplicate', 'applied']);
		expect(results[4]).toMatchObject({ version: 2 });
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, refusedId))).toHaveLength(0);
		const [stored] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, inspectionId));
		expect(stored).toMatchObject({ notes: 'batch, edited', version: 2 });
		expect(await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, personId))).toHaveLength(
			1
		);
		// One feed row and one version per change, one idempotency row per applied mutation.
		expect(
			(await database.db.select().from(s.changes).where(eq(s.changes.recordId, inspectionId))).map((c) => c.version)
		).toEqual([1, 2]);
		expect(
			await database.db.select().from(s.recordVersions).where(eq(s.recordVersions.recordId, inspectionId))
		).toHaveLength(2);
		expect(
			await database.db.select().from(s.appliedMutations).where(eq(s.appliedMutations.recordId, refusedId))
		).toHaveLength(0);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
	});

	it('sees, within one batch, an inspection submitted by an earlier mutation: a person recorded after it is refused', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const person = (deviceSeq: number) => ({
			entity: 'screenedPerson',
			id: randomUUID(),
			deviceSeq,
			data: {
				inspectionId,
				sex: 'female',
				ageBand: '23_25',
				nationality: 'XK',
				education: null,
				roleAtVenue: null,
				recruitment: null,
				exploitationForm: null,
				language: null,
				answers: {}
			}
		});
		const submitted = inspectionData(world, {
			status: 'submitted',
			outcome: 'no_findings',
			submittedAt: '2026-11-24T21:00:00Z',
			answers: completeVenueAnswers(world.template)
		});
		const results = await push(
			a1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world), deviceSeq: 1 },
			person(2),
			{ entity: 'inspection', id: inspectionId, baseVersion: 1, data: submitted, deviceSeq: 3 },
			person(4)
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'rejected']);
		expect(results[3]).toMatchObject({ errors: [{ field: 'data.inspectionId' }] });
		expect(
			await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.inspectionId, inspectionId))
		).toHaveLength(1);
	});

	it('applies a whole visit in one batch: inspection, persons, a referral of one of them, a photo', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const victimId = randomUUID();
		const otherId = randomUUID();
		const referralId = randomUUID();
		const photoId = randomUUID();
		const personData = (sex: string) => ({
			inspectionId,
			sex,
			ageBand: '18_22',
			nationality: 'XK',
			education: null,
			roleAtVenue: null,
			recruitment: null,
			exploitationForm: null,
			language: null,
			answers: allIndicatorsYes(world.template)
		});
		const results = await push(
			a1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world) },
			{ entity: 'screenedPerson', id: victimId, data: personData('female') },
			{ entity: 'screenedPerson', id: otherId, data: personData('male') },
			{
				entity: 'referral',
				id: referralId,
				data: {
					personId: victimId,
					inspectionId,
					target: 'shelter',
					referredAt: '2026-11-24T21:30:00Z',
					consent: true,
					urgentNeeds: '',
					status: 'made',
					notes: ''
				}
			},
			{
				entity: 'attachment',
				id: photoId,
				data: {
					inspectionId,
					sha256: 'a'.repeat(64),
					mime: 'image/jpeg',
					size: 1000,
					caption: '',
					takenAt: '2026-11-24T21:00:00Z',
					lat: null,
					lng: null
				}
			}
		);
		expect(results.map((r) => [r.status, 'errors' in r ? r.errors : null])).toEqual(Array(5).fill(['applied', null]));
		expect(
			await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.inspectionId, inspectionId))
		).toHaveLength(2);
		expect(await database.db.select().from(s.referrals).where(eq(s.referrals.id, referralId))).toHaveLength(1);
		expect(await database.db.select().from(s.attachments).where(eq(s.attachments.id, photoId))).toHaveLength(1);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
	});

	it('refuses field records from a planner: only inspectors push', async () => {
		const planner = await signedIn('planner_x');
		const id = randomUUID();
		const response = await planner.post('/api/sync/push', {
			deviceId,
			mutations: [
				{
					mutationId: randomUUID(),
					entity: 'inspection',
					op: 'upsert',
					id,
					baseVersion: 0,
					data: inspectionData(world)
				}
			]
		});
		expect(response.status).toBe(403);
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, id))).toHaveLength(0);
	});

	it('answers 400 naming the field for a malformed push', async () => {
		const a1 = await signedIn('inspector_a1');
		const response = await a1.post('/api/sync/push', { deviceId: 'not-a-uuid', mutations: [] });
		expect(response.status).toBe(400);
		expect((await response.json()).field).toBe('deviceId');
		const noMutations = await a1.post('/api/sync/push', {
			deviceId,
			mutations: [
				{ mutationId: randomUUID(), entity: 'spaceship', op: 'upsert', id: randomUUID(), baseVersion: 0, data: {} }
			]
		});
		expect(noMutations.status).toBe(400);
		expect((await noMutations.json()).field).toBe('mutations.0.entity');
	});
});

describe(`scope on ${testEngine}`, () => {
	it('keeps team A inspections away from team B, in pulls and in writes', async () => {
		const a1 = await signedIn('inspector_a1');
		const b1 = await signedIn('inspector_b1');
		const id = randomUUID();
		await push(a1, { entity: 'inspection', id, data: inspectionData(world, { notes: 'team A only' }) });
		const pulledByB = await pullAll(b1);
		expect(pulledByB.changes.some((c) => c.id === id)).toBe(false);
		expect(pulledByB.changes.some((c) => c.id === world.ids.assignmentA)).toBe(false);
		expect(pulledByB.changes.some((c) => c.id === world.ids.assignmentB)).toBe(true);
		expect(pulledByB.changes.some((c) => c.entity === 'plan')).toBe(false);
		const [write] = await push(b1, {
			entity: 'inspection',
			id,
			baseVersion: 1,
			data: inspectionData(world, { notes: 'B was here' })
		});
		expect(write?.status).toBe('rejected');
		const [asB] = await push(b1, { entity: 'inspection', id: randomUUID(), data: inspectionData(world) });
		expect(asB).toMatchObject({ status: 'rejected', errors: [{ field: 'data.teamId' }] });
		const pulledByA2 = await pullAll(await signedIn('inspector_a2'));
		expect(pulledByA2.changes.find((c) => c.id === id)?.data).toMatchObject({ notes: 'team A only' });
	});

	it('sends tombstones for deleted records', async () => {
		const a1 = await signedIn('inspector_a1');
		const id = randomUUID();
		await push(a1, { entity: 'inspection', id, data: inspectionData(world) });
		const { cursor } = await pullAll(a1);
		const [deleted] = await push(a1, { entity: 'inspection', id, op: 'delete', baseVersion: 1, data: null });
		expect(deleted?.status).toBe('applied');
		const response = await a1.get(`/api/sync/pull?cursor=${cursor}`);
		const page = await response.json();
		expect(page.changes).toContainEqual(
			expect.objectContaining({ entity: 'inspection', id, op: 'delete', data: null })
		);
	});

	it('pages through the feed without losing or repeating a change', async () => {
		const a1 = await signedIn('inspector_a1');
		const whole = await pullAll(a1, 1000);
		const paged = await pullAll(a1, 3);
		expect(paged.pages).toBeGreaterThan(3);
		const key = (c: Change) => `${c.entity}:${c.id}`;
		expect(new Set(paged.changes.map(key))).toEqual(new Set(whole.changes.map(key)));
		expect(paged.cursor).toBe(whole.cursor);
	});

	it('answers 400 to a cursor it never gave out', async () => {
		const a1 = await signedIn('inspector_a1');
		const response = await a1.get('/api/sync/pull?cursor=abc');
		expect(response.status).toBe(400);
		expect((await response.json()).field).toBe('cursor');
	});
});

describe(`photos on ${testEngine}`, () => {
	// The smallest JPEG header is enough for the content check.
	const jpeg: Uint8Array<ArrayBuffer> = new Uint8Array([
		0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9
	]);
	const sha = createHash('sha256').update(jpeg).digest('hex');

	it('stores a photo whose bytes match the hash taken at capture, once', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const attachmentId = randomUUID();
		await push(
			a1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world) },
			{
				entity: 'attachment',
				id: attachmentId,
				data: {
					inspectionId,
					sha256: sha,
					mime: 'image/jpeg',
					size: jpeg.length,
					caption: 'bar',
					takenAt: '2026-11-24T20:10:00Z',
					lat: null,
					lng: null
				}
			}
		);
		const put = (bytes: Uint8Array<ArrayBuffer>, hash: string, type = 'image/jpeg') =>
			a1.request(`/api/attachments/${attachmentId}`, {
				method: 'PUT',
				body: bytes,
				headers: { 'content-type': type, 'x-content-sha256': hash }
			});
		expect((await put(jpeg, '0'.repeat(64))).status).toBe(409);
		const tampered = new Uint8Array(jpeg);
		tampered[5] = 99;
		expect((await put(tampered, sha)).status).toBe(422);
		expect((await put(jpeg, sha)).status).toBe(201);
		expect((await put(jpeg, sha)).status).toBe(200);
		const [row] = await database.db.select().from(s.attachments).where(eq(s.attachments.id, attachmentId));
		expect(row?.storedAt).not.toBeNull();
	});

	it('counts a correction’s copy of a stored photo as stored, by its hash; a new hash still waits for its bytes', async () => {
		const a1 = await signedIn('inspector_a1');
		const originalId = randomUUID();
		const photoId = randomUUID();
		const photo = {
			sha256: sha,
			mime: 'image/jpeg',
			size: jpeg.length,
			caption: 'bar',
			takenAt: '2026-11-24T20:10:00Z',
			lat: null,
			lng: null
		};
		const submitted = inspectionData(world, {
			status: 'submitted',
			outcome: 'no_findings',
			submittedAt: '2026-11-24T21:00:00Z',
			answers: completeVenueAnswers(world.template)
		});
		await push(
			a1,
			{ entity: 'inspection', id: originalId, data: inspectionData(world) },
			{ entity: 'attachment', id: photoId, data: { inspectionId: originalId, ...photo } }
		);
		const put = await a1.request(`/api/attachments/${photoId}`, {
			method: 'PUT',
			body: jpeg,
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha }
		});
		expect(put.status).toBe(201);
		expect((await push(a1, { entity: 'inspection', id: originalId, baseVersion: 1, data: submitted }))[0]?.status).toBe(
			'applied'
		);

		const correctionId = randomUUID();
		const [copyId, otherId] = [randomUUID(), randomUUID()];
		const results = await push(
			a1,
			{
				entity: 'inspection',
				id: correctionId,
				data: { ...inspectionData(world), correctionOf: originalId, correctionReason: 'wrong count' }
			},
			{ entity: 'attachment', id: copyId, data: { inspectionId: correctionId, ...photo } },
			{ entity: 'attachment', id: otherId, data: { inspectionId: correctionId, ...photo, sha256: 'e'.repeat(64) } }
		);
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
		const rows = await database.db.select().from(s.attachments).where(eq(s.attachments.inspectionId, correctionId));
		expect(rows.find((r) => r.id === copyId)?.storedAt).not.toBeNull();
		expect(rows.find((r) => r.id === otherId)?.storedAt).toBeNull();
	});

	it('streams a stored photo back whole, its bytes in PostgreSQL on postgres and on disk on PGlite', async () => {
		const a1 = await signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const attachmentId = randomUUID();
		// 700 KiB: three chunks of the PostgreSQL store, so the download is stitched from several reads.
		const large = new Uint8Array(randomBytes(700 * 1024));
		large.set([0xff, 0xd8, 0xff, 0xe0]);
		const largeSha = createHash('sha256').update(large).digest('hex');
		await push(
			a1,
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world) },
			{
				entity: 'attachment',
				id: attachmentId,
				data: {
					inspectionId,
					sha256: largeSha,
					mime: 'image/jpeg',
					size: large.length,
					caption: 'yard',
					takenAt: '2026-11-24T20:10:00Z',
					lat: null,
					lng: null
				}
			}
		);
		const put = await a1.request(`/api/attachments/${attachmentId}`, {
			method: 'PUT',
			body: large,
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': largeSha }
		});
		expect(put.status).toBe(201);

		const response = await a1.get(`/api/attachments/${attachmentId}/file`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-length')).toBe(String(large.length));
		expect(response.headers.get('x-content-sha256')).toBe(largeSha);
		const body = new Uint8Array(await response.arrayBuffer());
		expect(createHash('sha256').update(body).digest('hex')).toBe(largeSha);

		const onDisk = fs.existsSync(path.join(process.env.DATA_DIR!, 'attachments', largeSha));
		const [blobRow] = await database.db.select().from(s.blob).where(eq(s.blob.sha256, largeSha));
		if (testEngine === 'postgres') {
			expect(blobRow).toMatchObject({ size: large.length, chunkCount: 3 });
			expect(onDisk).toBe(false);
		} else {
			expect(blobRow).toBeUndefined();
			expect(onDisk).toBe(true);
		}
	});

	it('answers 404 for a photo of another team', async () => {
		const b1 = await signedIn('inspector_b1');
		const response = await b1.request(`/api/attachments/${randomUUID()}`, {
			method: 'PUT',
			body: jpeg,
			headers: { 'content-type': 'image/jpeg', 'x-content-sha256': sha }
		});
		expect(response.status).toBe(404);
	});
});
