/** Which migrations the database has, against the ones shipped in drizzle/ (for /api/health and /api/ready). */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from './index.ts';
import { firstRow } from './rows.ts';

type Journal = { entries: { tag: string }[] };

export async function migrationState(
	db: Db
): Promise<{ applied: number; shipped: number; pending: number; latest: string | null }> {
	const folder = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');
	const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as Journal;
	const row = firstRow<{ n: string | number }>(
		await db.execute(sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`)
	);
	const applied = Number(row.n);
	const shipped = journal.entries.length;
	return { applied, shipped, pending: Math.max(0, shipped - applied), latest: journal.entries.at(-1)?.tag ?? null };
}
