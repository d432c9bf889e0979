/**
 * Restores a backup archive (format.ts) into an empty database of the same schema version: in one
 * transaction, so a damaged or mismatched archive leaves the database as empty as it found it.
 * Every table page is counted and hashed as it is read and checked against the manifest (the
 * archive's last entry) before the commit; every photo's bytes are checked against their name by
 * the byte store as they are written.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import tar from 'tar-stream';
import { sql } from 'drizzle-orm';
import { BYTE_STORE_TABLES } from '../storage/postgresStore.ts';
import type { Database, Db } from '../db/index.ts';
import { firstRow } from '../db/rows.ts';
import { migrationState } from '../db/migrations.ts';
import { backupTables, serialColumns } from './catalog.ts';
import { photoListHash, TRIGGER_FED } from './backup.ts';
import {
	BackupError,
	HEADER_ENTRY,
	MANIFEST_ENTRY,
	PHOTO_ENTRY,
	TABLE_ENTRY,
	backupHeader,
	backupManifest,
	type BackupHeader,
	type BackupManifest
} from './format.ts';

/** Where the photo bytes go (storage/byteStore.ts); `put` refuses bytes that do not match their hash. */
export type PhotoSink = { put(sha256: string, source: AsyncIterable<Uint8Array>): Promise<unknown> };

export async function restoreBackup(
	database: Database,
	photos: PhotoSink,
	file: string,
	{ leaveOut = BYTE_STORE_TABLES } = {}
): Promise<BackupHeader & BackupManifest> {
	const { db } = database;
	const users = firstRow<{ n: number }>(await db.execute(sql`select count(*)::int as n from users`));
	if (users.n > 0) throw new BackupError('the database is not empty (it has users): restore only into a new database');
	const here = await migrationState(db);

	const extract = tar.extract();
	// The iterator first: tar-stream hands entries only to a listener already there, and the
	// transaction's first queries below would otherwise let the first entry go by unseen.
	const iterator = extract[Symbol.asyncIterator]();
	const entries = { [Symbol.asyncIterator]: () => iterator };
	const reading = pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
	reading.catch(() => undefined);
	try {
		return await db.transaction(async (tx) => {
			const tables = await backupTables(tx, leaveOut);
			let header: BackupHeader | null = null;
			let manifest: BackupManifest | null = null;
			const read = new Map<string, { rows: number; hash: ReturnType<typeof createHash> }>();
			const photoNames: string[] = [];
			let photoBytes = 0;
			let cleared = false;
			const triggerFedCleared = new Set<string>();

			for await (const tarEntry of entries) {
				const name = tarEntry.header.name;
				const entry = bytesOf(tarEntry);
				if (!header) {
					if (name !== HEADER_ENTRY) throw new BackupError('not a Kontrolla backup: its first entry is not the header');
					header = parse(backupHeader, await text(entry), 'header');
					if (header.migrations.applied !== here.applied || header.migrations.latest !== here.latest)
						throw new BackupError(
							`the backup is of schema ${header.migrations.latest} (${header.migrations.applied} migrations), this release is at ${here.latest} (${here.applied}): restore it with the release that made it, then upgrade`
						);
					continue;
				}
				const table = TABLE_ENTRY.exec(name)?.[1];
				const photo = PHOTO_ENTRY.exec(name)?.[1];
				if (table) {
					if (!tables.some((t) => t.name === table))
						throw new BackupError(`the backup has a table this release does not: ${table}`);
					if (!cleared) {
						// What the migrations and a first start put in (agencies, counters, seeded texts) makes way for the backup's.
						for (const t of [...tables].reverse()) await tx.execute(sql`delete from ${sql.identifier(t.name)}`);
						cleared = true;
					}
					if (TRIGGER_FED.includes(table) && !triggerFedCleared.has(table)) {
						// Rows the triggers wrote while the other tables were restored: the backup's replace them.
						await tx.execute(sql`delete from ${sql.identifier(table)}`);
						triggerFedCleared.add(table);
					}
					const body = await bytes(entry);
					const seen = read.get(table) ?? { rows: 0, hash: createHash('sha256') };
					seen.hash.update(body);
					seen.rows += await insertPage(tx, table, tables.find((t) => t.name === table)!.columns, body);
					read.set(table, seen);
				} else if (photo) {
					await photos.put(photo, entry);
					photoNames.push(photo);
					photoBytes += tarEntry.header.size ?? 0;
				} else if (name === MANIFEST_ENTRY) {
					manifest = parse(backupManifest, await text(entry), 'manifest');
				} else {
					throw new BackupError(`unexpected entry in the backup: ${name}`);
				}
			}
			await reading;
			if (!header || !manifest) throw new BackupError('the backup is incomplete: its manifest is missing');

			// Everything the manifest lists was read, whole and unchanged, and nothing else.
			const expected = new Map(manifest.tables.map((t) => [t.name, t]));
			for (const [table, seen] of read) {
				const listed = expected.get(table);
				const sha256 = seen.hash.digest('hex');
				if (!listed || listed.rows !== seen.rows || listed.sha256 !== sha256)
					throw new BackupError(`table ${table} differs from the manifest: the archive is damaged`);
			}
			const missing = manifest.tables.filter((t) => !read.has(t.name));
			if (missing.length)
				throw new BackupError(`tables missing from the archive: ${missing.map((t) => t.name).join(', ')}`);
			if (photoNames.length !== manifest.photos.count || photoListHash(photoNames) !== manifest.photos.sha256)
				throw new BackupError('the photos differ from the manifest: the archive is damaged');

			for (const serial of await serialColumns(tx)) {
				await tx.execute(
					sql`select setval(${serial.sequence}, coalesce((select max(${sql.identifier(serial.column)}) from ${sql.identifier(serial.table)}), 1), (select count(*) > 0 from ${sql.identifier(serial.table)}))`
				);
			}
			for (const table of manifest.tables) {
				const count = firstRow<{ n: number }>(
					await tx.execute(sql`select count(*)::int as n from ${sql.identifier(table.name)}`)
				);
				if (count.n !== table.rows)
					throw new BackupError(
						`table ${table.name} holds ${count.n} rows after the restore, the backup ${table.rows}`
					);
			}
			return { ...header, ...manifest, photos: { ...manifest.photos, bytes: photoBytes } };
		});
	} finally {
		extract.destroy();
		await reading.catch(() => undefined);
	}
}

async function insertPage(tx: Db, table: string, columns: string[], body: Buffer): Promise<number> {
	const lines = body.toString('utf8').split('\n').filter(Boolean);
	if (lines.length === 0) return 0;
	const list = sql.join(
		columns.map((column) => sql.identifier(column)),
		sql`, `
	);
	await tx.execute(
		sql`insert into ${sql.identifier(table)} (${list}) select ${list} from jsonb_populate_recordset(null::${sql.identifier(table)}, ${`[${lines.join(',')}]`}::jsonb)`
	);
	return lines.length;
}

/** An entry's chunks, checked to be bytes (tar-stream's types leave them untyped). */
async function* bytesOf(entry: AsyncIterable<unknown>): AsyncIterable<Uint8Array> {
	for await (const chunk of entry) {
		if (!(chunk instanceof Uint8Array)) throw new BackupError('the backup is damaged: an entry is not bytes');
		yield chunk;
	}
}

async function bytes(entry: AsyncIterable<Uint8Array>): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of entry) chunks.push(Buffer.from(chunk));
	return Buffer.concat(chunks);
}

async function text(entry: AsyncIterable<Uint8Array>): Promise<unknown> {
	try {
		return JSON.parse((await bytes(entry)).toString('utf8'));
	} catch {
		throw new BackupError('the backup is damaged: an entry is not JSON');
	}
}

function parse<T>(
	schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
	value: unknown,
	what: string
): T {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new BackupError(`the backup's ${what} is not one this release reads`);
	return parsed.data;
}
