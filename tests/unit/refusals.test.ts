import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import { addPerson, answerPerson, personsOf } from '../../src/lib/client/field/persons.ts';
import { addReferral, referralsOf } from '../../src/lib/client/field/referrals.ts';
import { onLocalChange, recordLocalChange } from '../../src/lib/client/sync/outbox.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import { startInspection, submitInspection, type Writer } from '../../src/lib/client/field/inspections.ts';
import { carryIntoCorrection, refusalKind, visitOf } from '../../src/lib/client/field/refusals.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';
const at = '2026-11-24T20:00:00.000Z';
const locked = [{ field: 'data.inspectionId', message: 'the inspection is submitted and locked' }];

beforeAll(() => holdDataKey(newDataKey()));
afterAll(() => dropDataKey());

/**
 * A visit submitted on this device whose first person the server has, while a second person, her
 * referral and a photo were refused because the server held the visit as submitted.
 */
async function visitWithRefusals() {
	const db = new LocalDb(`refusals-${crypto.randomUUID()}`);
	const notified = vi.fn<() => void>();
	onLocalChange((changed) => changed === db && notified());
	const writer: Writer = { db, userId };
	await startInspection(writer, inspectionId, {
		locationId: 'l',
		assignmentId: null,
		teamId: 't',
		unplannedReason: 'tip-off',
		template: { id: 'tpl', version: 1 },
		checkIn: { lat: 42.6, lng: 21.1, accuracy: 12, at },
		startedAt: at
	});
	const accepted = await addPerson(db, userId, inspectionId);
	const refused = await addPerson(db, userId, inspectionId);
	await answerPerson(db, userId, refused, 'sex', 'female');
	await addReferral(db, userId, {
		personId: refused,
		inspectionId,
		target: 'shelter',
		referredAt: at,
		consent: true,
		urgentNeeds: 'a bed tonight',
		status: 'made',
		notes: ''
	});
	const photoId = '30000000-0000-4000-8000-000000000001';
	await db.photos.add({
		id: photoId,
		blob: new Blob([new Uint8Array([1, 2, 3])]),
		sha256: 'ab'.repeat(32),
		mime: 'image/jpeg',
		uploadedAt: null,
		uploadError: null
	});
	await recordLocalChange(db, {
		entity: 'attachment',
		id: photoId,
		data: {
			inspectionId,
			sha256: 'ab'.repeat(32),
			mime: 'image/jpeg',
			size: 3,
			caption: 'bar',
			takenAt: at,
			lat: null,
			lng: null
		},
		userId
	});
	await submitInspection(writer, inspectionId);
	// What the server answered: the visit and the first person applied, the rest refused.
	for (const entry of await db.outbox.toArray()) {
		if (entry.recordId === inspectionId || entry.recordId === accepted || entry.entity === 'assignment')
			await db.outbox.delete(entry.seq!);
		else
			await db.outbox.update(entry.seq!, {
				status: 'rejected',
				sentAt: at,
				errors:
					entry.entity === 'referral'
						? [{ field: 'data.personId', message: 'no such person in this inspection' }]
						: locked
			});
	}
	return { writer, db, accepted, refused, photoId, notified };
}

describe('reading a refusal', () => {
	it('tells a change recorded on a submitted visit from one to correct and one the server does not know', () => {
		expect(refusalKind(locked)).toBe('submittedVisit');
		expect(refusalKind([{ field: 'data.personId', message: 'no such person in this inspection' }])).toBe(
			'submittedVisit'
		);
		expect(refusalKind([{ field: 'data.answers.women_present', message: 'must be a number' }])).toBe('invalid');
		expect(refusalKind([{ field: 'data.locationId', message: 'no such location' }])).toBe('notFound');
		expect(refusalKind([{ field: 'entity', message: 'only inspectors record field data' }])).toBe('other');
		expect(refusalKind(null)).toBe('other');
	});

	it('finds the visit a change belongs to', () => {
		expect(visitOf({ entity: 'inspection', recordId: inspectionId, data: {} })).toBe(inspectionId);
		expect(visitOf({ entity: 'attachment', recordId: 'x', data: { inspectionId } })).toBe(inspectionId);
		expect(visitOf({ entity: 'location', recordId: 'x', data: { name: 'Bar' } })).toBeNull();
	});
});

describe('carrying refused records into a correction of the visit', () => {
	it('opens a correction that holds them, and leaves each record once on the device', async () => {
		const { writer, db, accepted, photoId, notified } = await visitWithRefusals();
		notified.mockClear();
		const correctionId = await carryIntoCorrection(
			writer,
			inspectionId,
			'arrived after the submission',
			'20000000-0000-4000-8000-000000000002'
		);

		expect(await db.records('inspection').get(correctionId)).toMatchObject({
			correctionOf: inspectionId,
			status: 'draft',
			correctionReason: 'arrived after the submission'
		});
		const copies = await personsOf(db, correctionId);
		expect(copies).toHaveLength(2);
		expect(copies.find((p) => p.sex === 'female')).toBeDefined();
		expect(await referralsOf(db, correctionId)).toEqual([expect.objectContaining({ urgentNeeds: 'a bed tonight' })]);
		const [photo] = await db.records('attachment').where('inspectionId').equals(correctionId).toArray();
		expect(await db.photos.get(photo!.id)).toMatchObject({ sha256: 'ab'.repeat(32) });

		// The refused copies under the original are gone with their refusals; what the server has stays.
		expect((await personsOf(db, inspectionId)).map((p) => p.id)).toEqual([accepted]);
		expect(await db.photos.get(photoId)).toBeUndefined();
		expect((await db.outbox.toArray()).filter((e) => e.status === 'rejected')).toEqual([]);
		expect(
			(await db.outbox.toArray()).every((e) => e.recordId === correctionId || e.data?.inspectionId === correctionId)
		).toBe(true);
		expect(notified).toHaveBeenCalledOnce();
	});

	it('adds them to a correction already open on the device, copying only them', async () => {
		const { writer, db } = await visitWithRefusals();
		const first = await carryIntoCorrection(
			writer,
			inspectionId,
			'arrived after the submission',
			'20000000-0000-4000-8000-000000000003'
		);
		// Another refusal of the same visit turns up later (a team member's photo, say).
		const laterPhoto = '30000000-0000-4000-8000-000000000002';
		await recordLocalChange(db, {
			entity: 'attachment',
			id: laterPhoto,
			data: {
				inspectionId,
				sha256: 'cd'.repeat(32),
				mime: 'image/jpeg',
				size: 3,
				caption: 'door',
				takenAt: at,
				lat: null,
				lng: null
			},
			userId
		});
		const [entry] = await db.outbox.where('[entity+recordId]').equals(['attachment', laterPhoto]).toArray();
		await db.outbox.update(entry!.seq!, { status: 'rejected', sentAt: at, errors: locked });

		expect(await carryIntoCorrection(writer, inspectionId, 'again', '20000000-0000-4000-8000-000000000004')).toBe(
			first
		);
		expect(await personsOf(db, first)).toHaveLength(2);
		expect(
			(await db.records('attachment').where('inspectionId').equals(first).toArray()).map((p) => p.caption).sort()
		).toEqual(['bar', 'door']);
	});
});

describe('a new version of a refused record', () => {
	it('replaces the refusal and goes out again as a new mutation', async () => {
		const { db, refused } = await visitWithRefusals();
		const [before] = await db.outbox.where('[entity+recordId]').equals(['screenedPerson', refused]).toArray();
		await answerPerson(db, userId, refused, 'sex', 'male');
		const entries = await db.outbox.where('[entity+recordId]').equals(['screenedPerson', refused]).toArray();
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			status: 'pending',
			errors: null,
			sentAt: null,
			data: expect.objectContaining({ sex: 'male' })
		});
		expect(entries[0]?.mutationId).not.toBe(before?.mutationId);
		expect(entries[0]!.writeSeq!).toBeGreaterThan(before!.writeSeq!);
	});
});
