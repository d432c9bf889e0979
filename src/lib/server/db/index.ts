/**
 * The database connection: embedded PGlite under DATA_DIR by default, PostgreSQL when DATABASE_URL
 * is set. Both speak the same drizzle API and run the same migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { readConfig } from '../config.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/**
 * What `db.transaction` hands its callback. It serves wherever a `Db` does; a function that needs
 * its writes to commit together with the caller's (the change feed, the audit chain) asks for it.
 */
export type Tx = PgTransaction<PgQueryResultHKT, typeof schema, ExtractTablesWithRelations<typeof schema>>;
export type Engine = 'pglite' | 'postgres';
export type Database = {
	db: Db;
	engine: Engine;
	close: () => Promise<void>;
	/**
	 * Runs `work` only if no other holder of the lock `name` is running it, across every server on
	 * this database (a PostgreSQL session advisory lock, held on a connection of its own and freed
	 * by PostgreSQL if this process dies); `{ ran: false }` when another holds it. PGlite has one
	 * process per database folder, so there the lock is this process's own.
	 */
	exclusive: <T>(name: string, work: () => Promise<T>) => Promise<Exclusive<T>>;
};
export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/** Advisory locks taken by name: two-key form, so they never meet the one-key locks (coverage/rollup.ts). */
const LOCK_SPACE = 0x4b6f6e74; // 'Kont'

const MIGRATIONS = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/**
 * Opens and migrates. `target` is a postgres:// URL, a PGlite folder, or 'memory://' for tests;
 * `migrations` another migrations folder (tests of a migration stop before it).
 */
export async function openDatabase(
	target: { url: string } | { dir: string },
	migrations = MIGRATIONS
): Promise<Database> {
	if ('url' in target) {
		const { default: postgres } = await import('postgres');
		const { drizzle } = await import('drizzle-orm/postgres-js');
		const { migrate } = await import('drizzle-orm/postgres-js/migrator');
		const client = postgres(target.url, { max: readConfig().databasePoolMax, onnotice: () => {} });
		const db = drizzle(client, { schema });
		// Servers started together (a deployment's rollout) would otherwise apply the same migration
		// at once and all but one fail; the others wait here, then find nothing left to apply.
		const reserved = await client.reserve();
		try {
			await reserved`select pg_advisory_lock(${LOCK_SPACE}, hashtext('migrations'))`;
			await migrate(db, { migrationsFolder: migrations });
		} finally {
			await reserved`select pg_advisory_unlock(${LOCK_SPACE}, hashtext('migrations'))`.catch(() => undefined);
			reserved.release();
		}
		const exclusive = async <T>(name: string, work: () => Promise<T>): Promise<Exclusive<T>> => {
			// Session-level: the lock must outlast the many transactions of the work, on a connection the work does not use.
			const reserved = await client.reserve();
			try {
				const [row] = await reserved<
					{ locked: boolean }[]
				>`select pg_try_advisory_lock(${LOCK_SPACE}, hashtext(${name})) as locked`;
				if (!row?.locked) return { ran: false };
				try {
					return { ran: true, value: await work() };
				} finally {
					await reserved`select pg_advisory_unlock(${LOCK_SPACE}, hashtext(${name}))`;
				}
			} finally {
				reserved.release();
			}
		};
		return { db, engine: 'postgres', close: () => client.end(), exclusive };
	}
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	// PGlite does not create parent folders itself.
	if (!target.dir.startsWith('memory://')) fs.mkdirSync(target.dir, { recursive: true });
	const client = new PGlite(target.dir);
	const db = drizzle(client, { schema });
	await migrate(db, { migrationsFolder: migrations });
	const held = new Set<string>();
	const exclusive = async <T>(name: string, work: () => Promise<T>): Promise<Exclusive<T>> => {
		if (held.has(name)) return { ran: false };
		held.add(name);
		try {
			return { ran: true, value: await work() };
		} finally {
			held.delete(name);
		}
	};
	return { db, engine: 'pglite', close: () => client.close(), exclusive };
}

// Kept on globalThis so that every copy of this module (the built server and a test importing the
// sources) shares one connection; PGlite in particular allows only one opener per folder.
const SLOT = Symbol.for('kontrolla.database');
type Slot = { [SLOT]?: Promise<Database> };

/** The process-wide database, opened lazily on first use from the environment. */
export function database(): Promise<Database> {
	const slot = globalThis as Slot;
	if (!slot[SLOT]) {
		const config = readConfig();
		slot[SLOT] = openDatabase(
			config.databaseUrl ? { url: config.databaseUrl } : { dir: path.join(config.dataDir, 'pglite') }
		);
		slot[SLOT].catch(() => delete slot[SLOT]);
	}
	return slot[SLOT];
}

/** Installs an already-open database as the process-wide one (tests). */
export function useDatabase(opened: Database): void {
	(globalThis as Slot)[SLOT] = Promise.resolve(opened);
}

export async function db(): Promise<Db> {
	return (await database()).db;
}

export { schema };
