/**
 * Local writes: the record and its outbox entry in one Dexie transaction, so a crash never leaves
 * a change that is saved but not queued (or queued but not saved). Unsent entries for the same
 * record are folded into one; an entry that has left the device is never changed, because the
 * server may already hold it under its mutation id.
 */
import type { LocalDb, LocalRecord, OutboxEntry } from '../db.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type LocalChange = {
	entity: SyncEntity;
	id: string;
	op?: 'upsert' | 'delete';
	data: Record<string, unknown> | null;
	userId: string;
};

export async function recordLocalChange(db: LocalDb, change: LocalChange, now = new Date(), newId = () => crypto.randomUUID()): Promise<void> {
	const op = change.op ?? 'upsert';
	const table = db.records(change.entity);
	await db.transaction('rw', [table, db.outbox], async () => {
		const current = await table.get(change.id);
		const baseVersion = current?.version ?? 0;
		if (op === 'delete') await table.delete(change.id);
		else await table.put({ ...(current ?? {}), ...change.data, id: change.id, version: baseVersion } as LocalRecord);

		const unsent = await db.outbox
			.where('[entity+recordId]')
			.equals([change.entity, change.id])
			.filter((e) => e.sentAt === null && e.status === 'pending' && e.userId === change.userId)
			.last();
		if (unsent) {
			await db.outbox.update(unsent.seq!, { op, data: change.data, createdAt: now.toISOString() });
			return;
		}
		await db.outbox.add({
			mutationId: newId(),
			entity: change.entity,
			recordId: change.id,
			op,
			baseVersion,
			data: change.data,
			userId: change.userId,
			createdAt: now.toISOString(),
			sentAt: null,
			status: 'pending',
			errors: null
		});
	});
}

/** What waits to be sent for this user, oldest first (parents before their children). */
export function pendingEntries(db: LocalDb, userId: string): Promise<OutboxEntry[]> {
	return db.outbox
		.orderBy('seq')
		.filter((e) => e.userId === userId && e.status === 'pending')
		.toArray();
}

export async function outboxCounts(db: LocalDb, userId: string | null): Promise<{ pending: number; rejected: number; otherUsers: number }> {
	const all = await db.outbox.toArray();
	return {
		pending: all.filter((e) => e.userId === userId && e.status === 'pending').length,
		rejected: all.filter((e) => e.userId === userId && e.status === 'rejected').length,
		otherUsers: all.filter((e) => e.userId !== userId).length
	};
}

/** A rejected entry, corrected by the user, goes out again as a new mutation. */
export async function resendRejected(db: LocalDb, seq: number, data: Record<string, unknown>, newId = () => crypto.randomUUID()): Promise<void> {
	const entry = await db.outbox.get(seq);
	if (!entry || entry.status !== 'rejected') return;
	const table = db.records(entry.entity);
	await db.transaction('rw', [table, db.outbox], async () => {
		const current = await table.get(entry.recordId);
		await table.put({ ...(current ?? {}), ...data, id: entry.recordId, version: current?.version ?? entry.baseVersion } as LocalRecord);
		await db.outbox.update(seq, { mutationId: newId(), data, sentAt: null, status: 'pending', errors: null });
	});
}
