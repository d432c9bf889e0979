/**
 * Every server writing to one database must hash the audit chain with the same key (audit/key.ts):
 * a second server that made its own `DATA_DIR/audit.key` would append entries no verifier can
 * check. The first server to start records a fingerprint of its key (a keyed hash of a constant,
 * which does not reveal the key); a server whose key gives another fingerprint refuses to start.
 * This also catches a restore started with the wrong key.
 */
import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appMeta } from '../db/schema.ts';
import { AuditKeyError } from './key.ts';

export const AUDIT_KEY_CHECK = 'audit_key_check';

export function keyFingerprint(key: Buffer): string {
	return createHmac('sha256', key).update('kontrolla audit key check').digest('hex');
}

export async function ensureAuditKeyMatches(db: Db, key: Buffer): Promise<void> {
	const fingerprint = keyFingerprint(key);
	// Two servers starting at once both insert; the second's insert does nothing and it reads the first's.
	await db.insert(appMeta).values({ key: AUDIT_KEY_CHECK, value: fingerprint }).onConflictDoNothing();
	const [stored] = await db.select().from(appMeta).where(eq(appMeta.key, AUDIT_KEY_CHECK));
	if (stored?.value !== fingerprint) {
		throw new AuditKeyError(
			'this database was written with another audit key: give this server the same AUDIT_KEY as the servers already using the database'
		);
	}
}
