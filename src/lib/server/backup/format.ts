/**
 * The backup archive: one gzipped tar file (tar-stream), read and written as a stream so a
 * backup of any size never sits in memory.
 *
 *   kontrolla-backup.json      what made it: format version, engine, migrations (first entry)
 *   tables/NNN-<table>/PPPPP.jsonl   the rows, one JSON object per line (PostgreSQL's `to_jsonb`), parents first
 *   photos/<sha256>            each stored photo's bytes, named by their hash
 *   manifest.json              counts and SHA-256 of every table and of the photo list (last entry)
 *
 * JSON rows are what PostgreSQL itself prints and reads back (`jsonb_populate_recordset`): exact
 * for every column type and the same from PGlite and PostgreSQL, so a pilot's PGlite backup
 * restores into a national PostgreSQL.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'kontrolla-backup';
export const BACKUP_VERSION = 1;
export const HEADER_ENTRY = 'kontrolla-backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
export const ROWS_PER_PAGE = 2000;

export const tableEntry = (index: number, table: string, page: number) =>
	`tables/${String(index).padStart(3, '0')}-${table}/${String(page).padStart(5, '0')}.jsonl`;
export const photoEntry = (sha256: string) => `photos/${sha256}`;

export const TABLE_ENTRY = /^tables\/\d{3}-([a-z0-9_]+)\/\d{5}\.jsonl$/;
export const PHOTO_ENTRY = /^photos\/([0-9a-f]{64})$/;

export const backupHeader = z.object({
	format: z.literal(BACKUP_FORMAT),
	version: z.literal(BACKUP_VERSION),
	createdAt: z.iso.datetime(),
	engine: z.enum(['pglite', 'postgres']),
	migrations: z.object({ applied: z.number().int(), latest: z.string().nullable() })
});
export type BackupHeader = z.infer<typeof backupHeader>;

export const backupManifest = z.object({
	tables: z.array(z.object({ name: z.string(), rows: z.number().int(), sha256: z.string() })),
	photos: z.object({ count: z.number().int(), bytes: z.number().int(), sha256: z.string() })
});
export type BackupManifest = z.infer<typeof backupManifest>;

export class BackupError extends Error {
	override name = 'BackupError';
}
