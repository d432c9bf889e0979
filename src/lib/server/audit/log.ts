/**
 * The append-only audit log with a SHA-256 hash chain. Appends lock the one-row head, so the chain
 * stays linear across connections and instances; each hash covers the previous one.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';
import { firstRow } from '../db/rows.ts';
import { bulkInsert } from '../db/bulkInsert.ts';

export type AuditEntry = {
	userId: string | null;
	action: string;
	entity?: string | null;
	recordId?: string | null;
	/** Never personal data: ids, counts and field names only. */
	summary?: string;
};

export function auditHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
	const canonical = JSON.stringify([
		prevHash,
		seq,
		at,
		entry.userId ?? null,
		entry.action,
		entry.entity ?? null,
		entry.recordId ?? null,
		entry.summary ?? ''
	]);
	return createHash('sha256').update(canonical).digest('hex');
}

/** Appends inside the caller's transaction, so the entry commits or rolls back with the write. */
export async function appendAudit(tx: Db, entry: AuditEntry): Promise<void> {
	await appendAuditEntries(tx, [entry]);
}

/**
 * Appends entries in order under one lock of the head, as one multi-row insert (a batch of pushed
 * mutations writes many); each hash covers the previous one, as when appended one at a time.
 */
export async function appendAuditEntries(tx: Db, entries: AuditEntry[]): Promise<void> {
	if (entries.length === 0) return;
	const head = firstRow<{ seq: string | number; hash: string }>(
		await tx.execute(sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`)
	);
	let seq = Number(head.seq);
	let prevHash = head.hash;
	// Millisecond precision, as stored, so the verifier recomputes the same hash.
	const at = new Date();
	const rows = entries.map((entry) => {
		seq += 1;
		const hash = auditHash(prevHash, seq, at.toISOString(), entry);
		const row = {
			seq,
			at,
			userId: entry.userId,
			action: entry.action,
			entity: entry.entity ?? null,
			recordId: entry.recordId ?? null,
			summary: entry.summary ?? '',
			prevHash,
			hash
		};
		prevHash = hash;
		return row;
	});
	await bulkInsert(tx, auditLog, rows);
	await tx.execute(sql`UPDATE audit_head SET seq = ${seq}, hash = ${prevHash} WHERE id = 1`);
}

/** For writes not otherwise in a transaction (sign-ins, exports, views). */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
	await db.transaction((tx) => appendAudit(tx as unknown as Db, entry));
}
