/**
 * Takes a checkpoint of the audit chain (checkpoints.ts) when it has grown: at start and every
 * minute while the server runs. The entries since the last checkpoint are checked first, so a
 * rewritten or cut chain is reported in the log and never checkpointed as if it were sound.
 * Entries appended since the last checkpoint can still be cut unseen: that is the window.
 */
import type { Db } from '../db/index.ts';
import { auditKey } from './key.ts';
import { appendCheckpoint, checkpointFile, lastCheckpoint, type Checkpoint } from './checkpoints.ts';
import type { ChainBreak } from '../../domain/views/admin.ts';
import { readHead, walkChain } from './verify.ts';
import { describeError } from '../errorLog.ts';
import { log } from '../log.ts';

export const CHECKPOINT_EVERY_MS = 60_000;

export type CheckpointResult = { written: Checkpoint | null } | ChainBreak;

export async function writeAuditCheckpoint(db: Db, file = checkpointFile()): Promise<CheckpointResult> {
	const key = auditKey({ create: true })!;
	const last = lastCheckpoint(file, key);
	const head = await readHead(db);
	if (last) {
		if (last.seq === head.seq && last.hash === head.hash) return { written: null };
		const broken = await sinceCheckpoint(db, last, head, key);
		if (broken) return broken;
	}
	// The first checkpoint (a new data folder) takes the chain as it is; audit:verify checks it whole.
	const written = appendCheckpoint(file, key, head);
	// A copy in the log too, for a deployment that ships its log elsewhere.
	log.info(`audit checkpoint: entry ${written.seq} ${written.hash}`);
	return { written };
}

async function sinceCheckpoint(
	db: Db,
	last: Checkpoint,
	head: { seq: number; hash: string },
	key: Buffer
): Promise<ChainBreak | null> {
	if (head.seq < last.seq) return { ok: false, checked: 0, brokenAt: head.seq + 1, reason: 'truncated' };
	if (head.seq === last.seq) return { ok: false, checked: 0, brokenAt: head.seq, reason: 'checkpoint' };
	const walked = await walkChain(db, { start: last, end: head.seq, key, keyedAfter: last.seq, checkpoints: new Map() });
	if (!walked.ok) return walked;
	if (walked.last.seq !== head.seq || walked.last.hash !== head.hash)
		return { ok: false, checked: walked.checked, brokenAt: walked.last.seq + 1, reason: 'head' };
	return null;
}

/** For the server's timer: reports a broken chain loudly, and never throws. */
export async function checkpointAudit(db: Db): Promise<void> {
	try {
		const result = await writeAuditCheckpoint(db);
		if ('ok' in result) {
			log.error(
				`AUDIT CHAIN BROKEN at entry ${result.brokenAt} (${result.reason}): no checkpoint written; run npm run audit:verify`
			);
		}
	} catch (error) {
		log.error(`audit checkpoint failed: ${describeError(error)}`);
	}
}
