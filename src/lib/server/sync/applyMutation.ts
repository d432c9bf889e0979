/**
 * Applies one pushed mutation inside the caller's transaction: the entity's rule (fieldRules.ts),
 * the three-way merge from the version the device edited, and the write through
 * records/syncedWrite.ts. Every check comes before the first write, so a rejected mutation leaves
 * nothing behind.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { recordVersions, syncConflicts } from '../db/schema.ts';
import type { Mutation, MutationResult } from '../../domain/sync/wire.ts';
import { sameValue, threeWayMerge } from '../../domain/sync/threeWayMerge.ts';
import {
	insertSynced,
	lockSynced,
	tombstone,
	updateSynced,
	type Ledger,
	type NewSynced,
	type SyncedRow,
	type WriteAudit
} from '../records/syncedWrite.ts';
import { fieldRules, isFieldEntity, type FieldData, type FieldEntity } from './fieldRules.ts';
import { entityTables, toWire } from './wireRecords.ts';
import { Rejection, reject, zodErrors } from './rejection.ts';
import { firstUnfitColumn, firstUnstorableText, INT4_MAX } from '../storable.ts';
import type { Scope } from './scope.ts';
import { keepWithheldAnswers, limitRecord } from './agencyFilter.ts';
import type { Origin } from './submissionLock.ts';

type Row = Record<string, unknown>;

/** Where a mutation's bookkeeping goes: written at once, or kept for the end of a batch (bookkeeping.ts). */
export type Bookkeeping = Ledger & {
	/** A version written earlier in this batch and not yet stored. */
	pendingVersion(entity: string, recordId: string, version: number): Row | null;
	/** The record as locked at the start of the batch: null when absent, undefined when not read. */
	prefetched<E extends FieldEntity>(entity: E, recordId: string): SyncedRow<E> | null | undefined;
	/** The record was written: what was read of it before is stale. */
	written(recordId: string): void;
};

/** Field data as the answers guard sees it: visits and persons carry answers, the others pass untouched. */
type WithAnswers<E extends FieldEntity> = FieldData<E> & { answers: Record<string, unknown> };

/** A mutation of an entity devices may write. */
type FieldMutation<E extends FieldEntity> = Mutation & { entity: E };

export async function applyInTransaction(
	tx: Tx,
	scope: Scope,
	deviceId: string,
	mutation: Mutation,
	book: Bookkeeping
): Promise<MutationResult> {
	const { entity } = mutation;
	if (!isFieldEntity(entity)) reject('entity', `${entity} records are authored on the server, not on a device`);
	return applyFieldMutation(tx, scope, deviceId, { ...mutation, entity }, book);
}

async function applyFieldMutation<E extends FieldEntity>(
	tx: Tx,
	scope: Scope,
	deviceId: string,
	mutation: FieldMutation<E>,
	book: Bookkeeping
): Promise<MutationResult> {
	const { entity, id } = mutation;
	const rule = fieldRules[entity];
	if (scope.user.role !== 'inspector') reject('entity', 'only inspectors record field data');
	// What the database would refuse fails this mutation alone, before any query carries it.
	const badText = firstUnstorableText(mutation.data, 'data');
	if (badText) reject(badText.field, badText.message);
	if (mutation.baseVersion > INT4_MAX) reject('baseVersion', 'no such version of this record');

	const known = book.prefetched(entity, id);
	const existing = known !== undefined ? known : await lockSynced(tx, entity, id);
	if (existing?.deletedAt) reject('id', 'this record was deleted');

	if (mutation.op === 'delete') return deleteRecord(tx, scope, deviceId, mutation, existing, book);
	if (!existing && !rule.mayCreate) reject('id', `no such ${entity}`);

	const parsed = rule.schema.safeParse(mutation.data ?? {});
	if (!parsed.success) throw new Rejection(zodErrors(parsed.error.issues));
	const unfit = firstUnfitColumn(entityTables[entity], parsed.data, 'data');
	if (unfit) reject(unfit.field, unfit.message);
	// After the columns' ranges are checked: the guard reads the template the record names.
	const deviceData: FieldData<E> = await keepWithheldAnswers(
		tx,
		scope.user,
		entity,
		parsed.data as WithAnswers<E>,
		existing as { answers: unknown } | null
	);

	let data = deviceData;
	let conflicts: string[] = [];
	let serverData: Row | null = null;
	if (existing) {
		serverData = pick(toWire(entity, existing).data, Object.keys(deviceData));
		if (mutation.baseVersion !== Number(existing.version)) {
			const base = book.pendingVersion(entity, id, mutation.baseVersion) ?? (await baseVersionOf(tx, mutation));
			const merge = threeWayMerge(base, serverData, deviceData, rule.mergePerKey);
			// The device's fields, each holding the device's value or the server's (in its wire form).
			data = merge.merged as FieldData<E>;
			conflicts = merge.conflicts;
		}
	}
	const { columns, changeScope } = await rule.check(tx, scope, data, existing, originOf(deviceId, mutation), 'upsert');

	// A rule may add to the entry what the log must prove of the record (evidence: its content hash).
	const note = rule.auditNote ? ` ${rule.auditNote(id, columns)}` : '';
	const summary = (version: number) =>
		`mutation=${mutation.mutationId} version=${version}${conflicts.length ? ` conflicts=${conflicts.join(',')}` : ''}${note}`;
	const audit = (action: 'create' | 'update'): WriteAudit => ({
		userId: scope.user.id,
		action: `sync.${entity}.${action}`,
		summary
	});
	let version = existing ? Number(existing.version) : 1;
	if (!existing) {
		// A rule's columns for a new record are whole: the schema asks for every column the table needs
		// and the rule adds the author.
		const values = { ...columns, id } as NewSynced<E>;
		await insertSynced(tx, { entity, values, scope: changeScope, audit: audit('create') }, book);
	} else if (!sameValue(pick(data, Object.keys(serverData ?? {})), serverData)) {
		const mergeBases = { userId: scope.user.id, data };
		version = await updateSynced(
			tx,
			{ entity, id, set: columns, scope: changeScope, audit: audit('update'), replaces: existing, mergeBases },
			book
		);
		book.written(id);
	} else {
		// Nothing changed (the device sent what the server holds): no new version, but the push is on the record.
		await book.audits([
			{ userId: scope.user.id, action: `sync.${entity}.update`, entity, recordId: id, summary: summary(version) }
		]);
	}
	await rule.afterWrite?.(tx, scope, { id, data, existing, op: 'upsert' }, book);
	if (conflicts.length) {
		await tx.insert(syncConflicts).values({
			entity,
			recordId: id,
			mutationId: mutation.mutationId,
			deviceId,
			userId: scope.user.id,
			baseVersion: mutation.baseVersion,
			serverVersion: version,
			fields: conflicts,
			deviceData
		});
		const current = await lockSynced(tx, entity, id);
		return {
			mutationId: mutation.mutationId,
			status: 'conflict',
			version,
			conflicts,
			server: await limitRecord(tx, scope.user, entity, toWire(entity, current!).data)
		};
	}
	return { mutationId: mutation.mutationId, status: 'applied', version };
}

/** The version the device edited from, as stored when a later one replaced it; null when gone. */
export async function baseVersionOf(tx: Tx, mutation: Mutation): Promise<Row | null> {
	const [base] = await tx
		.select({ data: recordVersions.data })
		.from(recordVersions)
		.where(
			and(
				eq(recordVersions.entity, mutation.entity),
				eq(recordVersions.recordId, mutation.id),
				eq(recordVersions.version, mutation.baseVersion)
			)
		);
	return base?.data ?? null;
}

export async function deleteRecord<E extends FieldEntity>(
	tx: Tx,
	scope: Scope,
	deviceId: string,
	mutation: FieldMutation<E>,
	existing: SyncedRow<E> | null,
	book: Bookkeeping
): Promise<MutationResult> {
	if (!existing) return { mutationId: mutation.mutationId, status: 'applied', version: 0 };
	const { entity, id } = mutation;
	if (entity === 'assignment' || entity === 'location') reject('op', `a device cannot delete a ${entity}`);
	// The rule's checks (scope, lock on submitted inspections) apply to deleting as to editing, on the
	// record as stored (which its schema accepted when it was written).
	const stored = pick(toWire(entity, existing).data, Object.keys(existing)) as FieldData<E>;
	const { changeScope } = await fieldRules[entity].check(
		tx,
		scope,
		stored,
		existing,
		originOf(deviceId, mutation),
		'delete'
	);
	const audit = {
		userId: scope.user.id,
		action: `sync.${entity}.delete`,
		summary: (version: number) => `mutation=${mutation.mutationId} version=${version}`
	};
	const version = await tombstone(tx, { entity, id, scope: changeScope, audit, replaces: existing }, book);
	book.written(id);
	await fieldRules[entity].afterWrite?.(tx, scope, { id, data: stored, existing, op: 'delete' }, book);
	return { mutationId: mutation.mutationId, status: 'applied', version };
}

function originOf(deviceId: string, mutation: Mutation): Origin {
	return { deviceId, deviceSeq: mutation.deviceSeq ?? null };
}

function pick(data: Row, keys: string[]): Row {
	return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}
