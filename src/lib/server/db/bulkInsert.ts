/**
 * Many rows in one INSERT with one parameter: the rows as a JSON array that the database unpacks
 * into the table's own row type (`jsonb_populate_recordset`). Building a multi-row INSERT through
 * the query builder cost more JavaScript than the database spent storing the rows: a push writes
 * each record with its version, change-feed row, idempotency row and audit entry.
 */
import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './index.ts';

type Row = Record<string, unknown>;

/**
 * Rows must name the same columns (as drizzle's insert would, a missing one would take its
 * default); rows that do not are inserted through the query builder instead. Values are what the
 * query builder takes: dates, numbers, strings, booleans and JSON values for `jsonb` columns.
 */
export async function bulkInsert(
	tx: Db,
	table: PgTable,
	rows: readonly Row[],
	{ onConflictDoNothing = false } = {}
): Promise<void> {
	if (rows.length === 0) return;
	const columns = getTableColumns(table);
	const keysOf = (row: Row) => Object.keys(row).filter((key) => row[key] !== undefined);
	const keys = keysOf(rows[0]!);
	const shape = keys.join();
	if (rows.some((row) => keysOf(row).join() !== shape) || keys.some((key) => !(key in columns))) {
		for (let i = 0; i < rows.length; i += 500) {
			const insert = tx.insert(table).values(rows.slice(i, i + 500) as never);
			await (onConflictDoNothing ? insert.onConflictDoNothing() : insert);
		}
		return;
	}
	const names = keys.map((key) => columns[key]!.name);
	// A JSON null becomes SQL NULL in every column, jsonb included, as with the query builder.
	const records = rows.map((row) => Object.fromEntries(keys.map((key, i) => [names[i]!, row[key]])));
	const list = sql.join(
		names.map((name) => sql.identifier(name)),
		sql`, `
	);
	const conflict = onConflictDoNothing ? sql` ON CONFLICT DO NOTHING` : sql``;
	await tx.execute(
		sql`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, ${JSON.stringify(records)}::jsonb)${conflict}`
	);
}
