/**
 * Proves an evidence item's chain of custody from the audit log: the item and each hand-over as
 * stored must hash to what the audit entry of their last write says (custodyDigest.ts), every
 * hand-over the log knows of the item must still be there, and those entries must still hold their
 * place in the audit chain (their keyed hashes, the links to the entries around them). A row
 * altered or removed in the database, or an audit entry rewritten, shows up as a named problem.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import * as s from '../db/schema.ts';
import { auditKey } from '../audit/key.ts';
import { GENESIS, readHead, walkChain, type Anchor } from '../audit/verify.ts';
import { custodyDigest, digestInSummary, type CustodyEntity } from './custodyDigest.ts';

/** What broke: a record unlike its audited content, a record without its audit, a hand-over gone, a broken entry. */
export type CustodyProblemKind = 'altered' | 'unaudited' | 'missing' | 'audit_broken';
export type CustodyProblem = { kind: CustodyProblemKind; entity: CustodyEntity; recordId: string };
export type CustodyVerification = { ok: boolean; links: number; problems: CustodyProblem[] };

type AuditRow = typeof s.auditLog.$inferSelect;

export async function verifyCustody(db: Db, itemId: string): Promise<CustodyVerification | null> {
	const [item] = await db.select().from(s.evidenceItems).where(eq(s.evidenceItems.id, itemId));
	if (!item) return null;
	const transfers = await db.select().from(s.custodyTransfers).where(eq(s.custodyTransfers.evidenceItemId, itemId));
	const transferIds = transfers.map((t) => t.id);
	const entries = await db
		.select()
		.from(s.auditLog)
		.where(
			or(
				and(eq(s.auditLog.entity, 'evidenceItem'), eq(s.auditLog.recordId, itemId)),
				and(
					eq(s.auditLog.entity, 'custodyTransfer'),
					or(
						transferIds.length ? inArray(s.auditLog.recordId, transferIds) : undefined,
						like(s.auditLog.summary, `% item=${itemId}%`)
					)
				)
			)
		)
		.orderBy(s.auditLog.seq);
	const problems: CustodyProblem[] = [];
	const check = (entity: CustodyEntity, row: { id: string; version: number }) => {
		const kind = contentProblem(
			entity,
			row,
			entries.filter((e) => e.entity === entity && e.recordId === row.id)
		);
		if (kind) problems.push({ kind, entity, recordId: row.id });
	};
	check('evidenceItem', item);
	for (const transfer of transfers) check('custodyTransfer', transfer);
	// A hand-over the log saw written for this item and the table no longer holds.
	const logged = new Set(entries.filter((e) => e.entity === 'custodyTransfer').map((e) => e.recordId!));
	for (const recordId of logged) {
		if (!transferIds.includes(recordId)) problems.push({ kind: 'missing', entity: 'custodyTransfer', recordId });
	}
	for (const entry of await brokenEntries(db, entries)) {
		problems.push({ kind: 'audit_broken', entity: entry.entity as CustodyEntity, recordId: entry.recordId! });
	}
	return { ok: problems.length === 0, links: transfers.length, problems };
}

/**
 * Whether a record matches its audit: its last audited write must carry the hash of the row as it
 * is now and its version; a hand-over's every entry the same hash (it is never changed).
 */
function contentProblem(
	entity: CustodyEntity,
	row: { id: string; version: number },
	entries: AuditRow[]
): CustodyProblemKind | null {
	const audited = entries.filter((e) => digestInSummary(e.summary) !== null);
	const last = audited.at(-1);
	if (!last) return 'unaudited';
	const digest = custodyDigest(entity, row.id, row);
	if (digestInSummary(last.summary) !== digest) return 'altered';
	if (versionIn(last.summary) !== Number(row.version)) return 'altered';
	if (entity === 'custodyTransfer' && audited.some((e) => digestInSummary(e.summary) !== digest)) return 'altered';
	return null;
}

const versionIn = (summary: string): number | null => {
	const found = /(?:^| )version=(\d+)(?: |$)/.exec(summary);
	return found ? Number(found[1]) : null;
};

/**
 * The entries that no longer hold their place in the chain: each is walked from the entry before
 * it to the one after, under the audit key (the whole chain is `npm run audit:verify`'s).
 */
async function brokenEntries(db: Db, entries: AuditRow[]): Promise<AuditRow[]> {
	if (entries.length === 0) return [];
	const key = auditKey({ create: false });
	const head = await readHead(db);
	const before = await db
		.select({ seq: s.auditLog.seq, hash: s.auditLog.hash })
		.from(s.auditLog)
		.where(
			inArray(
				s.auditLog.seq,
				entries.map((e) => e.seq - 1)
			)
		);
	const anchors = new Map<number, Anchor>(before.map((row) => [row.seq, row]));
	anchors.set(0, GENESIS);
	const broken: AuditRow[] = [];
	for (const entry of entries) {
		const start = anchors.get(entry.seq - 1);
		const end = Math.min(entry.seq + 1, head.seq);
		const walked = start
			? await walkChain(db, { start, end, key, keyedAfter: null, checkpoints: new Map() })
			: { ok: false as const };
		if (!walked.ok || walked.last.seq !== end) broken.push(entry);
	}
	return broken;
}
