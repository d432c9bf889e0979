/**
 * Local writes: the record and its outbox entry in one Dexie transaction, so a crash never leaves
 * a change that is saved but not queued (or queued but not saved). Unsent entries for the same
 * record are folded into one; an entry that has left the device is never changed, because the
 * server may already hold it under its mutation id — unless the server refused it, which means it
 * holds nothing of it. Each committed write is told to the sync service (`onLocalChange`), which
 * sends it shortly.
 */
import { Dexie, type Transaction } from 'dexie';
import type { LocalDb, LocalRecord, OutboxEntry } from '../db.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import { refusedAsSubmittedVisit } from '../../domain/sync/refusals.ts';

export type LocalChange = {
	entity: SyncEntity;
	id: string;
	op?: 'upsert' | 'delete';
	data: Record<string, unknown> | null;
	userId: string;
};

/**
 * The tables a local write touches besides the record's own: a transaction that calls
 * `recordLocalChange` must include them.
 */
export function outboxTables(db: LocalDb) {
	return [db.outbox, db.syncState];
}

export const WRITE_SEQ_KEY = 'writeSeq';

/**
 * The next number of the device's write sequence. It only grows, for the life of the local store,
 * and is taken inside the write's own transaction: two writes never share a number, and a write's
 * number is greater than that of every write before it — the order the submission lock is proven
 * by (docs/ARCHITECTURE.md, "Submission lock").
 */
async function nextWriteSeq(db: LocalDb): Promise<number> {
	const current = Number((await db.syncState.get(WRITE_SEQ_KEY))?.value ?? 0);
	const next = current + 1;
	await db.syncState.put({ key: WRITE_SEQ_KEY, value: next });
	return next;
}

type LocalChangeListener = (db: LocalDb) => void;
const listeners = new Set<LocalChangeListener>();

/**
 * Tells `listener` of local changes once they are committed: the sync service registers one that
 * sends them shortly (service.svelte.ts), so no screen has to remember to. Returns its removal.
 */
export function onLocalChange(listener: LocalChangeListener): () => void {
	listeners.add(listener);
	return () => void listeners.delete(listener);
}

/** Outermost transactions already set to tell the listeners: once per commit, however many changes it holds. */
const tellingOnCommit = new WeakSet<Transaction>();

/**
 * Called inside a change's transaction. When the change is part of a larger write (a transaction
 * around it), the listeners hear of it when that write commits, not before: until then a round
 * would find nothing of it, and the write may still be undone.
 */
function tellOnCommit(db: LocalDb): void {
	let outermost = Dexie.currentTransaction;
	while (outermost.parent) outermost = outermost.parent;
	if (tellingOnCommit.has(outermost)) return;
	tellingOnCommit.add(outermost);
	outermost.on('complete', () => {
		for (const listener of listeners) listener(db);
	});
}

export async function recordLocalChange(
	db: LocalDb,
	change: LocalChange,
	now = new Date(),
	newId = () => crypto.randomUUID()
): Promise<void> {
	const op = change.op ?? 'upsert';
	const table = db.records(change.entity);
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		tellOnCommit(db);
		const writeSeq = await nextWriteSeq(db);
		const current = await table.get(change.id);
		const baseVersion = current?.version ?? 0;
		if (op === 'delete') await table.delete(change.id);
		else await table.put({ ...(current ?? {}), ...change.data, id: change.id, version: baseVersion } as LocalRecord);

		const latest = await db.outbox
			.where('[entity+recordId]')
			.equals([change.entity, change.id])
			.filter((e) => e.userId === change.userId)
			.last();
		if (latest && latest.status === 'pending' && latest.sentAt === null) {
			// Folded: the entry now carries this write, and so this write's place in the order.
			await db.outbox.update(latest.seq!, { op, data: change.data, createdAt: now.toISOString(), writeSeq });
			return;
		}
		if (latest && latest.status === 'rejected') {
			// A new version of a refused record replaces the refused one (which the server never
			// applied) and goes out as a new mutation: correcting it in the visit sends it again.
			await db.outbox.update(latest.seq!, {
				op,
				data: change.data,
				createdAt: now.toISOString(),
				writeSeq,
				status: 'pending',
				errors: null,
				sentAt: null,
				mutationId: newId()
			});
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
			errors: null,
			writeSeq
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

export async function outboxCounts(
	db: LocalDb,
	userId: string | null
): Promise<{ pending: number; rejected: number; otherUsers: number }> {
	const all = await db.outbox.toArray();
	return {
		pending: all.filter((e) => e.userId === userId && e.status === 'pending').length,
		rejected: all.filter((e) => e.userId === userId && e.status === 'rejected').length,
		otherUsers: all.filter((e) => e.userId !== userId).length
	};
}

/**
 * The refusals of the earlier submission lock, which refused the people, referrals and photos of a
 * visit submitted offline because the folded submission reached the server before them. The
 * server now accepts what the device recorded before the submission: such entries go out again by
 * themselves, once, and stay on the Sync screen until applied.
 */
export async function requeueRefusedByOldLock(
	db: LocalDb,
	userId: string,
	newId = () => crypto.randomUUID()
): Promise<number> {
	return db.outbox
		.filter((e) => e.userId === userId && e.status === 'rejected' && !e.recovered && refusedAsSubmittedVisit(e.errors))
		.modify((entry) => {
			entry.mutationId = newId();
			entry.status = 'pending';
			entry.errors = null;
			entry.sentAt = null;
			entry.recovered = true;
		});
}

/**
 * A rejected entry, corrected by the user, goes out again as a new mutation. It keeps its place
 * in the device's order (`writeSeq`): it is the same recording, made acceptable.
 */
export async function resendRejected(
	db: LocalDb,
	seq: number,
	data: Record<string, unknown>,
	newId = () => crypto.randomUUID()
): Promise<void> {
	const entry = await db.outbox.get(seq);
	if (!entry || entry.status !== 'rejected') return;
	const table = db.records(entry.entity);
	await db.transaction('rw', [table, db.outbox], async () => {
		const current = await table.get(entry.recordId);
		await table.put({
			...(current ?? {}),
			...data,
			id: entry.recordId,
			version: current?.version ?? entry.baseVersion
		} as LocalRecord);
		await db.outbox.update(seq, { mutationId: newId(), data, sentAt: null, status: 'pending', errors: null });
	});
}
