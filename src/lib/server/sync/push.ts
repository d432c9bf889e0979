/**
 * Applies a device's push. Every mutation is applied (applyMutation.ts) together with its
 * change-feed row, its idempotency row and its audit entry, so a retry after a lost answer finds it
 * `duplicate` and a crash mid-push leaves every mutation either wholly applied or not at all.
 *
 * A push is first applied as one batch: one transaction, the mutations in order, and their
 * bookkeeping rows written together at the end (bookkeeping.ts) — a third of the round trips. A rejected mutation writes nothing before it is refused,
 * so it leaves the others alone. Any database error (a duplicated request racing this one, a
 * constraint) rolls the whole batch back and the push is applied again one transaction per
 * mutation, where each race resolves on its own.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appliedMutations } from '../db/schema.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import type { Mutation, MutationResult, PushRequest } from '../../domain/sync/wire.ts';
import { applyInTransaction } from './applyMutation.ts';
import { batchBookkeeping, immediate } from './bookkeeping.ts';
import { Rejection } from './rejection.ts';
import type { Scope } from './scope.ts';
import { log } from '../log.ts';

export async function applyPush(db: Db, scope: Scope, request: PushRequest): Promise<MutationResult[]> {
	if (request.mutations.length > 1) {
		try {
			return await applyBatch(db, scope, request);
		} catch (error) {
			if (!(error instanceof Error)) throw error;
			// Rolled back whole: nothing of the batch is stored, so applying it again is safe. Only
			// the error's code is logged: a failed query's text would carry the records' data.
			const cause = (error as { cause?: { code?: string } }).cause;
			log.warn(`push applied one mutation at a time after ${cause?.code ?? error.name}`);
		}
	}
	const results: MutationResult[] = [];
	// In order: a device sends a parent (inspection) before its children (persons, photos).
	for (const mutation of request.mutations) results.push(await applySingle(db, scope, request.deviceId, mutation));
	return results;
}

async function applyBatch(db: Db, scope: Scope, request: PushRequest): Promise<MutationResult[]> {
	const ids = request.mutations.map((m) => m.mutationId);
	const earlier = new Map(
		(await db.select().from(appliedMutations).where(inArray(appliedMutations.mutationId, ids))).map((row) => [
			row.mutationId,
			answerToRetry(row, scope.user.id)
		])
	);
	return db.transaction(async (tx) => {
		const book = await batchBookkeeping(
			tx,
			request.mutations.filter((m) => !earlier.has(m.mutationId))
		);
		const applied: (typeof appliedMutations.$inferInsert)[] = [];
		const results: MutationResult[] = [];
		for (const mutation of request.mutations) {
			const answered = earlier.get(mutation.mutationId);
			if (answered) {
				results.push(answered);
				continue;
			}
			await book.readyFor(mutation);
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
			applied.push({
				mutationId: mutation.mutationId,
				deviceId: request.deviceId,
				userId: scope.user.id,
				entity: mutation.entity,
				recordId: mutation.id,
				result
			});
		}
		await book.flush();
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
	if (prior.userId !== userId)
		return {
			mutationId: prior.mutationId,
			status: 'rejected',
			errors: [{ field: 'mutationId', message: MUTATION_ID_TAKEN }]
		};
	return { ...(prior.result as MutationResult), status: 'duplicate' };
}

async function previousResult(db: Db, mutationId: string, userId: string): Promise<MutationResult | null> {
	const [prior] = await db.select().from(appliedMutations).where(eq(appliedMutations.mutationId, mutationId));
	return prior ? answerToRetry(prior, userId) : null;
}

async function applySingle(db: Db, scope: Scope, deviceId: string, mutation: Mutation): Promise<MutationResult> {
	const answered = await previousResult(db, mutation.mutationId, scope.user.id);
	if (answered) return answered;
	try {
		return await db.transaction(async (tx) => {
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
		if (error instanceof Rejection)
			return { mutationId: mutation.mutationId, status: 'rejected', errors: error.errors };
		// The same mutation raced in on another connection (a duplicated request): its answer stands.
		const raced = await previousResult(db, mutation.mutationId, scope.user.id);
		if (raced) return raced;
		throw error;
	}
}
