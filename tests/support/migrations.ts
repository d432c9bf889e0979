/**
 * A database migrated up to (and including) one migration, on this run's engine, so a test can
 * write rows the way the code of that time did and then apply the migrations after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/lib/server/db/index.ts';
import { testEngine } from './database.ts';

type Journal = { entries: { tag: string }[] };

export type OldDatabase = {
	/** Runs raw SQL on the old schema, foreign keys not enforced (rows may point at nothing). */
	exec: (text: string) => Promise<void>;
	/** Applies every shipped migration after the old ones and returns the database as the app opens it. */
	upgrade: () => Promise<Database>;
	close: () => Promise<void>;
};

export async function databaseBefore(nextTag: string): Promise<OldDatabase> {
	const shipped = path.resolve('drizzle');
	const journal = JSON.parse(fs.readFileSync(path.join(shipped, 'meta/_journal.json'), 'utf8')) as Journal;
	const upTo = journal.entries.findIndex((entry) => entry.tag === nextTag);
	if (upTo < 0) throw new Error(`no migration ${nextTag}`);
	const old = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-migrations-'));
	fs.mkdirSync(path.join(old, 'meta'));
	for (const entry of journal.entries.slice(0, upTo)) {
		fs.copyFileSync(path.join(shipped, `${entry.tag}.sql`), path.join(old, `${entry.tag}.sql`));
	}
	fs.writeFileSync(
		path.join(old, 'meta/_journal.json'),
		JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) })
	);

	let target: { url: string } | { dir: string };
	let dropDatabase = async () => {};
	if (testEngine === 'pglite') {
		target = { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-pglite-')) };
	} else {
		const serverUrl = process.env.DATABASE_URL;
		if (!serverUrl) throw new Error('TEST_ENGINE=postgres needs DATABASE_URL');
		const name = `kontrolla_m_${randomBytes(6).toString('hex')}`;
		const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(`CREATE DATABASE ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		target = { url: url.toString() };
		dropDatabase = async () => {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		};
	}
	let current = await openDatabase(target, old);
	return {
		async exec(text) {
			await current.db.transaction(async (tx) => {
				await tx.execute(sql.raw(`SET LOCAL session_replication_role = replica`));
				await tx.execute(sql.raw(text));
			});
		},
		async upgrade() {
			await current.close();
			current = await openDatabase(target);
			return current;
		},
		async close() {
			await current.close();
			await dropDatabase();
			fs.rmSync(old, { recursive: true, force: true });
		}
	};
}
