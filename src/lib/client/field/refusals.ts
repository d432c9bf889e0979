/**
 * What the inspector can do with a change the server refused, so that nothing typed on site is
 * stranded on one phone (docs/ARCHITECTURE.md, "Submission lock"). A refusal is read from the server's
 * field errors into one of a few kinds the Sync screen explains in plain words; a person or photo
 * refused because its visit was already submitted (recorded on another phone, or after the
 * submission) is carried into a correction of the visit, which the server accepts.
 */
import type { LocalDb, OutboxEntry } from '../db.ts';
import type { FieldError } from '../../domain/sync/wire.ts';
import { refusedAsSubmittedVisit } from '../../domain/sync/refusals.ts';
import { copyChildren, correctionTables, startCorrection, type Writer } from './inspections.ts';

export type RefusalKind =
	/** Recorded on a visit the server holds as submitted: only a correction of the visit takes it. */
	| 'submittedVisit'
	/** Something in the record was not accepted (an answer, a value): fix it in the visit, send again. */
	| 'invalid'
	/** The server does not know the record's visit, team or venue for this user. */
	| 'notFound'
	| 'other';

export function refusalKind(errors: readonly FieldError[] | null): RefusalKind {
	const list = errors ?? [];
	if (refusedAsSubmittedVisit(list)) return 'submittedVisit';
	if (list.some((e) => /^no such /.test(e.message))) return 'notFound';
	if (list.some((e) => e.field.startsWith('data.'))) return 'invalid';
	return 'other';
}

/** The visit a refused change belongs to, when it belongs to one. */
export function visitOf(entry: Pick<OutboxEntry, 'entity' | 'recordId' | 'data'>): string | null {
	if (entry.entity === 'inspection') return entry.recordId;
	const id = entry.data?.inspectionId;
	return typeof id === 'string' ? id : null;
}

const CHILD_ENTITIES: readonly string[] = ['screenedPerson', 'referral', 'attachment'];

/**
 * Carries the refused people, referrals and photos of a submitted visit into a correction of it:
 * the draft correction already open on this device, or a new one (which copies the whole visit,
 * these included). The refused entries and their stranded copies under the original go in the same
 * transaction, so each record exists exactly once on the device — in the correction. Returns the
 * correction's id, to open it.
 */
export async function carryIntoCorrection(
	writer: Writer,
	inspectionId: string,
	reason: string,
	newId: string = crypto.randomUUID()
): Promise<string> {
	const { db, userId } = writer;
	let correctionId: string = newId;
	await db.transaction('rw', correctionTables(db), async () => {
		const refused = await refusedChildrenOf(db, userId, inspectionId);
		const open = await db
			.records('inspection')
			.filter((r) => r.correctionOf === inspectionId && r.status !== 'submitted')
			.first();
		if (open) {
			correctionId = open.id;
			await copyChildren(db, userId, inspectionId, correctionId, new Set(refused.map((entry) => entry.recordId)));
		} else {
			await startCorrection(writer, inspectionId, correctionId, reason);
		}
		for (const entry of refused) {
			await db.outbox.delete(entry.seq!);
			await db.records(entry.entity).delete(entry.recordId);
			if (entry.entity === 'attachment') await db.photos.delete(entry.recordId);
		}
	});
	return correctionId;
}

async function refusedChildrenOf(db: LocalDb, userId: string, inspectionId: string): Promise<OutboxEntry[]> {
	const entries = await db.outbox
		.filter((e) => e.userId === userId && e.status === 'rejected' && CHILD_ENTITIES.includes(e.entity))
		.toArray();
	return entries.filter((entry) => refusalKind(entry.errors) === 'submittedVisit' && visitOf(entry) === inspectionId);
}
