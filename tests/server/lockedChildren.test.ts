/**
 * The submission lock over a visit's photos and referrals, through the real
 * push endpoint on the engine under test. A photo is evidence: after the submission it is neither
 * added, changed (caption, place, time) nor deleted. A referral goes on after the visit — its status
 * and notes change, new ones are made — but what the visit recorded of it stays, and it is not
 * deleted. Every refusal carries the code the device acts on (it offers a correction of the visit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { SUBMITTED_LOCKED } from '../../src/lib/domain/sync/refusals.ts';
import { referralOpenFields } from '../../src/lib/domain/records/fieldRecords.ts';

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

const sent = (entity: string, id: string, data: unknown, deviceSeq: number, baseVersion = 0): Sent => ({
	mutationId: randomUUID(),
	entity,
	id,
	op: 'upsert',
	baseVersion,
	data,
	deviceSeq
});

/** A visit recorded and submitted on one device (submission at 40): a person, a referral, a photo. */
async function submittedVisit(client: TestClient, device: string) {
	const inspectionId = randomUUID();
	const personId = randomUUID();
	const referralId = randomUUID();
	const photoId = randomUUID();
	const visit = visitRecords(world, inspectionId);
	const results = await push(client, device, [
		sent('inspection', inspectionId, visit.submitted(), 40),
		sent('screenedPerson', personId, visit.person('female'), 10),
		sent('referral', referralId, visit.referral(personId), 20),
		sent('attachment', photoId, { ...visit.photo(1), lat: 42.66, lng: 21.16 }, 30)
	]);
	expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
	return { inspectionId, personId, referralId, photoId, visit };
}

const refusedAsLocked = (field: string) => ({ status: 'rejected', errors: [{ field, message: SUBMITTED_LOCKED }] });

describe(`the photos of a submitted visit, on ${testEngine}`, () => {
	it('are neither added, changed nor deleted after the submission, from its device or another', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const a2 = await app.signedIn('inspector_a2');
		const device = randomUUID();
		const { photoId, visit } = await submittedVisit(a1, device);
		const photo = { ...visit.photo(1), lat: 42.66, lng: 21.16 };
		const changes = [
			{ caption: 'changed' },
			{ lat: 42.7, lng: 21.2 },
			{ lat: null, lng: null },
			{ takenAt: '2026-11-24T23:00:00.000Z' }
		];
		for (const [i, change] of changes.entries()) {
			// One at a time and, the last, in a batch with the others: both paths hold the lock.
			const edit = sent('attachment', photoId, { ...photo, ...change }, 50 + i, 1);
			expect((await push(a1, device, [edit]))[0]).toMatchObject(refusedAsLocked('data.inspectionId'));
			expect((await push(a2, randomUUID(), [{ ...edit, mutationId: randomUUID() }]))[0]).toMatchObject(
				refusedAsLocked('data.inspectionId')
			);
		}
		const batch = await push(a1, device, [
			sent('attachment', randomUUID(), visit.photo(7), 60),
			{ ...sent('attachment', photoId, null, 61, 1), op: 'delete' },
			sent('attachment', photoId, { ...photo, caption: 'changed in a batch' }, 62, 1)
		]);
		expect(batch).toEqual([
			expect.objectContaining(refusedAsLocked('data.inspectionId')),
			expect.objectContaining(refusedAsLocked('data.inspectionId')),
			expect.objectContaining(refusedAsLocked('data.inspectionId'))
		]);
		const deleteAlone = await push(a2, randomUUID(), [{ ...sent('attachment', photoId, null, 63, 1), op: 'delete' }]);
		expect(deleteAlone[0]).toMatchObject(refusedAsLocked('data.inspectionId'));

		const rows = await database.db
			.select()
			.from(s.attachments)
			.where(eq(s.attachments.inspectionId, visit.photo(1).inspectionId));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ caption: 'photo 1', lat: 42.66, lng: 21.16, deletedAt: null, version: 1 });
		expect(rows[0]?.takenAt.toISOString()).toBe('2026-11-24T21:00:00.000Z');
	});
});

describe(`the referrals of a submitted visit, on ${testEngine}`, () => {
	it('keep going in their open fields: status and notes change, from any team member', async () => {
		expect([...referralOpenFields]).toEqual(expect.arrayContaining(['status', 'notes', 'reflectionStart']));
		const a1 = await app.signedIn('inspector_a1');
		const a2 = await app.signedIn('inspector_a2');
		const device = randomUUID();
		const { referralId, personId, visit } = await submittedVisit(a1, device);
		const accepted = await push(a1, device, [
			sent('referral', referralId, { ...visit.referral(personId), status: 'accepted' }, 70, 1)
		]);
		expect(accepted[0]).toMatchObject({ status: 'applied', version: 2 });
		const closed = await push(a2, randomUUID(), [
			sent(
				'referral',
				referralId,
				{ ...visit.referral(personId), status: 'closed', notes: 'placed in the shelter' },
				3,
				2
			)
		]);
		expect(closed[0]).toMatchObject({ status: 'applied', version: 3 });
		// A new referral of the person, days later.
		const later = await push(a2, randomUUID(), [
			sent('referral', randomUUID(), { ...visit.referral(personId), target: 'medical_care' }, 4)
		]);
		expect(later[0]?.status).toBe('applied');
	});

	it('refuse a change to what the visit recorded (to whom, when, consent, urgent needs) and a deletion', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const a2 = await app.signedIn('inspector_a2');
		const device = randomUUID();
		const { referralId, personId, visit } = await submittedVisit(a1, device);
		const made = visit.referral(personId);
		const frozen: [string, unknown][] = [
			['target', 'ngo'],
			['referredAt', '2026-11-25T09:00:00.000Z'],
			['consent', false],
			['urgentNeeds', 'none after all']
		];
		for (const [i, [field, value]] of frozen.entries()) {
			// With an open field changed alongside: the whole change is refused, not half-applied.
			const edit = sent('referral', referralId, { ...made, status: 'accepted', [field]: value }, 80 + i, 1);
			expect((await push(a1, device, [edit]))[0]).toMatchObject(refusedAsLocked(`data.${field}`));
			expect((await push(a2, randomUUID(), [{ ...edit, mutationId: randomUUID() }]))[0]).toMatchObject(
				refusedAsLocked(`data.${field}`)
			);
		}
		const deleted = await push(a1, device, [{ ...sent('referral', referralId, null, 90, 1), op: 'delete' }]);
		expect(deleted[0]).toMatchObject(refusedAsLocked('data.inspectionId'));
		const inBatch = await push(a2, randomUUID(), [
			sent('referral', referralId, { ...made, notes: 'called the shelter' }, 5, 1),
			{ ...sent('referral', referralId, null, 6, 2), op: 'delete' },
			sent('referral', referralId, { ...made, consent: false }, 7, 2)
		]);
		expect(inBatch).toEqual([
			expect.objectContaining({ status: 'applied', version: 2 }),
			expect.objectContaining(refusedAsLocked('data.inspectionId')),
			expect.objectContaining(refusedAsLocked('data.consent'))
		]);

		const [row] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, referralId));
		expect(row).toMatchObject({
			target: 'shelter',
			consent: true,
			urgentNeeds: '',
			status: 'made',
			notes: 'called the shelter',
			deletedAt: null
		});
		expect(row?.referredAt.toISOString()).toBe('2026-11-24T21:30:00.000Z');
	});

	it('still take what the submitting device recorded before the submission', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const device = randomUUID();
		const { referralId, personId, visit } = await submittedVisit(a1, device);
		// Recorded at 35, before the submission at 40, and sent after it.
		const before = await push(a1, device, [
			sent('referral', referralId, { ...visit.referral(personId), urgentNeeds: 'a doctor' }, 35, 1)
		]);
		expect(before[0]).toMatchObject({ status: 'applied', version: 2 });
	});
});
