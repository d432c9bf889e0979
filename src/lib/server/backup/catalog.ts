/**
 * What a backup holds, read from the database's own catalogue rather than from schema.ts, so a
 * table made by a hand-written migration is never left out: every table of the `public` schema,
 * parents before children (foreign keys), with its columns and primary key. The byte store's own
 * tables are left out: photo bytes travel as files of their own, whatever store holds them.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';

export type TableInfo = { name: string; columns: string[]; primaryKey: string[] };

export async function backupTables(db: Db, leaveOut: readonly string[]): Promise<TableInfo[]> {
	const tables = rowsOf<{ name: string }>(
		await db.execute(sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`)
	)
		.map((row) => row.name)
		.filter((name) => !leaveOut.includes(name));
	const links = rowsOf<{ child: string; parent: string }>(
		await db.execute(sql`select cl.relname as child, pl.relname as parent from pg_constraint k
			join pg_class cl on cl.oid = k.conrelid join pg_class pl on pl.oid = k.confrelid
			join pg_namespace n on n.oid = k.connamespace where k.contype = 'f' and n.nspname = 'public'`)
	);
	const columns = rowsOf<{ table: string; column: string }>(
		await db.execute(sql`select c.relname as table, a.attname as column from pg_attribute a
			join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
			where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
			order by c.relname, a.attnum`)
	);
	const keys = rowsOf<{ table: string; column: string }>(
		await db.execute(sql`select c.relname as table, a.attname as column from pg_index i
			join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
			join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
			where n.nspname = 'public' and i.indisprimary order by c.relname, array_position(i.indkey, a.attnum)`)
	);
	const of = (rows: { table: string; column: string }[], table: string) =>
		rows.filter((row) => row.table === table).map((row) => row.column);
	return parentsFirst(tables, links).map((name) => ({
		name,
		columns: of(columns, name),
		primaryKey: of(keys, name)
	}));
}

/** Tables ordered so each comes after every table it refers to; a cycle is an error (none exists). */
export function parentsFirst(tables: string[], links: { child: string; parent: string }[]): string[] {
	const ordered: string[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (table: string, path: string[]) => {
		if (state.get(table) === 'done') return;
		if (state.get(table) === 'visiting') throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
		state.set(table, 'visiting');
		for (const link of links)
			if (link.child === table && link.parent !== table && tables.includes(link.parent))
				visit(link.parent, [...path, table]);
		state.set(table, 'done');
		ordered.push(table);
	};
	for (const table of tables) visit(table, []);
	return ordered;
}

/** Sequences behind serial columns, to be moved past the restored rows' values. */
export async function serialColumns(db: Db): Promise<{ table: string; column: string; sequence: string }[]> {
	return rowsOf<{ table: string; column: string; sequence: string }>(
		await db.execute(sql`select table_name as table, column_name as column,
			pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as sequence
			from information_schema.columns where table_schema = 'public'
			and (column_default like 'nextval(%' or is_identity = 'YES')`)
	).filter((row) => row.sequence);
}
