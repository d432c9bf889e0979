/**
 * The inspector's writes to an inspection. Each goes through the outbox (`recordLocalChange`) with
 * the whole record, inside one Dexie transaction that first reads the current record: answers
 * tapped in quick succession each build on the one before, never on a stale copy. The outbox tells
 * the sync service of each committed write (`onLocalChange`), so the change leaves the device as
 * soon as there is a network.
 */
import { peoplePresentFromAnswers } from '../../domain/field/peoplePresent.ts';
import type { LocalDb } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import type { Answer } from '../../domain/checklist/template.ts';
import {
	attachmentDataSchema,
	referralDataSchema,
	screenedPersonDataSchema,
	type InspectionData
} from '../../domain/records/fieldRecords.ts';
import { personsOf } from './persons.ts';
import { referralsOf } from './referrals.ts';
import { timeOrderedId } from './timeOrderedId.ts';
import type { AssignmentRecord } from '../../domain/records/referenceRecords.ts';
import {
	correctionOf,
	inspectionDataOf,
	newInspection,
	submitted,
	type InspectionStart
} from '../../domain/field/inspectionRecord.ts';

export type Writer = { db: LocalDb; userId: string };

export class LockedInspectionError extends Error {
	constructor() {
		super('a submitted inspection is locked; record a correction instead');
	}
}

/** Creates the draft and marks its assignment in progress. */
export async function startInspection({ db, userId }: Writer, id: string, start: InspectionStart): Promise<void> {
	await db.transaction('rw', [db.records('inspection'), db.records('assignment'), ...outboxTables(db)], async () => {
		await recordLocalChange(db, { entity: 'inspection', id, data: newInspection(start), userId });
		if (start.assignmentId) await setAssignmentStatus(db, userId, start.assignmentId, 'in_progress');
	});
}

async function writeDraft(
	{ db, userId }: Writer,
	id: string,
	change: (data: InspectionData) => InspectionData
): Promise<void> {
	const table = db.records('inspection');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const current = await table.get(id);
		if (!current) throw new Error(`no inspection ${id} on this device`);
		const data = inspectionDataOf(current);
		if (data.status === 'submitted') throw new LockedInspectionError();
		await recordLocalChange(db, { entity: 'inspection', id, data: change(data), userId });
	});
}

/** One checklist answer; `null` clears it. */
export function saveAnswer(writer: Writer, id: string, itemId: string, answer: Answer | null): Promise<void> {
	return writeDraft(writer, id, (data) => {
		const answers = { ...data.answers };
		if (answer === null) delete answers[itemId];
		else answers[itemId] = answer;
		// The counts of people present are asked once, in the checklist (domain/field/peoplePresent.ts).
		return { ...data, answers, peoplePresent: peoplePresentFromAnswers(answers) ?? data.peoplePresent };
	});
}

export type OutcomeFields = Pick<InspectionData, 'outcome' | 'outcomeReason' | 'notes' | 'childProtectionReason'> & {
	peoplePresent: Partial<NonNullable<InspectionData['peoplePresent']>>;
};

export function saveOutcome(writer: Writer, id: string, fields: Partial<OutcomeFields>): Promise<void> {
	return writeDraft(writer, id, (data) => {
		const { peoplePresent, ...rest } = fields;
		// Counts merge with what is stored, inside the write: two quick changes (women, then men)
		// must not undo each other through a screen that had not yet shown the first.
		if (!peoplePresent) return { ...data, ...rest };
		const stored = data.peoplePresent ?? { women: 0, men: 0, minorsPresent: false };
		return { ...data, ...rest, peoplePresent: { ...stored, ...peoplePresent } };
	});
}

/** Locks the record and closes its assignment. The caller has checked `submissionProblems`. */
export async function submitInspection(writer: Writer, id: string, now = new Date()): Promise<void> {
	const { db, userId } = writer;
	await db.transaction('rw', [db.records('inspection'), db.records('assignment'), ...outboxTables(db)], async () => {
		const current = await db.records('inspection').get(id);
		await writeDraft(writer, id, (data) => submitted(data, now.toISOString()));
		const assignmentId = current?.assignmentId;
		if (typeof assignmentId === 'string') await setAssignmentStatus(db, userId, assignmentId, 'done');
	});
}

/**
 * A new draft copied from a submitted inspection; the original stays as it was. The correction is a
 * whole new version: the people screened, their referrals and the photos come along as copies under
 * new ids (the photos by hash, with their bytes when this device holds them), so the corrected
 * record stands on its own in the figures and in history, and the inspector edits what was wrong.
 */
export async function startCorrection(
	{ db, userId }: Writer,
	originalId: string,
	newId: string,
	reason: string
): Promise<void> {
	await db.transaction('rw', correctionTables(db), async () => {
		const original = await db.records('inspection').get(originalId);
		if (!original) throw new Error(`no inspection ${originalId} on this device`);
		const data = inspectionDataOf(original);
		if (data.status !== 'submitted') throw new Error('only a submitted inspection can be corrected');
		await recordLocalChange(db, {
			entity: 'inspection',
			id: newId,
			data: correctionOf(originalId, data, reason),
			userId
		});
		await copyChildren(db, userId, originalId, newId);
	});
}

/** The tables a correction reads and writes, for a transaction around it. */
export function correctionTables(db: LocalDb) {
	return [
		...(['inspection', 'screenedPerson', 'referral', 'attachment'] as const).map((entity) => db.records(entity)),
		...outboxTables(db),
		db.photos
	];
}

/**
 * Copies the people (with their referrals) and the photos of one inspection into another under new
 * ids; `only` limits it to those records. Runs inside the caller's transaction (correctionTables).
 */
export async function copyChildren(
	db: LocalDb,
	userId: string,
	fromId: string,
	toId: string,
	only?: ReadonlySet<string>
): Promise<void> {
	const wanted = (id: string) => !only || only.has(id);
	const personIds = new Map<string, string>();
	for (const person of await personsOf(db, fromId)) {
		if (!wanted(person.id)) continue;
		const id = timeOrderedId();
		personIds.set(person.id, id);
		await recordLocalChange(db, {
			entity: 'screenedPerson',
			id,
			data: { ...screenedPersonDataSchema.parse({ ...person, inspectionId: toId }) },
			userId
		});
	}
	for (const referral of await referralsOf(db, fromId)) {
		const personId = personIds.get(referral.personId);
		if (!personId) continue;
		const copy = referralDataSchema.parse({ ...referral, personId, inspectionId: toId });
		await recordLocalChange(db, { entity: 'referral', id: crypto.randomUUID(), data: { ...copy }, userId });
	}
	const photos = await db.records('attachment').where('inspectionId').equals(fromId).toArray();
	for (const photo of photos) {
		if (!wanted(photo.id)) continue;
		const id = crypto.randomUUID();
		const bytes = await db.photos.get(photo.id);
		if (bytes) await db.photos.add({ ...bytes, id, uploadedAt: null, uploadError: null });
		await recordLocalChange(db, {
			entity: 'attachment',
			id,
			data: { ...attachmentDataSchema.parse({ ...photo, inspectionId: toId }) },
			userId
		});
	}
}

/** Inspectors send only an assignment's status; the server takes nothing else from them. */
async function setAssignmentStatus(
	db: LocalDb,
	userId: string,
	assignmentId: string,
	status: AssignmentRecord['status']
): Promise<void> {
	await recordLocalChange(db, { entity: 'assignment', id: assignmentId, data: { status }, userId });
}
