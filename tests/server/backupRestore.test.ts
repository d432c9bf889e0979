/**
 * `npm run backup` and `npm run restore`, run as an operator runs them, on this run's engine: the
 * demo world with photos is backed up, restored into a new database, and must come back identical —
 * every table's rows, the audit chain (`npm run audit:verify`), every photo's bytes. A restore into
 * a database in use, or of a damaged archive, is refused and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { testEngine } from '../support/database.ts';
import { engineTarget, type EngineTarget } from '../support/engineTarget.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { rowsOf } from '../../src/lib/server/db/rows.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { seedDemoData } from '../../src/lib/server/demo/index.ts';
import { diskStore } from '../../src/lib/server/storage/diskStore.ts';
import { BYTE_STORE_TABLES, postgresStore } from '../../src/lib/server/storage/postgresStore.ts';
import type { ByteStore } from '../../src/lib/server/storage/byteStore.ts';
import { backupTables } from '../../src/lib/server/backup/catalog.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';

// The backed-up system's key: the restored one is checked with the same (it is not in the archive).
const AUDIT_KEY = randomBytes(32).toString('hex');
process.env.AUDIT_KEY = AUDIT_KEY;

const storeOf = (target: EngineTarget, database: Database): ByteStore =>
	database.engine === 'postgres'
		? postgresStore(database.db)
		: diskStore(path.join(target.env.DATA_DIR!, 'attachments'));

function run(script: string, target: EngineTarget, ...args: string[]) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
		env: { ...process.env, ...target.env, AUDIT_KEY },
		encoding: 'utf8',
		timeout: 240_000
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Each table's rows, in key order, as PostgreSQL prints them: equal digests, equal tables. */
async function digests(database: Database): Promise<Map<string, { rows: number; sha256: string }>> {
	const result = new Map<string, { rows: number; sha256: string }>();
	for (const table of await backupTables(database.db, BYTE_STORE_TABLES)) {
		const order = table.primaryKey.map((c) => `"${c}"`).join(', ') || '1';
		const rows = rowsOf<{ row: string }>(
			await database.db.execute(sql.raw(`select to_jsonb(t)::text as row from "${table.name}" t order by ${order}`))
		).map((r) => r.row);
		result.set(table.name, { rows: rows.length, sha256: createHash('sha256').update(rows.join('\n')).digest('hex') });
	}
	return result;
}

describe(`backup and restore on ${testEngine}`, () => {
	let source: EngineTarget;
	const targets: EngineTarget[] = [];
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-backup-'));
	const archive = path.join(folder, 'kontrolla.tar.gz');
	const photos: { sha256: string; bytes: Buffer }[] = [];
	let before: Map<string, { rows: number; sha256: string }>;

	beforeAll(async () => {
		source = await engineTarget();
		const database = await source.open();
		try {
			await seedDemoData(database.db, { now: new Date('2026-12-03T12:00:00Z') });
			// Two photos on a demo visit, one of several store chunks, stored as an upload stores them.
			const [visit] = await database.db.select({ id: s.inspections.id }).from(s.inspections).limit(1);
			const store = storeOf(source, database);
			for (const size of [600 * 1024, 3000]) {
				const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(size)]);
				const sha256 = createHash('sha256').update(bytes).digest('hex');
				await store.put(sha256, bytes);
				await database.db.insert(s.attachments).values({
					id: crypto.randomUUID(),
					inspectionId: visit!.id,
					sha256,
					mime: 'image/jpeg',
					size: bytes.length,
					caption: 'door',
					takenAt: new Date('2026-12-01T21:00:00Z'),
					storedAt: new Date('2026-12-01T22:00:00Z')
				});
				photos.push({ sha256, bytes });
			}
			before = await digests(database);
		} finally {
			await database.close();
		}
	});
	afterAll(async () => {
		await source?.dispose();
		for (const target of targets) await target.dispose();
		fs.rmSync(folder, { recursive: true, force: true });
	});

	async function newTarget(): Promise<EngineTarget> {
		const target = await engineTarget();
		targets.push(target);
		return target;
	}

	it('backs up, and restores into a new database an identical system', { timeout: 300_000 }, async () => {
		const backup = run('backup', source, archive);
		expect(backup.output).toMatch(/backup written .* 2 photos/);
		expect(backup.status).toBe(0);

		const target = await newTarget();
		const restore = run('restore', target, archive);
		expect(restore.output).toMatch(/restored .* 2 photos/);
		expect(restore.status).toBe(0);

		const database = await target.open();
		try {
			const after = await digests(database);
			expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
			for (const [table, digest] of before) expect({ table, ...after.get(table) }).toEqual({ table, ...digest });
			expect((await verifyAuditChain(database.db)).ok).toBe(true);
			const store = storeOf(target, database);
			for (const photo of photos) {
				const opened = await store.open(photo.sha256);
				const received = Buffer.from(await new Response(opened!.stream).arrayBuffer());
				expect(createHash('sha256').update(received).digest('hex')).toBe(photo.sha256);
			}
		} finally {
			await database.close();
		}
		const verify = run('audit-verify', target);
		expect(verify.output).toMatch(/audit chain intact/);
		expect(verify.status).toBe(0);
	});

	it('refuses to restore into a database in use', { timeout: 120_000 }, async () => {
		const again = run('restore', targets[0]!, archive);
		expect(again.status).toBe(1);
		expect(again.output).toMatch(/not empty/);
	});

	it('refuses a damaged archive and leaves the database empty', { timeout: 120_000 }, async () => {
		// One row changed inside the archive, its gzip made anew so only the manifest can tell.
		const tar = zlib.gunzipSync(fs.readFileSync(archive));
		const at = tar.indexOf(Buffer.from('"caption": "door"'));
		expect(at).toBeGreaterThan(0);
		tar.write('"caption": "dour"', at);
		const damaged = path.join(folder, 'damaged.tar.gz');
		fs.writeFileSync(damaged, zlib.gzipSync(tar));

		const target = await newTarget();
		const restore = run('restore', target, damaged);
		expect(restore.status).toBe(1);
		expect(restore.output).toMatch(/table attachments differs from the manifest/);
		const database = await target.open();
		try {
			expect(await database.db.select().from(s.users)).toHaveLength(0);
			expect(await database.db.select().from(s.attachments).where(eq(s.attachments.caption, 'dour'))).toHaveLength(0);
		} finally {
			await database.close();
		}
	});
});
