/**
 * The control inspection on the phone: the controls of a visit's venue the device pulled (those
 * planned with the team's assignment), the violations they check with their kinds, and the check
 * the team records for each on the control visit. One check per violation per visit: choosing
 * again changes it, so a mistaken tap is corrected, not doubled.
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import {
	controlInspectionRecordSchema,
	violationKindRecordSchema,
	type ControlInspectionRecord,
	type ViolationKindRecord
} from '../../domain/records/referenceRecords.ts';
import { violationCheckDataSchema, type ViolationCheckData } from '../../domain/records/afterInspection.ts';
import type { ViolationCheckResult } from '../../domain/records/codes.ts';

export type ViolationCheckRecord = LocalRecord & ViolationCheckData;

/** What a control visit shows: its controls, the kinds of their violations, the checks made. */
export type ControlVisit = {
	controls: ControlInspectionRecord[];
	kinds: Map<string, ViolationKindRecord>;
	checks: ViolationCheckRecord[];
};

/** Controls at the visit's venue this device holds (a malformed row is skipped, not shown). */
export async function readControlVisit(db: LocalDb, visit: { id: string; locationId: string }): Promise<ControlVisit> {
	const rows = await db.records('controlInspection').where('locationId').equals(visit.locationId).toArray();
	const controls = rows
		.map((row) => controlInspectionRecordSchema.safeParse(row))
		.flatMap((parsed) => (parsed.success && parsed.data.status !== 'cancelled' ? [parsed.data] : []))
		.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
	const kindIds = [...new Set(controls.flatMap((c) => c.violations.map((v) => v.kindId)))];
	const kinds = new Map<string, ViolationKindRecord>();
	for (const row of await db.records('violationKind').bulkGet(kindIds)) {
		const parsed = violationKindRecordSchema.safeParse(row);
		if (parsed.success) kinds.set(parsed.data.id, parsed.data);
	}
	const checks = (await db
		.records('violationCheck')
		.where('inspectionId')
		.equals(visit.id)
		.toArray()) as unknown as ViolationCheckRecord[];
	return { controls, kinds, checks };
}

/** Records (or changes) this visit's check of one violation. */
export async function recordCheck(
	db: LocalDb,
	userId: string,
	input: { inspectionId: string; controlInspectionId: string; violationId: string; result: ViolationCheckResult }
): Promise<void> {
	const table = db.records('violationCheck');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const existing = (
			(await table.where('inspectionId').equals(input.inspectionId).toArray()) as unknown as ViolationCheckRecord[]
		).find((c) => c.controlInspectionId === input.controlInspectionId && c.violationId === input.violationId);
		const data = violationCheckDataSchema.parse({ notes: existing?.notes ?? '', ...input });
		await recordLocalChange(db, {
			entity: 'violationCheck',
			id: existing?.id ?? crypto.randomUUID(),
			data: { ...data },
			userId
		});
	});
}

/** Assignments on this device that carry a control inspection still due: how many violations each checks. */
export async function followUpsByAssignment(db: LocalDb): Promise<Map<string, number>> {
	const byAssignment = new Map<string, number>();
	for (const row of await db.records('controlInspection').toArray()) {
		const parsed = controlInspectionRecordSchema.safeParse(row);
		if (!parsed.success || parsed.data.status !== 'due' || !parsed.data.assignmentId) continue;
		const { assignmentId, violations } = parsed.data;
		byAssignment.set(assignmentId, (byAssignment.get(assignmentId) ?? 0) + violations.length);
	}
	return byAssignment;
}
