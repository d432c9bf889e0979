/**
 * Walks the audit chain from the start and names the first entry whose hash does not follow from
 * its content and its predecessor: an edited, deleted or inserted row breaks the chain there.
 *
 * The chain alone cannot show rows cut from its end (with the head moved back) or a rewrite whose
 * hashes were all recomputed. So the last entry must be the one `audit_head` names, keyed entries
 * must be HMACs under the key kept outside the database, no plain entry may follow a keyed one or
 * the first checkpoint, and every checkpoint written outside the database (checkpoints.ts) must
 * still be in the chain.
 */
import { and, asc, gt, lte } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';
import { firstRow } from '../db/rows.ts';
import { GENESIS_HASH, isKeyedHash, keyedAuditHash, legacyAuditHash } from './log.ts';
import { auditKey } from './key.ts';
import { checkpointFile, readCheckpoints } from './checkpoints.ts';
import type { ChainBreak, ChainReason, ChainReport } from '../../domain/views/admin.ts';

export type Anchor = { seq: number; hash: string };

export const GENESIS: Anchor = { seq: 0, hash: GENESIS_HASH };

const PAGE = 5000;

export type VerifyOptions = {
	/** Default: this server's key, never a new one. */
	key?: Buffer | null;
	/** Default: the checkpoint file in DATA_DIR; null checks none. */
	checkpointFile?: string | null;
};

export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainReport> {
	const key = options.key !== undefined ? options.key : auditKey({ create: false });
	const file = options.checkpointFile !== undefined ? options.checkpointFile : checkpointFile();
	// Checkpoints before the head: every one read was written before the head read, so none may be past it.
	const read = file ? readCheckpoints(file, key) : { ok: true as const, checkpoints: [] };
	if (!read.ok) return { ok: false, checked: 0, brokenAt: read.seq, reason: 'checkpoint' };
	const seen = new Map<number, string>();
	for (const checkpoint of read.checkpoints) {
		const earlier = seen.get(checkpoint.seq);
		if (earlier !== undefined && earlier !== checkpoint.hash)
			return { ok: false, checked: 0, brokenAt: checkpoint.seq, reason: 'checkpoint' };
		seen.set(checkpoint.seq, checkpoint.hash);
	}
	if (seen.has(0) && seen.get(0) !== GENESIS_HASH) return { ok: false, checked: 0, brokenAt: 0, reason: 'checkpoint' };
	const head = await readHead(db);
	const keyedAfter = seen.size ? Math.min(...seen.keys()) : null;
	const walked = await walkChain(db, { start: GENESIS, end: head.seq, key, keyedAfter, checkpoints: seen });
	if (!walked.ok) return walked;
	if (walked.last.seq !== head.seq || walked.last.hash !== head.hash) {
		return { ok: false, checked: walked.checked, brokenAt: walked.last.seq + 1, reason: 'head' };
	}
	if (seen.size && Math.max(...seen.keys()) > head.seq) {
		return { ok: false, checked: walked.checked, brokenAt: head.seq + 1, reason: 'truncated' };
	}
	return { ok: true, checked: walked.checked, checkpoints: seen.size };
}

export async function readHead(db: Db): Promise<Anchor> {
	const head = firstRow<{ seq: string | number; hash: string }>(
		await db.execute(sql`SELECT seq, hash FROM audit_head WHERE id = 1`)
	);
	return { seq: Number(head.seq), hash: head.hash };
}

type Walk = {
	/** The entry before the first one walked, taken as sound. */
	start: Anchor;
	/** The last entry walked (the head's). */
	end: number;
	key: Buffer | null;
	/** Entries after this one must be keyed (the first checkpoint: the key existed by then). */
	keyedAfter: number | null;
	checkpoints: ReadonlyMap<number, string>;
};

/** Checks the entries after `start` up to `end`; `last` is the last one found (rows may end early). */
export async function walkChain(db: Db, walk: Walk): Promise<{ ok: true; checked: number; last: Anchor } | ChainBreak> {
	let previous = walk.start;
	let sawKeyed = isKeyedHash(previous.hash);
	let checked = 0;
	const broken = (brokenAt: number, reason: ChainReason): ChainBreak => ({ ok: false, checked, brokenAt, reason });
	for (;;) {
		const rows = await db
			.select()
			.from(auditLog)
			.where(and(gt(auditLog.seq, previous.seq), lte(auditLog.seq, walk.end)))
			.orderBy(asc(auditLog.seq))
			.limit(PAGE);
		for (const row of rows) {
			if (row.seq !== previous.seq + 1) return broken(row.seq, 'gap');
			if (row.prevHash !== previous.hash) return broken(row.seq, 'link');
			const keyed = isKeyedHash(row.hash);
			if (keyed && !walk.key) return broken(row.seq, 'key');
			if (!keyed && (sawKeyed || (walk.keyedAfter !== null && row.seq > walk.keyedAfter)))
				return broken(row.seq, 'unkeyed');
			const entry = {
				userId: row.userId,
				action: row.action,
				entity: row.entity,
				recordId: row.recordId,
				summary: row.summary
			};
			const at = row.at.toISOString();
			const expected = keyed
				? keyedAuditHash(walk.key!, previous.hash, row.seq, at, entry)
				: legacyAuditHash(previous.hash, row.seq, at, entry);
			if (expected !== row.hash) return broken(row.seq, 'hash');
			const seenByCheckpoint = walk.checkpoints.get(row.seq);
			if (seenByCheckpoint !== undefined && seenByCheckpoint !== row.hash) return broken(row.seq, 'checkpoint');
			sawKeyed ||= keyed;
			previous = { seq: row.seq, hash: row.hash };
			checked++;
		}
		if (rows.length < PAGE) return { ok: true, checked, last: previous };
	}
}
