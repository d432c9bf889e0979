/** Multi-row inserts in bounded chunks: one round trip per chunk keeps PGlite fast, and the bound
 * keeps each statement under PostgreSQL's 65,535 bind parameters. */
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/index.ts';

const CHUNK = 500;

export async function insertRows<T extends PgTable>(tx: Db, table: T, rows: PgInsertValue<T>[]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK) {
		await tx.insert(table).values(rows.slice(i, i + CHUNK));
	}
}
