/**
 * Walks the audit chain from the start and names the first entry whose hash does not follow from
 * its content and its predecessor: an edited, deleted or inserted row breaks the chain there.
 */
import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';
import { auditHash } from './log.ts';

export type ChainReport =
	| { ok: true; checked: number }
	| { ok: false; checked: number; brokenAt: number; reason: 'hash' | 'link' | 'gap' };

const PAGE = 5000;

export async function verifyAuditChain(db: Db): Promise<ChainReport> {
	let previousHash = '0'.repeat(64);
	let previousSeq = 0;
	let checked = 0;
	for (;;) {
		const rows = await db.select().from(auditLog).where(gt(auditLog.seq, previousSeq)).orderBy(asc(auditLog.seq)).limit(PAGE);
		for (const row of rows) {
			if (row.seq !== previousSeq + 1) return { ok: false, checked, brokenAt: row.seq, reason: 'gap' };
			if (row.prevHash !== previousHash) return { ok: false, checked, brokenAt: row.seq, reason: 'link' };
			const expected = auditHash(previousHash, row.seq, row.at.toISOString(), {
				userId: row.userId,
				action: row.action,
				entity: row.entity,
				recordId: row.recordId,
				summary: row.summary
			});
			if (expected !== row.hash) return { ok: false, checked, brokenAt: row.seq, reason: 'hash' };
			previousHash = row.hash;
			previousSeq = row.seq;
			checked++;
		}
		if (rows.length < PAGE) return { ok: true, checked };
	}
}
