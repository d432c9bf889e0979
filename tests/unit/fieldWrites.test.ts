import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import { removePhoto, setCaption } from '../../src/lib/client/field/photos.ts';
import { addPerson, answerPerson, personsOf } from '../../src/lib/client/field/persons.ts';
import { addReferral, referralsOf, reflectionReminders, updateReferral } from '../../src/lib/client/field/referrals.ts';
import { onLocalChange, recordLocalChange } from '../../src/lib/client/sync/outbox.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import {
	LockedInspectionError,
	saveAnswer,
	saveOutcome,
	startCorrection,
	startInspection,
	submitInspection,
	type Writer
} from '../../src/lib/client/field/inspections.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const assignmentId = '10000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';
const at = '2026-11-24T20:00:00.000Z';

// Persons and referrals are sealed at rest: the device is unlocked, as the field app is while in use.
beforeAll(() => holdDataKey(newDataKey()));
afterAll(() => dropDataKey());

/** A device's database, and what its sync service would hear of each committed write. */
async function device(): Promise<Writer & { notified: ReturnType<typeof vi.fn<() => void>> }> {
	const db = new LocalDb(`field-${crypto.randomUUID()}`);
	await db.records('assignment').put({
		id: assignmentId,
		version: 4,
		status: 'pending',
		teamId: 't',
		operationId: 'o',
		locationId: 'l',
		visitOrder: 1
	});
	const notified = vi.fn<() => void>();
	onLocalChange((changed) => changed === db && notified());
	return { db, userId, notified };
}

async function started(writer: Writer) {
	await startInspection(writer, inspectionId, {
		locationId: 'l',
		assignmentId,
		teamId: 't',
		unplannedReason: null,
		template: { id: 'tpl', version: 1 },
		checkIn: { lat: 42.6, lng: 21.1, accuracy: 12, at },
		startedAt: at
	});
}

describe('starting an inspection', () => {
	it('stores a draft and marks the assignment in progress, both queued for the server', async () => {
		const writer = await device();
		await started(writer);
		expect(await writer.db.records('inspection').get(inspectionId)).toMatchObject({ status: 'draft', answers: {} });
		expect(await writer.db.records('assignment').get(assignmentId)).toMatchObject({
			status: 'in_progress',
			version: 4
		});
		const queued = await writer.db.outbox.toArray();
		expect(queued.map((entry) => entry.entity)).toEqual(['inspection', 'assignment']);
		// The server takes only the status from an inspector.
		expect(queued[1]?.data).toEqual({ status: 'in_progress' });
		// One write, one word to the sync service: told once it is committed.
		expect(writer.notified).toHaveBeenCalledOnce();
	});
});

describe('answering', () => {
	it('keeps every answer of a quick burst, each sent with the whole record', async () => {
		const writer = await device();
		await started(writer);
		await Promise.all([
			saveAnswer(writer, inspectionId, 'a', 'yes'),
			saveAnswer(writer, inspectionId, 'b', 3),
			saveAnswer(writer, inspectionId, 'c', 'text')
		]);
		expect((await writer.db.records('inspection').get(inspectionId))?.answers).toEqual({ a: 'yes', b: 3, c: 'text' });
		const entry = (await writer.db.outbox.toArray()).find((e) => e.entity === 'inspection');
		expect(entry?.data).toMatchObject({ answers: { a: 'yes', b: 3, c: 'text' }, locationId: 'l', status: 'draft' });
	});

	it('clears an answer with null', async () => {
		const writer = await device();
		await started(writer);
		await saveAnswer(writer, inspectionId, 'a', 'yes');
		await saveAnswer(writer, inspectionId, 'a', null);
		expect((await writer.db.records('inspection').get(inspectionId))?.answers).toEqual({});
	});
});

describe('submitting', () => {
	it('locks the record and closes the assignment', async () => {
		const writer = await device();
		await started(writer);
		await saveOutcome(writer, inspectionId, { outcome: 'no_findings' });
		await submitInspection(writer, inspectionId, new Date('2026-11-24T21:00:00Z'));
		expect(await writer.db.records('inspection').get(inspectionId)).toMatchObject({
			status: 'submitted',
			submittedAt: '2026-11-24T21:00:00.000Z'
		});
		expect((await writer.db.records('assignment').get(assignmentId))?.status).toBe('done');
		await expect(saveAnswer(writer, inspectionId, 'a', 'no')).rejects.toBeInstanceOf(LockedInspectionError);
	});

	it('corrects by a new record that names the original and the reason', async () => {
		const writer = await device();
		await started(writer);
		await saveAnswer(writer, inspectionId, 'a', 'yes');
		await saveOutcome(writer, inspectionId, { outcome: 'no_findings' });
		await submitInspection(writer, inspectionId);
		const correctionId = '20000000-0000-4000-8000-000000000002';
		await startCorrection(writer, inspectionId, correctionId, 'wrong answer to a');
		expect(await writer.db.records('inspection').get(correctionId)).toMatchObject({
			status: 'draft',
			answers: { a: 'yes' },
			correctionOf: inspectionId,
			correctionReason: 'wrong answer to a'
		});
		expect((await writer.db.records('inspection').get(inspectionId))?.status).toBe('submitted');
	});

	it('carries the people screened, their referrals and the photos into the correction as copies', async () => {
		const writer = await device();
		await started(writer);
		const personId = await addPerson(writer.db, userId, inspectionId);
		await answerPerson(writer.db, userId, personId, 'sex', 'female');
		await addReferral(writer.db, userId, {
			personId,
			inspectionId,
			target: 'centre_for_social_work',
			referredAt: at,
			consent: true,
			urgentNeeds: 'shelter',
			status: 'made',
			notes: ''
		});
		const photoId = '30000000-0000-4000-8000-000000000009';
		const photo = {
			inspectionId,
			sha256: 'cd'.repeat(32),
			mime: 'image/jpeg',
			size: 3,
			caption: 'back door',
			takenAt: at,
			lat: null,
			lng: null
		};
		await writer.db.photos.add({
			id: photoId,
			blob: new Blob([new Uint8Array([1, 2, 3])]),
			sha256: photo.sha256,
			mime: 'image/jpeg',
			uploadedAt: at,
			uploadError: null
		});
		await recordLocalChange(writer.db, { entity: 'attachment', id: photoId, data: photo, userId });
		await saveOutcome(writer, inspectionId, { outcome: 'trafficking_indicators_referred' });
		await submitInspection(writer, inspectionId);

		const correctionId = '20000000-0000-4000-8000-000000000003';
		await startCorrection(writer, inspectionId, correctionId, 'the person was a minor');
		const [person] = await personsOf(writer.db, correctionId);
		expect(person).toMatchObject({ inspectionId: correctionId, sex: 'female' });
		expect(person?.id).not.toBe(personId);
		expect(await referralsOf(writer.db, correctionId)).toEqual([
			expect.objectContaining({
				personId: person?.id,
				inspectionId: correctionId,
				urgentNeeds: 'shelter',
				consent: true
			})
		]);
		const [copy] = await writer.db.records('attachment').where('inspectionId').equals(correctionId).toArray();
		expect(copy).toMatchObject({ sha256: photo.sha256, caption: 'back door' });
		// Its bytes come along and wait to be sent under the new id; the server has them by hash.
		expect(await writer.db.photos.get(copy!.id)).toMatchObject({ sha256: photo.sha256, uploadedAt: null });
		// The original keeps its own.
		expect(await personsOf(writer.db, inspectionId)).toHaveLength(1);
		const queued = (await writer.db.outbox.toArray()).filter(
			(e) => e.recordId === correctionId || e.data?.inspectionId === correctionId
		);
		expect(queued.map((e) => e.entity)).toEqual(['inspection', 'screenedPerson', 'referral', 'attachment']);
	});
});

describe('removing a photo taken by mistake', () => {
	it('drops its record and bytes and folds the unsent upload into one delete', async () => {
		const writer = await device();
		await started(writer);
		const photoId = '30000000-0000-4000-8000-000000000001';
		await writer.db.photos.add({
			id: photoId,
			blob: new Blob([new Uint8Array([1, 2, 3])]),
			sha256: 'ab'.repeat(32),
			mime: 'image/jpeg',
			uploadedAt: null,
			uploadError: null
		});
		await recordLocalChange(writer.db, {
			entity: 'attachment',
			id: photoId,
			data: { inspectionId, caption: '' },
			userId
		});
		await removePhoto(writer.db, userId, photoId);
		expect(await writer.db.photos.get(photoId)).toBeUndefined();
		expect(await writer.db.records('attachment').get(photoId)).toBeUndefined();
		const queued = (await writer.db.outbox.toArray()).filter((e) => e.entity === 'attachment');
		expect(queued).toEqual([
			expect.objectContaining({ recordId: photoId, op: 'delete', data: null, status: 'pending' })
		]);
	});
});

describe('the photos of a submitted visit', () => {
	it('keep their caption and stay: the device refuses the change before it is queued', async () => {
		const writer = await device();
		await started(writer);
		const photoId = '30000000-0000-4000-8000-000000000002';
		const photo = {
			inspectionId,
			sha256: 'ef'.repeat(32),
			mime: 'image/jpeg',
			size: 3,
			caption: 'bar',
			takenAt: at,
			lat: 42.6,
			lng: 21.1
		};
		await writer.db.photos.add({
			id: photoId,
			blob: new Blob([new Uint8Array([1, 2, 3])]),
			sha256: photo.sha256,
			mime: 'image/jpeg',
			uploadedAt: at,
			uploadError: null
		});
		await recordLocalChange(writer.db, { entity: 'attachment', id: photoId, data: photo, userId });
		await setCaption(writer.db, userId, photoId, 'bar, back room');
		await saveOutcome(writer, inspectionId, { outcome: 'no_findings' });
		await submitInspection(writer, inspectionId);
		const queued = await writer.db.outbox.count();

		await expect(setCaption(writer.db, userId, photoId, 'changed')).rejects.toBeInstanceOf(LockedInspectionError);
		await expect(removePhoto(writer.db, userId, photoId)).rejects.toBeInstanceOf(LockedInspectionError);
		expect(await writer.db.records('attachment').get(photoId)).toMatchObject({ caption: 'bar, back room' });
		expect(await writer.db.photos.get(photoId)).toBeDefined();
		expect(await writer.db.outbox.count()).toBe(queued);
	});
});

describe('a referral after it was made', () => {
	it('changes only in its open fields (status, notes), whatever the caller hands in', async () => {
		const writer = await device();
		await started(writer);
		const personId = await addPerson(writer.db, userId, inspectionId);
		const referralId = await addReferral(writer.db, userId, {
			personId,
			inspectionId,
			target: 'shelter',
			referredAt: at,
			consent: true,
			urgentNeeds: 'food',
			status: 'made',
			notes: ''
		});
		await updateReferral(writer.db, userId, referralId, { status: 'accepted', target: 'ngo', consent: false } as never);
		expect(await writer.db.records('referral').get(referralId)).toMatchObject({
			status: 'accepted',
			target: 'shelter',
			consent: true,
			urgentNeeds: 'food'
		});
	});
});

describe('the reflection periods the phone reminds the team of', () => {
	it('are those of the case on a referral still made or accepted, ending within 14 days or ended, soonest first', async () => {
		const writer = await device();
		await started(writer);
		const personId = await addPerson(writer.db, userId, inspectionId);
		const police = {
			personId,
			inspectionId,
			target: 'police_anti_trafficking' as const,
			referredAt: at,
			consent: true,
			urgentNeeds: '',
			status: 'made' as const,
			notes: ''
		};
		const ending = await addReferral(writer.db, userId, { ...police, reflectionStart: '2026-09-10' }); // ends 12-09
		const ended = await addReferral(writer.db, userId, { ...police, reflectionStart: '2026-08-01' }); // ended 10-30
		await addReferral(writer.db, userId, { ...police, reflectionStart: '2026-11-20' }); // running
		await addReferral(writer.db, userId, { ...police, status: 'closed', reflectionStart: '2026-08-01' });
		await addReferral(writer.db, userId, { ...police, target: 'shelter' });
		const reminders = await reflectionReminders(writer.db, '2026-11-25');
		expect(reminders.map((r) => [r.referralId, r.period.end, r.period.state])).toEqual([
			[ended, '2026-10-30', 'ended'],
			[ending, '2026-12-09', 'ending']
		]);
		expect(reminders[0]?.inspectionId).toBe(inspectionId);
	});
});
