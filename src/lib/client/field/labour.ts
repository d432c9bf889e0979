/**
 * Writes and reads of the labour inspection on the device (docs/DOMAIN.md, "After the inspection:
 * the labour inspection"): the one labour record of a visit (employer, minutes, hand-over), the
 * workers checked, the violations found and the decisions on them. Each write is the record and
 * its outbox entry in one Dexie transaction, with the read of the current record inside it, so two
 * quick taps never lose one another; the server checks the rest (sync/fieldRules.ts).
 */
import type { z } from 'zod';
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import {
	checkedWorkerDataSchema,
	decisionDataSchema,
	labourRecordDataSchema,
	violationDataSchema,
	type CheckedWorkerData,
	type DecisionData,
	type DecisionInput,
	type LabourRecordData,
	type ViolationData,
	type ViolationInput
} from '../../domain/records/afterInspection.ts';
import type { ViolationKindRecord } from '../../domain/records/referenceRecords.ts';
import { timeOrderedId } from './timeOrderedId.ts';

export type LabourRecordRow = LocalRecord & LabourRecordData;
export type CheckedWorkerRow = LocalRecord & CheckedWorkerData;
export type ViolationRow = LocalRecord & ViolationData;
export type DecisionRow = LocalRecord & DecisionData;
export type ViolationKindRow = LocalRecord & ViolationKindRecord;

/** Everything of the labour inspection of one visit, as the device holds it. */
export type LabourInspection = {
	record: LabourRecordRow | null;
	workers: CheckedWorkerRow[];
	violations: ViolationRow[];
	decisions: DecisionRow[];
	kinds: ViolationKindRow[];
};

type LabourEntity = 'labourRecord' | 'checkedWorker' | 'violation' | 'decision';

/**
 * Fields to change, as a form hands them in (a select's value is a string): the record's schema
 * checks the whole of it before anything is written, so a wrong value never reaches the outbox.
 */
export type Changes<T> = { [K in keyof T]?: unknown };

const schemas = {
	labourRecord: labourRecordDataSchema,
	checkedWorker: checkedWorkerDataSchema,
	violation: violationDataSchema,
	decision: decisionDataSchema
} satisfies Record<LabourEntity, z.ZodType>;

function childrenOf<T>(db: LocalDb, entity: SyncEntity, inspectionId: string): Promise<T[]> {
	// Time-ordered ids: the order in which they were recorded.
	return db.records(entity).where('inspectionId').equals(inspectionId).sortBy('id') as unknown as Promise<T[]>;
}

export async function readLabourInspection(db: LocalDb, inspectionId: string): Promise<LabourInspection> {
	const [records, workers, violations, decisions, kinds] = await Promise.all([
		childrenOf<LabourRecordRow>(db, 'labourRecord', inspectionId),
		childrenOf<CheckedWorkerRow>(db, 'checkedWorker', inspectionId),
		childrenOf<ViolationRow>(db, 'violation', inspectionId),
		childrenOf<DecisionRow>(db, 'decision', inspectionId),
		db.records('violationKind').toArray() as unknown as Promise<ViolationKindRow[]>
	]);
	return {
		record: records[0] ?? null,
		workers,
		violations,
		decisions,
		kinds: kinds.sort((a, b) => a.code.localeCompare(b.code))
	};
}

/** Changes fields of a record the device holds; the schema checks the whole of it before the outbox does. */
async function change<E extends LabourEntity>(
	db: LocalDb,
	userId: string,
	entity: E,
	id: string,
	changes: Record<string, unknown>
): Promise<void> {
	const table = db.records(entity);
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const current = await table.get(id);
		if (!current) throw new Error(`no ${entity} ${id} on this device`);
		const data = schemas[entity].parse({ ...current, ...changes });
		await recordLocalChange(db, { entity, id, data: { ...data }, userId });
	});
}

async function create<E extends LabourEntity>(db: LocalDb, userId: string, entity: E, input: unknown): Promise<string> {
	const id = timeOrderedId();
	const data = schemas[entity].parse(input);
	await recordLocalChange(db, { entity, id, data: { ...data }, userId });
	return id;
}

function remove(db: LocalDb, userId: string, entity: LabourEntity, id: string): Promise<void> {
	return recordLocalChange(db, { entity, id, op: 'delete', data: null, userId });
}

/** The visit's one labour record: made by its first field, changed by the next. */
export async function saveLabourRecord(
	db: LocalDb,
	userId: string,
	inspectionId: string,
	changes: Changes<LabourRecordData>
): Promise<void> {
	const table = db.records('labourRecord');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const [held] = await childrenOf<LabourRecordRow>(db, 'labourRecord', inspectionId);
		if (held) return change(db, userId, 'labourRecord', held.id, changes);
		await create(db, userId, 'labourRecord', { ...changes, inspectionId });
	});
}

/** A worker starts as not yet known on every check: the inspector answers what was shown. */
export function addWorker(db: LocalDb, userId: string, inspectionId: string): Promise<string> {
	return create(db, userId, 'checkedWorker', {
		inspectionId,
		sex: 'unknown',
		isMinor: false,
		foreign: false,
		contractBeforeWork: 'unknown',
		declaredToTax: 'unknown',
		pensionContributions: 'unknown',
		wageAtLeastMinimum: 'unknown',
		workingTimeRespected: 'unknown',
		workPermit: 'not_needed',
		residencePermit: 'not_needed'
	} satisfies Partial<CheckedWorkerData>);
}

export const updateWorker = (db: LocalDb, userId: string, id: string, changes: Changes<CheckedWorkerData>) =>
	change(db, userId, 'checkedWorker', id, changes);

/**
 * Takes `id` out of every record of the visit that names it, then deletes it, in one transaction:
 * the outbox sends the changed records first, so the server never holds a reference to nothing.
 */
async function removeNamed(
	db: LocalDb,
	userId: string,
	entity: 'checkedWorker' | 'violation',
	id: string,
	namedBy: { entity: 'violation'; key: 'workerIds' } | { entity: 'decision'; key: 'violationIds' }
): Promise<void> {
	const own = db.records(entity);
	const naming = db.records(namedBy.entity);
	await db.transaction('rw', [own, naming, ...outboxTables(db)], async () => {
		const record = await own.get(id);
		if (!record) return;
		const users = await childrenOf<LocalRecord>(db, namedBy.entity, String(record.inspectionId));
		for (const user of users) {
			const ids = (user[namedBy.key] as string[] | undefined) ?? [];
			if (ids.includes(id))
				await change(db, userId, namedBy.entity, user.id, { [namedBy.key]: ids.filter((each) => each !== id) });
		}
		await remove(db, userId, entity, id);
	});
}

export const removeWorker = (db: LocalDb, userId: string, id: string) =>
	removeNamed(db, userId, 'checkedWorker', id, { entity: 'violation', key: 'workerIds' });

export const addViolation = (db: LocalDb, userId: string, input: ViolationInput) =>
	create(db, userId, 'violation', input);

export const updateViolation = (db: LocalDb, userId: string, id: string, changes: Changes<ViolationData>) =>
	change(db, userId, 'violation', id, changes);

export const removeViolation = (db: LocalDb, userId: string, id: string) =>
	removeNamed(db, userId, 'violation', id, { entity: 'decision', key: 'violationIds' });

export const addDecision = (db: LocalDb, userId: string, input: DecisionInput) => create(db, userId, 'decision', input);

export const updateDecision = (db: LocalDb, userId: string, id: string, changes: Changes<DecisionData>) =>
	change(db, userId, 'decision', id, changes);

export const removeDecision = (db: LocalDb, userId: string, id: string) => remove(db, userId, 'decision', id);
