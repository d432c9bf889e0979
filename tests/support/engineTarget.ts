/**
 * A database for a server *process* on this run's engine: a PGlite folder the test prepares and
 * then hands over (PGlite allows one opener at a time), or a fresh PostgreSQL database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db/index.ts';
import { testEngine } from './database.ts';

export type EngineTarget = { env: Record<string, string>; open(): Promise<Database>; dispose(): Promise<void> };

export async function engineTarget(): Promise<EngineTarget> {
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-proc-'));
	if (testEngine === 'pglite') {
		return {
			env: { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'off' },
			open: () => openDatabase({ dir: path.join(dataDir, 'pglite') }),
			dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const serverUrl = process.env.DATABASE_URL!;
	const name = `kontrolla_p_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), DEMO_DATA: 'off' },
		open: () => openDatabase({ url: url.toString() }),
		dispose: async () => {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
