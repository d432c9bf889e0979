/**
 * A fresh, migrated database for one test file, on the engine this run is for: PGlite in memory,
 * or a new database on the PostgreSQL server named by DATABASE_URL when TEST_ENGINE=postgres.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '../../src/lib/server/db/index.ts';

export const testEngine: 'pglite' | 'postgres' = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<Database> {
	if (testEngine === 'pglite') return openDatabase({ dir: 'memory://' });
	const serverUrl = process.env.DATABASE_URL;
	if (!serverUrl) throw new Error('TEST_ENGINE=postgres needs DATABASE_URL');
	const name = `kontrolla_t_${randomBytes(6).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const opened = await openDatabase({ url: url.toString() });
	return {
		...opened,
		close: async () => {
			await opened.close();
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}
