/**
 * One sync round: push the outbox (oldest first, one mutation per record per request so a record's
 * later edit is based on the version its earlier edit produced), upload the photos whose records
 * the server has, then pull pages until none is left. Pure orchestration over the local store and
 * the transport; the scheduler decides when it runs.
 */
import type { LocalDb, LocalRecord, OutboxEntry } from '../db.ts';
import { entityTableNames } from '../db.ts';
import { MAX_MUTATIONS_PER_PUSH, type Change, type Mutation, type MutationResult } from '../../domain/sync/wire.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import { pendingEntries, requeueRefusedByOldLock } from './outbox.ts';
import { SyncTransport, SyncHttpError } from './transport.ts';
import { CURSOR_KEY, dropPulledRecords, finishStartingOver } from './startOver.ts';

/** At most this many mutations per push: the server's limit (MAX_MUTATIONS_PER_PUSH). */
export const PUSH_BATCH = MAX_MUTATIONS_PER_PUSH;
/**
 * And at most about this many bytes of record data, so a push stays well inside the server's
 * request size limit (adapter-node's default is 512 KiB) and a dropped connection on a slow
 * network loses little. Each request costs the server a session check, a transaction and its
 * bookkeeping statements, so fewer, larger pushes send a backlog several times faster.
 */
export const PUSH_BYTES = 256 * 1024;
/** The server's largest page (pullQuerySchema): fewer round trips on a first pull. */
export const PULL_PAGE = 2000;

/** Whether this device has pulled before (a first pull has nothing on screen to wait for). */
export async function hasPulled(db: LocalDb): Promise<boolean> {
	return Boolean((await db.syncState.get(CURSOR_KEY))?.value);
}

export type SyncReport = { pushed: number; rejected: number; conflicts: number; pulled: number; uploaded: number };

export class SyncEngine {
	/** How much one push carries; smaller in tests that split a visit over several pushes. */
	pushLimits = { mutations: PUSH_BATCH, bytes: PUSH_BYTES };

	constructor(
		private db: LocalDb,
		private transport: SyncTransport,
		private deviceId: string,
		private userId: string,
		private now = () => new Date()
	) {}

	async run(): Promise<SyncReport> {
		const report: SyncReport = { pushed: 0, rejected: 0, conflicts: 0, pulled: 0, uploaded: 0 };
		await requeueRefusedByOldLock(this.db, this.userId);
		await this.push(report);
		await this.uploadPhotos(report);
		await this.pull(report);
		return report;
	}

	private async push(report: SyncReport): Promise<void> {
		for (;;) {
			const batch = nextBatch(
				oneForEachRecord(await pendingEntries(this.db, this.userId)),
				(entry) => entry.data,
				this.pushLimits
			);
			if (batch.length === 0) return;
			const sentAt = this.now().toISOString();
			await this.db.outbox.bulkUpdate(
				batch.filter((e) => !e.sentAt).map((e) => ({ key: e.seq!, changes: { sentAt } }))
			);
			const mutations: Mutation[] = batch.map((e) => ({
				mutationId: e.mutationId,
				entity: e.entity,
				op: e.op,
				id: e.recordId,
				baseVersion: e.baseVersion,
				data: e.data,
				...(e.writeSeq ? { deviceSeq: e.writeSeq } : {})
			}));
			const { results } = await this.transport.push(this.deviceId, mutations, await this.db.outbox.count());
			const byMutation = new Map(results.map((r) => [r.mutationId, r]));
			let settled = 0;
			for (const entry of batch) {
				const result = byMutation.get(entry.mutationId);
				if (result) {
					await this.settle(entry, result, report);
					settled++;
				}
			}
			if (settled === 0) throw new SyncHttpError('server', 'the server answered none of the changes sent');
		}
	}

	/** Applies the server's answer to one mutation in one transaction with the outbox. */
	private async settle(entry: OutboxEntry, result: MutationResult, report: SyncReport): Promise<void> {
		const table = this.db.records(entry.entity);
		await this.db.transaction('rw', [table, this.db.outbox, this.db.conflicts], async () => {
			if (result.status === 'rejected') {
				await this.db.outbox.update(entry.seq!, { status: 'rejected', errors: result.errors ?? [] });
				report.rejected++;
				return;
			}
			await this.db.outbox.delete(entry.seq!);
			const version = result.version ?? 0;
			// Later edits of the same record were made on top of this one: they now build on its version.
			await this.db.outbox
				.where('[entity+recordId]')
				.equals([entry.entity, entry.recordId])
				.modify((later) => {
					later.baseVersion = version;
				});
			const local = await table.get(entry.recordId);
			if (result.status === 'conflict' && result.server) {
				await this.db.conflicts.add({
					entity: entry.entity,
					recordId: entry.recordId,
					fields: result.conflicts ?? [],
					device: entry.data ?? {},
					server: result.server,
					serverVersion: version,
					at: this.now().toISOString()
				});
				await table.put({ ...(local ?? {}), ...result.server, id: entry.recordId, version });
				report.conflicts++;
			} else if (local && entry.op !== 'delete') {
				await table.update(entry.recordId, { version });
			}
			report.pushed++;
		});
	}

	private async uploadPhotos(report: SyncReport): Promise<void> {
		const waiting = await this.db.photos.filter((p) => p.uploadedAt === null && p.uploadError === null).toArray();
		for (const photo of waiting) {
			// The record must reach the server first: the upload is checked against it.
			const unsent = await this.db.outbox.where('[entity+recordId]').equals(['attachment', photo.id]).count();
			if (unsent > 0) continue;
			try {
				await this.transport.upload(photo.id, photo.blob, photo.sha256, photo.mime);
				await this.db.photos.update(photo.id, { uploadedAt: this.now().toISOString() });
				report.uploaded++;
			} catch (error) {
				if (!(error instanceof SyncHttpError) || error.kind !== 'client') throw error;
				await this.db.photos.update(photo.id, { uploadError: error.message });
			}
		}
	}

	/**
	 * Pages are fetched one ahead: the next page travels and is read on the server while this one
	 * is written to IndexedDB, so a first pull takes about the longer of the two, not their sum.
	 * The cursor still advances only with a page written.
	 */
	private async pull(report: SyncReport): Promise<void> {
		const outboxSize = await this.db.outbox.count();
		const fetchPage = (cursor: string) => {
			const request = this.transport.pull(cursor, PULL_PAGE, outboxSize);
			// Awaited below; until then a failure must not count as unhandled.
			request.catch(() => {});
			return request;
		};
		let next = fetchPage(((await this.db.syncState.get(CURSOR_KEY))?.value as string | undefined) ?? '');
		let startedOver = false;
		for (;;) {
			let page;
			try {
				page = await next;
			} catch (error) {
				// The feed was pruned past the cursor: deletions may be missing from it, so what was
				// pulled goes and the pull starts from empty (startOver.ts). Once a round: a second
				// 410 waits for the next round rather than looping here.
				if (error instanceof SyncHttpError && error.kind === 'gone' && !startedOver) {
					startedOver = true;
					await dropPulledRecords(this.db);
					next = fetchPage('');
					continue;
				}
				throw error;
			}
			if (page.hasMore) next = fetchPage(page.cursor);
			await this.applyPage(page.changes, page.cursor);
			report.pulled += page.changes.length;
			if (!page.hasMore) return finishStartingOver(this.db);
		}
	}

	/**
	 * A page and its cursor land together; a record with unsent local changes is not overwritten.
	 * Written table by table in bulk: one put per row made a first pull of a national register take
	 * tens of seconds.
	 */
	private async applyPage(changes: Change[], cursor: string): Promise<void> {
		const entities = [...new Set(changes.map((c) => c.entity))];
		const tables = entities.map((e) => this.db.table(entityTableNames[e]));
		await this.db.transaction('rw', [...tables, this.db.outbox, this.db.syncState], async () => {
			const waiting = new Set((await this.db.outbox.toArray()).map((entry) => `${entry.entity}:${entry.recordId}`));
			// The last change of a record in the page wins, as applying them in order would.
			const latest = new Map<string, Change>();
			for (const change of changes) {
				const key = `${change.entity}:${change.id}`;
				if (!waiting.has(key)) latest.set(key, change);
			}
			for (const entity of entities) {
				const ofEntity = [...latest.values()].filter((c) => c.entity === entity);
				const table = this.db.records(entity as SyncEntity);
				const removed = ofEntity.filter((c) => c.op === 'delete').map((c) => c.id);
				const kept = ofEntity
					.filter((c) => c.op !== 'delete')
					.map((c) => ({ ...c.data, id: c.id, version: c.version }) as LocalRecord);
				if (removed.length) await table.bulkDelete(removed);
				if (kept.length) await table.bulkPut(kept);
			}
			await this.db.syncState.put({ key: CURSOR_KEY, value: cursor });
		});
	}
}

/** The first items, oldest first, up to PUSH_BATCH of them and about PUSH_BYTES of data (always one). */
export function nextBatch<T>(
	items: readonly T[],
	dataOf: (item: T) => unknown,
	limits = { mutations: PUSH_BATCH, bytes: PUSH_BYTES }
): T[] {
	let bytes = 0;
	let count = 0;
	for (const item of items) {
		if (count === limits.mutations) break;
		bytes += JSON.stringify(dataOf(item) ?? null).length;
		if (count > 0 && bytes > limits.bytes) break;
		count++;
	}
	return items.slice(0, count);
}

function oneForEachRecord(entries: OutboxEntry[]): OutboxEntry[] {
	const seen = new Set<string>();
	return entries.filter((e) => {
		const key = `${e.entity}:${e.recordId}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
