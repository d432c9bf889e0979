/**
 * Applies a device's push. Each mutation runs in its own transaction with its change-feed row, its
 * idempotency row and its audit entry, so a retry after a lost answer finds it `duplicate` and a
 * crash mid-push leaves every mutation either wholly applied or not at all.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appliedMutations, recordVersions, syncConflicts } from '../db/schema.ts';
import type { Mutation, MutationResult, PushRequest } from '../../domain/sync/wire.ts';
import { sameValue, threeWayMerge } from '../../domain/sync/threeWayMerge.ts';
import { appendChanges } from './changeFeed.ts';
import { appendAudit } from '../audit/log.ts';
import { fieldRules, type FieldRule } from './fieldRules.ts';
import { entityTables, toWire } from './wireRecords.ts';
import { Rejection, reject, zodErrors } from './rejection.ts';
import type { Scope } from './scope.ts';

type Row = Record<string, unknown>;

export async function applyPush(db: Db, scope: Scope, request: PushRequest): Promise<MutationResult[]> {
	const results: MutationResult[] = [];
	// In order: a device sends a parent (inspection) before its children (persons, photos).
	for (const mutation of request.mutations) results.push(await applyMutation(db, scope, request.deviceId, mutation));
	return results;
}

async function previousResult(db: Db, mutationId: string): Promise<MutationResult | null> {
	const [prior] = await db.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId));
	if (!prior) return null;
	const original = prior.result as MutationResult;
	return { ...original, status: 'duplicate' };
}

export async function applyMutation(db: Db, scope: Scope, deviceId: string, mutation: Mutation): Promise<MutationResult> {
	const duplicate = await previousResult(db, mutation.mutationId);
	if (duplicate) return duplicate;
	try {
		return await db.transaction(async (txAny) => {
			const tx = txAny as unknown as Db;
			const result = await applyInTransaction(tx, scope, deviceId, mutation);
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
		const raced = await previousResult(db, mutation.mutationId);
		if (raced) return raced;
		throw error;
	}
}

async function applyInTransaction(tx: Db, scope: Scope, deviceId: string, mutation: Mutation): Promise<MutationResult> {
	const rule = fieldRules[mutation.entity];
	if (!rule) reject('entity', `${mutation.entity} records are authored on the server, not on a device`);
	if (scope.user.role !== 'inspector') reject('entity', 'only inspectors record field data');

	const table = entityTables[mutation.entity] as typeof entityTables.inspection;
	const [existingRow] = (await tx.select().from(table).where(eq(table.id, mutation.id)).for('update')) as Row[];
	const existing = existingRow ?? null;
	if (existing?.deletedAt) reject('id', 'this record was deleted');

	if (mutation.op === 'delete') return deleteRecord(tx, scope, mutation, rule, existing);
	if (!existing && !rule.mayCreate) reject('id', `no such ${mutation.entity}`);

	const parsed = rule.schema.safeParse(mutation.data ?? {});
	if (!parsed.success) throw new Rejection(zodErrors(parsed.error.issues));
	const deviceData = parsed.data;

	let data = deviceData;
	let conflicts: string[] = [];
	let serverData: Row | null = null;
	if (existing) {
		serverData = pick(toWire(existing).data, Object.keys(deviceData));
		if (mutation.baseVersion !== Number(existing.version)) {
			const base = await baseVersionOf(tx, mutation);
			const merge = threeWayMerge(base, serverData, deviceData, rule.mergePerKey);
			data = merge.merged;
			conflicts = merge.conflicts;
		}
	}
	const { columns, changeScope } = await rule.check(tx, scope, data, existing);

	let version = existing ? Number(existing.version) : 1;
	const changed = !existing || !sameValue(pick(data, Object.keys(serverData ?? {})), serverData);
	if (!existing) {
		await tx.insert(table).values({ ...columns, id: mutation.id, version } as never);
	} else if (changed) {
		version += 1;
		await tx
			.update(table)
			.set({ ...columns, version, updatedAt: new Date() } as never)
			.where(eq(table.id, mutation.id));
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
	if (changed) {
		await tx.insert(recordVersions).values({ entity: mutation.entity, recordId: mutation.id, version, data, userId: scope.user.id });
		await appendChanges(tx, [{ entity: mutation.entity, recordId: mutation.id, op: 'upsert', version, ...changeScope }]);
	}
	await appendAudit(tx, {
		userId: scope.user.id,
		action: `sync.${mutation.entity}.${existing ? 'update' : 'create'}`,
		entity: mutation.entity,
		recordId: mutation.id,
		summary: `mutation=${mutation.mutationId} version=${version}${conflicts.length ? ` conflicts=${conflicts.join(',')}` : ''}`
	});
	if (conflicts.length) {
		const [current] = (await tx.select().from(table).where(eq(table.id, mutation.id))) as Row[];
		return { mutationId: mutation.mutationId, status: 'conflict', version, conflicts, server: toWire(current!).data };
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

async function deleteRecord(tx: Db, scope: Scope, mutation: Mutation, rule: FieldRule, existing: Row | null): Promise<MutationResult> {
	if (!existing) return { mutationId: mutation.mutationId, status: 'applied', version: 0 };
	if (mutation.entity === 'assignment' || mutation.entity === 'location') reject('op', `a device cannot delete a ${mutation.entity}`);
	// The rule's checks (scope, lock on submitted inspections) apply to deleting as to editing.
	const { changeScope } = await rule.check(tx, scope, pick(toWire(existing).data, Object.keys(existing)), existing);
	const version = Number(existing.version) + 1;
	const table = entityTables[mutation.entity] as typeof entityTables.inspection;
	await tx.update(table).set({ deletedAt: new Date(), version, updatedAt: new Date() }).where(eq(table.id, mutation.id));
	await appendChanges(tx, [{ entity: mutation.entity, recordId: mutation.id, op: 'delete', version, ...changeScope }]);
	await appendAudit(tx, {
		userId: scope.user.id,
		action: `sync.${mutation.entity}.delete`,
		entity: mutation.entity,
		recordId: mutation.id,
		summary: `mutation=${mutation.mutationId} version=${version}`
	});
	return { mutationId: mutation.mutationId, status: 'applied', version };
}

function pick(data: Row, keys: string[]): Row {
	return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
}
