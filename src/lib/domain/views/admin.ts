/**
 * What the admin's audit screen shows: one page of the audit log, and the chain check's report
 * (server/audit/search.ts, server/audit/verify.ts).
 */

export type AuditEntryView = {
	seq: number;
	/** ISO time. */
	at: string;
	/** Null for entries no signed-in user made (failed sign-ins, the server's own). */
	username: string | null;
	action: string;
	entity: string | null;
	recordId: string | null;
	summary: string;
	hash: string;
};

/** Newest first; `nextBefore` is the `before` of the next (older) page, null on the last. */
export type AuditPage = { entries: AuditEntryView[]; nextBefore: number | null };

/**
 * hash: the entry's content does not match its hash; link: it does not point to the entry before;
 * gap: entries before it are missing; unkeyed: a plain SHA-256 entry where only keyed ones may be
 * (recomputed by someone without the key); key: keyed entries but no key to check them; head: the
 * chain does not end at the entry `audit_head` names; truncated: entries a checkpoint saw are gone;
 * checkpoint: an entry differs from what a checkpoint saw, or the checkpoint file was tampered with.
 */
export type ChainReason = 'hash' | 'link' | 'gap' | 'unkeyed' | 'key' | 'head' | 'truncated' | 'checkpoint';

export type ChainBreak = { ok: false; checked: number; brokenAt: number; reason: ChainReason };
export type ChainReport = { ok: true; checked: number; checkpoints: number } | ChainBreak;

/**
 * A nationality written as free text before the codes that nothing could read as a country, with
 * how many persons carry it (server/nationality/mappings.ts): what the admin maps to a code.
 */
export type UnmappedNationality = { written: string; persons: number };
