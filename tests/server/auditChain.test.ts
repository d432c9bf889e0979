import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import type { Database, Db } from '../../src/lib/server/db/index.ts';
import { auditLog } from '../../src/lib/server/db/schema.ts';
import { audit, GENESIS_HASH, keyedAuditHash, legacyAuditHash } from '../../src/lib/server/audit/log.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';
import { auditKey, readAuditKey } from '../../src/lib/server/audit/key.ts';
import { appendCheckpoint, checkpointFile } from '../../src/lib/server/audit/checkpoints.ts';
import { writeAuditCheckpoint } from '../../src/lib/server/audit/checkpointer.ts';
import { auditQuerySchema, searchAudit } from '../../src/lib/server/audit/search.ts';

// The key and the checkpoints live in DATA_DIR: a folder of this file's own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-audit-'));
process.env.DATA_DIR = dataDir;
delete process.env.AUDIT_KEY;

let database: Database;
/** A second database whose chain each test below starts anew. */
let scratch: Database;

beforeAll(async () => {
	database = await openTestDatabase();
	scratch = await openTestDatabase();
	for (let i = 0; i < 12; i++)
		await audit(database.db, {
			userId: null,
			action: 'test.entry',
			entity: 'test',
			recordId: String(i),
			summary: `n=${i}`
		});
});
afterAll(async () => {
	await database?.close();
	await scratch?.close();
});

async function emptyChain(): Promise<Db> {
	await scratch.db.execute(sql`DELETE FROM audit_log`);
	await moveHead(scratch.db, 0, GENESIS_HASH);
	return scratch.db;
}

describe(`the audit chain on ${testEngine}`, () => {
	it('verifies when nothing was touched', async () => {
		expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 12, checkpoints: 0 });
	});

	it('keeps its order when many writers append at once', async () => {
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				audit(database.db, { userId: null, action: 'test.concurrent', summary: `c=${i}` })
			)
		);
		expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 32, checkpoints: 0 });
	});

	it('names the first edited entry', async () => {
		await database.db.execute(sql`UPDATE audit_log SET summary = 'n=forged' WHERE seq = 5`);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 5, reason: 'hash' });
		await database.db.execute(sql`UPDATE audit_log SET summary = 'n=4' WHERE seq = 5`);
		expect((await verifyAuditChain(database.db)).ok).toBe(true);
	});

	it('names the entry after a deleted one', async () => {
		await database.db.execute(sql`DELETE FROM audit_log WHERE seq = 8`);
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 9, reason: 'gap' });
	});
});

/**
 * A chain of `entries` entries on a database of its own, checkpointed as the server does: once at
 * its start and once after the entries (the minute's timer).
 */
async function checkpointedChain(entries: number): Promise<{ db: Db; file: string }> {
	const db = await emptyChain();
	const file = path.join(fs.mkdtempSync(path.join(dataDir, 'cp-')), 'audit-checkpoints.jsonl');
	await writeAuditCheckpoint(db, file);
	for (let i = 1; i <= entries; i++)
		await audit(db, { userId: null, action: 'test.entry', entity: 'test', recordId: String(i), summary: `n=${i}` });
	expect(await writeAuditCheckpoint(db, file)).toMatchObject({ written: { seq: entries } });
	return { db, file };
}

type Row = typeof auditLog.$inferSelect;
const rowsOf = (db: Db): Promise<Row[]> => db.select().from(auditLog).orderBy(auditLog.seq);
const entryOf = (row: Row) => ({
	userId: row.userId,
	action: row.action,
	entity: row.entity,
	recordId: row.recordId,
	summary: row.summary
});

async function moveHead(db: Db, seq: number, hash: string): Promise<void> {
	await db.execute(sql`UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE id = 1`);
}

/**
 * What someone with the database but without the key can do: edit entry `from` and write every
 * hash from there on again, chained, with `hash` (plain SHA-256 as before the key, or a key of their own).
 */
async function rewriteFrom(db: Db, from: number, hash: typeof legacyAuditHash): Promise<void> {
	const rows = await rowsOf(db);
	let previous = from === 1 ? GENESIS_HASH : rows.find((r) => r.seq === from - 1)!.hash;
	for (const row of rows.filter((r) => r.seq >= from)) {
		const entry = { ...entryOf(row), summary: row.seq === from ? 'n=forged' : row.summary };
		const rewritten = hash(previous, row.seq, row.at.toISOString(), entry);
		await db.execute(
			sql`UPDATE audit_log SET summary = ${entry.summary}, prev_hash = ${previous}, hash = ${rewritten} WHERE seq = ${row.seq}`
		);
		previous = rewritten;
	}
	await moveHead(db, rows.at(-1)!.seq, previous);
}

describe(`the audit chain's anchors outside the database on ${testEngine}`, () => {
	it('verifies an intact chain against its checkpoints', async () => {
		const { db, file } = await checkpointedChain(10);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toEqual({ ok: true, checked: 10, checkpoints: 2 });
		expect((await rowsOf(db)).every((row) => row.hash.startsWith('k1:'))).toBe(true);
	});

	it('sees the last entries deleted when the head was left as it was', async () => {
		const { db, file } = await checkpointedChain(10);
		await db.execute(sql`DELETE FROM audit_log WHERE seq > 7`);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 8,
			reason: 'head'
		});
		// Without the checkpoints too: the head alone shows it.
		expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({
			ok: false,
			brokenAt: 8,
			reason: 'head'
		});
	});

	it('sees the last entries deleted with the head moved back to the new last entry', async () => {
		const { db, file } = await checkpointedChain(10);
		const seventh = (await rowsOf(db)).find((r) => r.seq === 7)!;
		await db.execute(sql`DELETE FROM audit_log WHERE seq > 7`);
		await moveHead(db, 7, seventh.hash);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 8,
			reason: 'truncated'
		});
		// The server's next checkpoint refuses to take the cut chain as sound.
		expect(await writeAuditCheckpoint(db, file)).toMatchObject({ ok: false, reason: 'truncated' });
	});

	it('sees the head entry deleted with the head updated', async () => {
		const { db, file } = await checkpointedChain(10);
		const ninth = (await rowsOf(db)).find((r) => r.seq === 9)!;
		await db.execute(sql`DELETE FROM audit_log WHERE seq = 10`);
		await moveHead(db, 9, ninth.hash);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 10,
			reason: 'truncated'
		});
	});

	it('sees an entry rewritten with every later hash recomputed with plain SHA-256', async () => {
		const { db, file } = await checkpointedChain(10);
		await rewriteFrom(db, 5, legacyAuditHash);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 5,
			reason: 'unkeyed'
		});
		// The keyed entries before it show it without any checkpoint.
		expect(await verifyAuditChain(db, { checkpointFile: null })).toMatchObject({
			ok: false,
			brokenAt: 5,
			reason: 'unkeyed'
		});
		expect(await writeAuditCheckpoint(db, file)).toMatchObject({ ok: false });
	});

	it('sees the whole chain rewritten with plain SHA-256 from its first entry', async () => {
		const { db, file } = await checkpointedChain(10);
		await rewriteFrom(db, 1, legacyAuditHash);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 1,
			reason: 'unkeyed'
		});
	});

	it('sees an entry rewritten with every later hash recomputed under a guessed key', async () => {
		const { db, file } = await checkpointedChain(10);
		const guessed = Buffer.from('x'.repeat(64));
		await rewriteFrom(db, 5, (prev, seq, at, entry) => keyedAuditHash(guessed, prev, seq, at, entry));
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 5,
			reason: 'hash'
		});
	});

	it('refuses a checkpoint file with a line not signed with the key', async () => {
		const { db, file } = await checkpointedChain(4);
		appendCheckpoint(file, Buffer.from('y'.repeat(64)), { seq: 2, hash: (await rowsOf(db))[1]!.hash });
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({ ok: false, reason: 'checkpoint' });
	});

	it('cannot check keyed entries without the key, and says so', async () => {
		const { db, file } = await checkpointedChain(3);
		expect(await verifyAuditChain(db, { checkpointFile: file, key: null })).toMatchObject({
			ok: false,
			brokenAt: 1,
			reason: 'key'
		});
	});

	it('still verifies entries written before the key, followed by keyed ones', async () => {
		const db = await emptyChain();
		// As the earlier release wrote them: plain SHA-256, no checkpoints.
		let previous = GENESIS_HASH;
		const at = new Date('2026-01-05T10:00:00.000Z');
		for (let seq = 1; seq <= 5; seq++) {
			const entry = {
				userId: null,
				action: 'test.before_key',
				entity: 'test',
				recordId: String(seq),
				summary: `old=${seq}`
			};
			const hash = legacyAuditHash(previous, seq, at.toISOString(), entry);
			await db.insert(auditLog).values({ seq, at, ...entry, prevHash: previous, hash });
			previous = hash;
		}
		await moveHead(db, 5, previous);
		expect(await verifyAuditChain(db, { checkpointFile: null })).toEqual({ ok: true, checked: 5, checkpoints: 0 });
		// The upgraded server starts: a checkpoint of the plain chain, then keyed entries.
		const file = path.join(fs.mkdtempSync(path.join(dataDir, 'cp-')), 'audit-checkpoints.jsonl');
		await writeAuditCheckpoint(db, file);
		for (let i = 0; i < 3; i++) await audit(db, { userId: null, action: 'test.after_key' });
		await writeAuditCheckpoint(db, file);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toEqual({ ok: true, checked: 8, checkpoints: 2 });
		// A plain entry after the key's first checkpoint is one recomputed without the key.
		await rewriteFrom(db, 6, legacyAuditHash);
		expect(await verifyAuditChain(db, { checkpointFile: file })).toMatchObject({
			ok: false,
			brokenAt: 6,
			reason: 'unkeyed'
		});
	});

	it('checkpoints only a grown chain', async () => {
		const { db, file } = await checkpointedChain(2);
		expect(await writeAuditCheckpoint(db, file)).toEqual({ written: null });
		await audit(db, { userId: null, action: 'test.more' });
		expect(await writeAuditCheckpoint(db, file)).toMatchObject({ written: { seq: 3 } });
		expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(3);
	});
});

describe(`the audit search on ${testEngine}`, () => {
	it('finds actions by their start, taking `_`, `%` and a backslash as themselves', async () => {
		const db = await emptyChain();
		for (const action of [
			'auth.sign_in',
			'auth.sign_in_failed',
			'auth.signXin',
			'auth.sign_out',
			'test.100%',
			'test.1000',
			'test.a\\b',
			'test.axb'
		]) {
			await audit(db, { userId: null, action });
		}
		const actions = async (action: string) =>
			(await searchAudit(db, auditQuerySchema.parse({ action }))).entries.map((e) => e.action).sort();
		expect(await actions('auth.sign_in')).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
		expect(await actions('AUTH.SIGN_')).toEqual(['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out']);
		expect(await actions('test.100%')).toEqual(['test.100%']);
		expect(await actions('test.a\\')).toEqual(['test.a\\b']);
	});
});

describe('the audit key', () => {
	it('is made on first use in DATA_DIR, readable by the server only, and read back after', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-key-'));
		const env = { DATA_DIR: dir };
		expect(readAuditKey(env, false)).toBeNull();
		const made = readAuditKey(env, true)!;
		expect(made.length).toBeGreaterThanOrEqual(32);
		expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
		expect(readAuditKey(env, true)!.equals(made)).toBe(true);
		expect(readAuditKey(env, false)!.equals(made)).toBe(true);
	});

	it('comes from AUDIT_KEY when set, and must not be short', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-key-'));
		expect(readAuditKey({ DATA_DIR: dir, AUDIT_KEY: 'k'.repeat(40) }, true)!.toString()).toBe('k'.repeat(40));
		expect(fs.existsSync(path.join(dir, 'audit.key'))).toBe(false);
		expect(() => readAuditKey({ DATA_DIR: dir, AUDIT_KEY: 'short' }, true)).toThrow(/at least 32/);
	});

	it('of this process is the one in DATA_DIR, and the checkpoints go beside it', () => {
		expect(auditKey()!.toString()).toBe(fs.readFileSync(path.join(dataDir, 'audit.key'), 'utf8').trim());
		expect(checkpointFile()).toBe(path.join(dataDir, 'audit-checkpoints.jsonl'));
	});
});
