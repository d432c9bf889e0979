/**
 * The submission lock, with the device's own order as its proof (docs/ARCHITECTURE.md, "Submission
 * lock"). A submitted inspection is locked: nothing changed after the submission is accepted. What
 * the team recorded *before* it — people, photos — may still arrive after it: the device folds an
 * unsent inspection's create and submit into one upsert and sends parents first, and a batch may be
 * split, retried or cut by a crash. Which came first is told by the device's own write sequence
 * (`deviceSeq`, one counter per device that every local write advances), never by its clock.
 */
import type { inspections } from '../db/schema.ts';

type Inspection = typeof inspections.$inferSelect;

/** Who sent a mutation, and where it stands in that device's writes (absent from older apps). */
export type Origin = { deviceId: string; deviceSeq: number | null };

/** The columns a submission leaves on the inspection: stored, never sent to devices. */
export function submissionColumns(
	existing: Pick<Inspection, 'status'> | null,
	data: Pick<Inspection, 'status'>,
	origin: Origin
): Partial<Pick<Inspection, 'submittedDeviceId' | 'submittedDeviceSeq'>> {
	const becomesSubmitted = data.status === 'submitted' && existing?.status !== 'submitted';
	return becomesSubmitted ? { submittedDeviceId: origin.deviceId, submittedDeviceSeq: origin.deviceSeq } : {};
}

/**
 * Whether a write to a child record (a person, a photo) of this inspection is accepted. Open
 * inspections take any; a submitted one takes only what the submitting device recorded before it:
 * - a write with a lower sequence than the submission's;
 * - a write the device recorded before it counted (no sequence) when the submission has one —
 *   the update that brought the counter came after it;
 * - a submission from before sequences (an older app, or stored before this rule): the device may
 *   still create the children the earlier lock refused, but not change what the server holds.
 * Another device's writes after the submission cannot be placed before it and are refused: they go
 * into a correction of the visit.
 */
export function acceptsChild(
	parent: Pick<Inspection, 'status' | 'submittedDeviceId' | 'submittedDeviceSeq'>,
	origin: Origin,
	creating: boolean
): boolean {
	if (parent.status !== 'submitted') return true;
	if (!parent.submittedDeviceId || parent.submittedDeviceId !== origin.deviceId) return false;
	const submittedSeq = parent.submittedDeviceSeq == null ? null : Number(parent.submittedDeviceSeq);
	if (submittedSeq === null) return origin.deviceSeq === null && creating;
	return origin.deviceSeq === null || origin.deviceSeq < submittedSeq;
}
