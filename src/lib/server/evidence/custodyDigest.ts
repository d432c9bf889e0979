/**
 * The content hash that lets the audit log prove an evidence item and its chain of custody: the
 * audit entry of every write of an item or a hand-over carries the SHA-256 of the record as stored
 * (`sha256=…` in its summary, beside the ids), and the audit chain's own hashes keep those entries
 * from being changed. A row altered in the database afterwards no longer matches its last entry
 * (verifyCustody.ts). Only a hash and ids reach the log, never the description or a name.
 */
import { createHash } from 'node:crypto';
import { wireFields } from '../../domain/sync/wireFields.ts';

export type CustodyEntity = 'evidenceItem' | 'custodyTransfer';

/** The fields the hash covers: what travels, without the server's own write time. */
const hashed = (entity: CustodyEntity): readonly string[] => wireFields[entity].filter((key) => key !== 'updatedAt');

/**
 * SHA-256 (hex) of the record's content in a fixed field order, times as ISO text: the same for the
 * columns a push is about to write and for the row read back later.
 */
export function custodyDigest(entity: CustodyEntity, id: string, row: Readonly<Record<string, unknown>>): string {
	const values = hashed(entity).map((key) => {
		const value = key === 'id' ? id : row[key];
		return value instanceof Date ? value.toISOString() : (value ?? null);
	});
	return createHash('sha256')
		.update(JSON.stringify([entity, ...values]))
		.digest('hex');
}

/** What a custody write adds to its audit summary: the hash, and for a hand-over its item. */
export function custodyAuditNote(entity: CustodyEntity, id: string, row: Readonly<Record<string, unknown>>): string {
	const item = entity === 'custodyTransfer' ? ` item=${String(row.evidenceItemId)}` : '';
	return `sha256=${custodyDigest(entity, id, row)}${item}`;
}

/** The hash an audit summary carries, or null. */
export function digestInSummary(summary: string): string | null {
	return /(?:^| )sha256=([0-9a-f]{64})(?: |$)/.exec(summary)?.[1] ?? null;
}
