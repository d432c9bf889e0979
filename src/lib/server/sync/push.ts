/**
 * Applies a device's push. Every mutation is applied together with its change-feed row, its
 * idempotency row and its audit entry, so a retry after a lost answer finds it `duplicate` and a
 * crash mid-push leaves every mutation either wholly applied or not at all.
 *
 * A push is first applied as one batch: one transaction, the mutations in order, and their
 * bookkeeping rows written together at the end (one counter step, one audit-head lock, multi-row
 * inserts) — a third of the round trips. A rejected mutation writes nothing before it is refused,
 * so it leaves the others alone. Any database error (a duplicated request racing this one, a
 * constraint) rolls the whole batch back and the push is applied again one transaction per
 * mutation, where each race resolves on its own.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appliedMutations, recordVersions, syncConflicts } from '../db/schema.ts';
import type { Mutation, MutationResult, PushRequest } from '../../domain/sync/wire.ts';
import { sameValue, threeWayMerge } from '../../domain/sync/threeWayMerge.ts';
import { appendChanges, type ChangeInput } from './changeFeed.ts';
import { appendAudit, appendAuditEntries, type AuditEntry } from '../audit/log.ts';
import { cacheLookups, fieldRules, type FieldRule } from './fieldRules.ts';
import { entityTables, toWire } from './wireRecords.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import { versionsOfChange, type VersionRow } from './versions.ts';
import { Rejection, reject, zodErrors } from './rejection.ts';
import { firstUnfitColumn, firstUnstorableText, INT4_MAX } from '../storable.ts';
import type { Scope } from './scope.ts';
import type { Origin } from './submissionLock.ts';

type Row = Record<string, unknown>;

export async function applyPush(db: Db, scope: Scope, request: PushRequest): Promise<MutationResult[]> {
	if (request.mutations.length > 1) {
		try {
			return await applyBatch(db, scope, request);
		} catch (error) {
			if (!(error instanceof Error)) throw error;
			// Rolled back whole: nothing of the batch is stored, so applying it again is safe. Only
			// the error's code is logged: a failed query's text would carry the records' data.
			const cause = (error as { cause?: { code?: string } }).cause;
			console.warn(`[kontrolla] push applied one mutation at a time after ${cause?.code ?? error.name}`);
		}
	}
	const results: MutationResult[] = [];
	// In order: a device sends a parent (inspection) before its children (persons, photos).
	for (const mutation of request.mutations) results.push(await applyMutation(db, scope, request.deviceId, mutation));
	return results;
}

/** Where a mutation's bookkeeping goes: written at once, or kept for the end of a batch. */
type Bookkeeping = {
	version(row: VersionRow): Promise<void>;
	change(row: ChangeInput): Promise<void>;
	audit(entry: AuditEntry): Promise<void>;
	/** A version written earlier in this batch and not yet stored. */
	pendingVersion(entity: string, recordId: string, version: number): Row | null;
	/** The record as locked at the start of the batch: null when absent, undefined when not read. */
	prefetched(entity: string, recordId: string): Row | null | undefined;
	/** The record was written: what was read of it before is stale. */
	written(recordId: string): void;
	/** A new record: inserted at once, or with the batch's others of its kind. */
	insert(entity: Mutation['entity'], recordId: string, values: Row): Promise<void>;
};

// New records of these kinds are inserted together: nothing in a batch reads them back except a
// person's parent inspection, which the lookup cache holds. Any other kind of mutation writes
// them out first, so its checks see every record of the batch before it.
const deferredKinds = ['inspection', 'screenedPerson'] as const satisfies readonly Mutation['entity'][];
const isDeferred = (entity: string): entity is (typeof deferredKinds)[number] => (deferredKinds as readonly string[]).includes(entity);

async function insertRecords(tx: Db, entity: Mutation['entity'], rows: Row[]): Promise<void> {
	await bulkInsert(tx, entityTables[entity] as typeof entityTables.inspection, rows);
}

/** How often each record (`entity:id`) is named by the mutations. */
function namedCounts(mutations: readonly Mutation[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of mutations) counts.set(`${m.entity}:${m.id}`, (counts.get(`${m.entity}:${m.id}`) ?? 0) + 1);
	return counts;
}

function immediate(tx: Db): Bookkeeping {
	return {
		version: (row) => bulkInsert(tx, recordVersions, [row], { onConflictDoNothing: true }),
		change: async (row) => void (await appendChanges(tx, [row])),
		audit: (entry) => appendAudit(tx, entry),
		pendingVersion: () => null,
		prefetched: () => undefined,
		written: () => {},
		insert: (entity, _recordId, values) => insertRecords(tx, entity, [values])
	};
}

/**
 * Locks and reads, one query per entity, the records the batch names once each (a record named
 * twice is read when its turn comes, as it may have changed in between).
 */
async function prefetchRecords(tx: Db, mutations: readonly Mutation[], named: Map<string, number>): Promise<Map<string, Row | null>> {
	const byEntity = new Map<string, string[]>();
	for (const m of mutations) {
		if (named.get(`${m.entity}:${m.id}`) !== 1 || !fieldRules[m.entity] || !entityTables[m.entity]) continue;
		byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m.id]);
	}
	const found = new Map<string, Row | null>();
	for (const [entity, ids] of byEntity) {
		const table = entityTables[entity as Mutation['entity']] as typeof entityTables.inspection;
		for (const id of ids) found.set(`${entity}:${id}`, null);
		const rows = (await tx.select().from(table).where(inArray(table.id, ids)).orderBy(table.id).for('update')) as Row[];
		for (const row of rows) found.set(`${entity}:${row.id as string}`, row);
	}
	return found;
}

async function applyBatch(db: Db, scope: Scope, request: PushRequest): Promise<MutationResult[]> {
	const ids = request.mutations.map((m) => m.mutationId);
	const earlier = new Map(
		(await db.select().from(appliedMutations).where(inArray(appliedMutations.mutationId, ids))).map((row) => [
			row.mutationId,
			answerToRetry(row, scope.user.id)
		])
	);
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const lookups = cacheLookups(tx);
		const fresh = request.mutations.filter((m) => !earlier.has(m.mutationId));
		const named = namedCounts(fresh);
		const prefetched = await prefetchRecords(tx, fresh, named);
		const pending = new Map<string, Row[]>(deferredKinds.map((kind) => [kind, []]));
		const insertPending = async () => {
			// Parents first: a person's inspection may be among them.
			for (const kind of deferredKinds) {
				await insertRecords(tx, kind, pending.get(kind)!);
				pending.set(kind, []);
			}
		};
		const versions: VersionRow[] = [];
		const changes: ChangeInput[] = [];
		const audits: AuditEntry[] = [];
		const applied: (typeof appliedMutations.$inferInsert)[] = [];
		const book: Bookkeeping = {
			version: async (row) => void versions.push(row),
			change: async (row) => void changes.push(row),
			audit: async (entry) => void audits.push(entry),
			pendingVersion: (entity, recordId, version) =>
				(versions.find((v) => v.entity === entity && v.recordId === recordId && v.version === version)?.data as Row | undefined) ?? null,
			prefetched: (entity, recordId) => prefetched.get(`${entity}:${recordId}`),
			written: (recordId) => lookups.forget(recordId),
			insert: async (entity, recordId, values) => {
				if (isDeferred(entity) && named.get(`${entity}:${recordId}`) === 1) {
					pending.get(entity)!.push(values);
					if (entity === 'inspection') lookups.remember(recordId, { deletedAt: null, ...values });
					return;
				}
				await insertRecords(tx, entity, [values]);
			}
		};
		const results: MutationResult[] = [];
		for (const mutation of request.mutations) {
			const answered = earlier.get(mutation.mutationId);
			if (answered) {
				results.push(answered);
				continue;
			}
			if (!isDeferred(mutation.entity)) await insertPending();
			let result: MutationResult;
			try {
				result = await applyInTransaction(tx, scope, request.deviceId, mutation, book);
			} catch (error) {
				// Refused before it wrote anything (every check comes before the first write).
				if (!(error instanceof Rejection)) throw error;
				results.push({ mutationId: mutation.mutationId, status: 'rejected', errors: error.errors });
				continue;
			}
			results.push(result);
			// The same mutation twice in one push: the second is the first's duplicate.
			earlier.set(mutation.mutationId, { ...result, status: 'duplicate' });
			applied.push({ mutationId: mutation.mutationId, deviceId: request.deviceId, userId: scope.user.id, entity: mutation.entity, recordId: mutation.id, result });
		}
		await insertPending();
		await bulkInsert(tx, recordVersions, versions, { onConflictDoNothing: true });
		await appendChanges(tx, changes);
		await appendAuditEntries(tx, audits);
		await bulkInsert(tx, appliedMutations, applied);
		return results;
	});
}

/** What a mutation id already applied answers: its stored result, to its own user only. */
export const MUTATION_ID_TAKEN = 'this mutationId is already taken: send the change with a new mutationId';

/**
 * A retry is answered with the stored result, but only for the user who sent the original: a
 * mutation id is chosen by the device, so another user could send one they saw (in an audit
 * summary, say) to read that result, or reuse one by accident and have their change dropped. Not
 * tied to the device: where storage is unavailable a device gets a new id per page (deviceId.ts)
 * while its outbox, kept per user, retries under it.
 */
function answerToRetry(prior: typeof appliedMutations.$inferSelect, userId: string): MutationResult {
	if (prior.userId !== userId) return { mutationId: prior.mutationId, status: 'rejected', errors: [{ field: 'mutationId', message: MUTATION_ID_TAKEN }] };
	return { ...(prior.result as MutationResult), status: 'duplicate' };
}

async function previousResult(db: Db, mutationId: string, userId: string): Promise<MutationResult | null> {
	const [prior] = await db.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId));
	return prior ? answerToRetry(prior, userId) : null;
}

export async function applyMutation(db: Db, scope: Scope, deviceId: string, mutation: Mutation): Promise<MutationResult> {
	const answered = await previousResult(db, mutation.mutationId, scope.user.id);
	if (answered) return answered;
	try {
		return await db.transaction(async (txAny) => {
			const tx = txAny as unknown as Db;
			const result = await applyInTransaction(tx, scope, deviceId, mutation, immediate(tx));
			await tx.insert(appliedMutations).values({
				mutationId: mutation.mutationId,
				deviceId,
				userId: scope.user.id,
				entity: mutation.entity,
				recordId: mutation.id,
				result
			});
			return result;
		});
	} catch (error) {
		if (error instanceof Rejection) return { mutationId: mutation.mutationId, status: 'rejected', errors: error.errors };
		// The same mutation raced in on another connection (a duplicated request): its answer stands.
		const raced = await previousResult(db, mutation.mutationId, scope.user.id);
		if (raced) return raced;
		throw error;
	}
}

async function applyInTransaction(tx: Db, scope: Scope, deviceId: string, mutation: Mutation, book: Bookkeeping): Promise<MutationResult> {
	const rule = fieldRules[mutation.entity];
	if (!rule) reject('entity', `${mutation.entity} records are authored on the server, not on a device`);
	if (scope.user.role !== 'inspector') reject('entity', 'only inspectors record field data');
	// What the database would refuse fails this mutation alone, before any query carries it.
	const badText = firstUnstorableText(mutation.data, 'data');
	if (badText) reject(badText.field, badText.message);
	if (mutation.baseVersion > INT4_MAX) reject('baseVersion', 'no such version of this record');

	const table = entityTables[mutation.entity] as typeof entityTables.inspection;
	const known = book.prefetched(mutation.entity, mutation.id);
	const existing = known !== undefined ? known : ((await tx.select().from(table).where(eq(table.id, mutation.id)).for('update')) as Row[])[0] ?? null;
	if (existing?.deletedAt) reject('id', 'this record was deleted');

	if (mutation.op === 'delete') return deleteRecord(tx, scope, deviceId, mutation, rule, existing, book);
	if (!existing && !rule.mayCreate) reject('id', `no such ${mutation.entity}`);

	const parsed = rule.schema.safeParse(mutation.data ?? {});
	if (!parsed.success) throw new Rejection(zodErrors(parsed.error.issues));
	const deviceData = parsed.data;
	const unfit = firstUnfitColumn(table, deviceData, 'data');
	if (unfit) reject(unfit.field, unfit.message);

	let data = deviceData;
	let conflicts: string[] = [];
	let serverData: Row | null = null;
	if (existing) {
		serverData = pick(toWire(mutation.entity, existing).data, Object.keys(deviceData));
		if (mutation.baseVersion !== Number(existing.version)) {
			const base = book.pendingVersion(mutation.entity, mutation.id, mutation.baseVersion) ?? (await baseVersionOf(tx, mutation));
			const merge = threeWayMerge(base, serverData, deviceData, rule.mergePerKey);
			data = merge.merged;
			conflicts = merge.conflicts;
		}
	}
	const { columns, changeScope } = await rule.check(tx, scope, data, existing, originOf(deviceId, mutation), 'upsert');

	let version = existing ? Number(existing.version) : 1;
	const changed = !existing || !sameValue(pick(data, Object.keys(serverData ?? {})), serverData);
	if (!existing) {
		await book.insert(mutation.entity, mutation.id, { ...columns, id: mutation.id, version });
	} else if (changed) {
		version += 1;
		await tx
			.update(table)
			.set({ ...columns, version, updatedAt: new Date() } as never)
			.where(eq(table.id, mutation.id));
		book.written(mutation.id);
	}
	if (conflicts.length) {
		await tx.insert(syncConflicts).values({
			entity: mutation.entity,
			recordId: mutation.id,
			mutationId: mutation.mutationId,
			deviceId,
			userId: scope.user.id,
			baseVersion: mutation.baseVersion,
			serverVersion: version,
			fields: conflicts,
			deviceData
		});
	}
	if (existing && changed) {
		for (const row of versionsOfChange(mutation.entity, existing, { version, data, userId: scope.user.id })) await book.version(row);
	}
	if (changed) {
		await book.change({ entity: mutation.entity, recordId: mutation.id, op: 'upsert', version, ...changeScope });
	}
	await book.audit({
		userId: scope.user.id,
		action: `sync.${mutation.entity}.${existing ? 'update' : 'create'}`,
		entity: mutation.entity,
		recordId: mutation.id,
		summary: `mutation=${mutation.mutationId} version=${version}${conflicts.length ? ` conflicts=${conflicts.join(',')}` : ''}`
	});
	if (conflicts.length) {
		const [current] = (await tx.select().from(table).where(eq(table.id, mutation.id))) as Row[];
		return { mutationId: mutation.mutationId, status: 'conflict', version, conflicts, server: toWire(mutation.entity, current!).data };
	}
	return { mutationId: mutation.mutationId, status: 'applied', version };
}

async function baseVersionOf(tx: Db, mutation: Mutation): Promise<Row | null> {
	const [base] = await tx
		.select({ data: recordVersions.data })
		.from(recordVersions)
		.where(and(eq(recordVersions.entity, mutation.entity), eq(recordVersions.recordId, mutation.id), eq(recordVersions.version, mutation.baseVersion)));
	return base?.data ?? null;
}

async function deleteRecord(
	tx: Db,
	scope: Scope,
	deviceId: string,
	mutation: Mutation,
	rule: FieldRule,
	existing: Row | null,
	book: Bookkeeping
): Promise<MutationResult> {
	if (!existing) return { mutationId: mutation.mutationId, status: 'applied', version: 0 };
	if (mutation.entity === 'assignment' || mutation.entity === 'location') reject('op', `a device cannot delete a ${mutation.entity}`);
	// The rule's checks (scope, lock on submitted inspections) apply to deleting as to editing.
	const { changeScope } = await rule.check(tx, scope, pick(toWire(mutation.entity, existing).data, Object.keys(existing)), existing, originOf(deviceId, mutation), 'delete');
	const version = Number(existing.version) + 1;
	const table = entityTables[mutation.entity] as typeof entityTables.inspection;
	await tx.update(table).set({ deletedAt: new Date(), version, updatedAt: new Date() }).where(eq(table.id, mutation.id));
	book.written(mutation.id);
	await book.change({ entity: mutation.entity, recordId: mutation.id, op: 'delete', version, ...changeScope });
	await book.audit({
		userId: scope.user.id,
		action: `sync.${mutation.entity}.delete`,
		entity: mutation.entity,
		recordId: mutation.id,
		summary: `mutation=${mutation.mutationId} version=${version}`
	});
	return { mutationId: mutation.mutationId, status: 'applied', version };
}

function originOf(deviceId: string, mutation: Mutation): Origin {
	return { deviceId, deviceSeq: mutation.deviceSeq ?? null };
}

function pick(data: Row, keys: string[]): Row {
	return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}
