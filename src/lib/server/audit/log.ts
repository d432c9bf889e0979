/**
 * The append-only audit log with a keyed hash chain. Appends lock the one-row head, so the chain
 * stays linear across connections and instances; each hash covers the previous one.
 *
 * Each hash is an HMAC under a key kept outside the database (key.ts): whoever can rewrite the table
 * cannot recompute the hashes after an edit, as they could with plain SHA-256. A keyed hash carries
 * its version (`k1:`); a bare 64-hex hash is a plain SHA-256 entry written before the key existed,
 * which the verifier still accepts, but only before the first keyed entry.
 */
import { createHash, createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog } from '../db/schema.ts';
import { firstRow } from '../db/rows.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import { auditKey, AuditKeyError } from './key.ts';

export type AuditEntry = {
	userId: string | null;
	action: string;
	entity?: string | null;
	recordId?: string | null;
	/** Never personal data: ids, counts and field names only. */
	summary?: string;
};

export const KEYED_PREFIX = 'k1:';
export const GENESIS_HASH = '0'.repeat(64);

export const isKeyedHash = (hash: string): boolean => hash.startsWith(KEYED_PREFIX);

function canonical(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
	return JSON.stringify([
		prevHash,
		seq,
		at,
		entry.userId ?? null,
		entry.action,
		entry.entity ?? null,
		entry.recordId ?? null,
		entry.summary ?? ''
	]);
}

/** The hash of an entry written before the chain was keyed (plain SHA-256). */
export function legacyAuditHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
	return createHash('sha256')
		.update(canonical(prevHash, seq, at, entry))
		.digest('hex');
}

export function keyedAuditHash(key: Buffer, prevHash: string, seq: number, at: string, entry: AuditEntry): string {
	return (
		KEYED_PREFIX +
		createHmac('sha256', key)
			.update(canonical(prevHash, seq, at, entry))
			.digest('hex')
	);
}

/** The hash an entry gets now: keyed with this server's audit key. */
export function auditHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
	return keyedAuditHash(serverKey(), prevHash, seq, at, entry);
}

function serverKey(): Buffer {
	const key = auditKey({ create: true });
	if (!key) throw new AuditKeyError('no audit key');
	return key;
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
	const key = serverKey();
	// Millisecond precision, as stored, so the verifier recomputes the same hash.
	const at = new Date();
	const rows = entries.map((entry) => {
		seq += 1;
		const hash = keyedAuditHash(key, prevHash, seq, at.toISOString(), entry);
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
	await db.transaction((tx) => appendAudit(tx, entry));
}
