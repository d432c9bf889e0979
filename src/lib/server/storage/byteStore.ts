/**
 * Where photo bytes live, behind one small interface (docs/ARCHITECTURE.md, "Attachments"): on disk
 * under DATA_DIR/attachments with the embedded database, in PostgreSQL with DATABASE_URL so that no
 * app server keeps anything another one needs. Bytes are named by their SHA-256 (content
 * addressed: the same photo twice is stored once) and never rewritten.
 *
 * - `put` stores the bytes under their hash, checking the hash while it writes: on a mismatch it
 *   throws `HashMismatchError` and nothing is stored under that name. Putting bytes already there
 *   (another server, a retry) succeeds and changes nothing.
 * - `has` says whether complete bytes are stored under the hash.
 * - `open` streams them chunk by chunk, never whole in memory; null when there are none.
 * - `list` yields every stored blob (for a backup), `delete` removes one (absent is fine).
 */
import path from 'node:path';
import { database, type Database } from '../db/index.ts';
import { readConfig } from '../config.ts';
import { diskStore } from './diskStore.ts';
import { postgresStore } from './postgresStore.ts';

export type ByteSource = AsyncIterable<Uint8Array> | Uint8Array;
export type StoredBlob = { sha256: string; size: number };
export type OpenedBlob = { size: number; stream: ReadableStream<Uint8Array> };

export interface ByteStore {
	put(sha256: string, source: ByteSource): Promise<{ size: number }>;
	has(sha256: string): Promise<boolean>;
	open(sha256: string): Promise<OpenedBlob | null>;
	list(): AsyncIterable<StoredBlob>;
	delete(sha256: string): Promise<void>;
}

export class HashMismatchError extends Error {
	constructor(expected: string, actual: string) {
		super(`bytes hash to ${actual}, not ${expected}: nothing stored`);
		this.name = 'HashMismatchError';
	}
}

/** A name is a lowercase hex SHA-256 and nothing else: it becomes a file name in the disk store. */
export function checkName(sha256: string): void {
	if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('a blob is named by its lowercase hex SHA-256');
}

/** The source as chunks, whichever form it came in. */
export async function* chunksOf(source: ByteSource): AsyncIterable<Uint8Array> {
	if (source instanceof Uint8Array) yield source;
	else yield* source;
}

let current: { database: Database; dataDir: string; store: ByteStore } | null = null;

/**
 * The process-wide byte store, following the process-wide database: PostgreSQL's own tables when
 * the database is PostgreSQL, files beside the PGlite folder otherwise.
 */
export async function byteStore(): Promise<ByteStore> {
	const opened = await database();
	const { dataDir } = readConfig();
	if (current?.database !== opened || current.dataDir !== dataDir) {
		const store =
			opened.engine === 'postgres' ? postgresStore(opened.db) : diskStore(path.join(dataDir, 'attachments'));
		current = { database: opened, dataDir, store };
	}
	return current.store;
}
