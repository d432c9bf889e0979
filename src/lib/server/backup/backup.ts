/**
 * Writes one consistent backup archive (format.ts) of a database and its photo bytes. The rows are
 * read in one REPEATABLE READ, read-only transaction: one snapshot, however long the copy takes
 * and whatever the servers write meanwhile. The photos are those the snapshot's attachments say
 * are stored; they are content-addressed and never rewritten, so copying them after the snapshot
 * changes nothing. The archive is written beside its name and renamed when whole.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { sql } from 'drizzle-orm';
import { BYTE_STORE_TABLES } from '../storage/postgresStore.ts';
import type { Database, Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { migrationState } from '../db/migrations.ts';
import { backupTables, type TableInfo } from './catalog.ts';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	BackupError,
	HEADER_ENTRY,
	MANIFEST_ENTRY,
	ROWS_PER_PAGE,
	photoEntry,
	tableEntry,
	type BackupHeader,
	type BackupManifest
} from './format.ts';

/** Where the photo bytes come from (storage/byteStore.ts). */
export type PhotoSource = {
	open(sha256: string): Promise<{ size: number; stream: ReadableStream<Uint8Array> } | null>;
};

/** Tables a trigger writes while others are restored: they go last, so the restore can replace what the triggers made. */
export const TRIGGER_FED = ['coverage_dirty'];

export async function writeBackup(
	database: Database,
	photos: PhotoSource,
	file: string,
	{ leaveOut = BYTE_STORE_TABLES, now = new Date() } = {}
): Promise<BackupHeader & BackupManifest> {
	const partial = `${file}.part`;
	const pack = tar.pack();
	const written = pipeline(pack, zlib.createGzip(), fs.createWriteStream(partial, { mode: 0o600 }));
	// Until the pack is finalised a failure of the file would go unseen: caught here, thrown below.
	written.catch(() => undefined);
	const add = async (name: string, body: Uint8Array | ReadableStream<Uint8Array>, size: number) => {
		const entry = pack.entry({ name, size, mode: 0o600, mtime: now });
		await pipeline(body instanceof Uint8Array ? Readable.from([body]) : Readable.fromWeb(body as never), entry);
	};
	try {
		const header: BackupHeader = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			createdAt: now.toISOString(),
			engine: database.engine,
			migrations: await migrationState(database.db).then(({ applied, latest }) => ({ applied, latest }))
		};
		const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, '\t'));
		const headerBytes = json(header);
		await add(HEADER_ENTRY, headerBytes, headerBytes.length);

		const { tables, stored } = await database.db.transaction(
			async (tx) => {
				const catalogue = await backupTables(tx, leaveOut);
				const ordered = [
					...catalogue.filter((t) => !TRIGGER_FED.includes(t.name)),
					...catalogue.filter((t) => TRIGGER_FED.includes(t.name))
				];
				const tables: BackupManifest['tables'] = [];
				for (const [index, table] of ordered.entries()) tables.push(await dumpTable(tx, table, index, add));
				const stored = rowsOf<{ sha256: string }>(
					await tx.execute(sql`select distinct sha256 from attachments where stored_at is not null order by sha256`)
				).map((row) => row.sha256);
				return { tables, stored };
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);

		let bytes = 0;
		for (const sha256 of stored) {
			const opened = await photos.open(sha256);
			if (!opened) throw new BackupError(`the bytes of stored photo ${sha256} are missing from the byte store`);
			await add(photoEntry(sha256), opened.stream, opened.size);
			bytes += opened.size;
		}
		const manifest: BackupManifest = {
			tables,
			photos: { count: stored.length, bytes, sha256: photoListHash(stored) }
		};
		const manifestBytes = json(manifest);
		await add(MANIFEST_ENTRY, manifestBytes, manifestBytes.length);
		pack.finalize();
		await written;
		fs.renameSync(partial, file);
		return { ...header, ...manifest };
	} catch (error) {
		pack.destroy();
		await written.catch(() => undefined);
		fs.rmSync(partial, { force: true });
		throw error;
	}
}

/** The hash a manifest gives the list of photos: names sorted, one per line. */
export function photoListHash(sha256s: string[]): string {
	return createHash('sha256')
		.update([...sha256s].sort().join('\n'))
		.digest('hex');
}

async function dumpTable(
	tx: Db,
	table: TableInfo,
	index: number,
	add: (name: string, body: Uint8Array, size: number) => Promise<void>
): Promise<BackupManifest['tables'][number]> {
	const hash = createHash('sha256');
	const name = sql.identifier(table.name);
	const order = table.primaryKey.length
		? sql` order by ${sql.join(
				table.primaryKey.map((column) => sql.identifier(column)),
				sql`, `
			)}`
		: sql``;
	// A cursor, so a table of millions of rows is read a page at a time.
	const cursor = sql.identifier(`backup_${index}`);
	await tx.execute(sql`declare ${cursor} no scroll cursor for select to_jsonb(t)::text as row from ${name} t${order}`);
	let rows = 0;
	for (let page = 0; ; page++) {
		const fetched = rowsOf<{ row: string }>(
			await tx.execute(sql`fetch ${sql.raw(String(ROWS_PER_PAGE))} from ${cursor}`)
		);
		if (fetched.length === 0 && page > 0) break;
		const body = Buffer.from(fetched.map((r) => `${r.row}\n`).join(''));
		hash.update(body);
		// An empty table still has its (empty) first page: the restore then knows it was there.
		await add(tableEntry(index, table.name, page), body, body.length);
		rows += fetched.length;
		if (fetched.length < ROWS_PER_PAGE) break;
	}
	await tx.execute(sql`close ${cursor}`);
	return { name: table.name, rows, sha256: hash.digest('hex') };
}
