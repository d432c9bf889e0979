/**
 * The two byte stores keep the same promises: bytes come back as they went in, under their
 * SHA-256 only; a wrong hash stores nothing; two servers storing the same photo at once both
 * succeed. The PostgreSQL store runs on this run's engine (its SQL is PGlite's too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { HashMismatchError, type ByteStore } from '../../src/lib/server/storage/byteStore.ts';
import { diskStore } from '../../src/lib/server/storage/diskStore.ts';
import { CHUNK_BYTES, postgresStore } from '../../src/lib/server/storage/postgresStore.ts';

let database: Database;
let folder: string;

beforeAll(async () => {
	database = await openTestDatabase();
	folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-bytes-'));
});
afterAll(async () => {
	await database?.close();
	fs.rmSync(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; reads: number }> {
	const parts: Uint8Array[] = [];
	const reader = stream.getReader();
	for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
	return { bytes: new Uint8Array(Buffer.concat(parts)), reads: parts.length };
}

/** The bytes in uneven pieces, as a request body arrives. */
async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
	for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function listed(store: ByteStore) {
	const all = [];
	for await (const entry of store.list()) all.push(entry);
	return all;
}

const stores: { name: string; store: () => ByteStore }[] = [
	{ name: 'disk', store: () => diskStore(path.join(folder, 'attachments')) },
	{ name: `postgres on ${testEngine}`, store: () => postgresStore(database.db) }
];

describe.each(stores)('byte store: $name', ({ name, store: make }) => {
	const photo = new Uint8Array(randomBytes(700 * 1024));
	const photoSha = sha256(photo);

	it('gives back bytes put in pieces, whole and in order, in several reads', async () => {
		const store = make();
		expect(await store.has(photoSha)).toBe(false);
		expect(await store.put(photoSha, pieces(photo, 100_000))).toEqual({ size: photo.length });
		expect(await store.has(photoSha)).toBe(true);
		const opened = await store.open(photoSha);
		expect(opened?.size).toBe(photo.length);
		const { bytes, reads } = await readAll(opened!.stream);
		expect(sha256(bytes)).toBe(photoSha);
		expect(reads).toBeGreaterThan(1);
		if (name !== 'disk') expect(reads).toBe(Math.ceil(photo.length / CHUNK_BYTES));
	});

	it('refuses bytes that do not have the hash they are put under, and keeps nothing', async () => {
		const store = make();
		const other = new Uint8Array(randomBytes(300 * 1024));
		const claimed = sha256(new Uint8Array(randomBytes(32)));
		await expect(store.put(claimed, other)).rejects.toBeInstanceOf(HashMismatchError);
		expect(await store.has(claimed)).toBe(false);
		expect(await store.open(claimed)).toBeNull();
		if (name === 'disk') expect(fs.readdirSync(path.join(folder, 'attachments'))).toEqual([photoSha]);
		else expect(await database.db.select().from(s.blobChunk).where(eq(s.blobChunk.sha256, claimed))).toEqual([]);
	});

	it('refuses wrong bytes under a name already stored, and keeps the right ones', async () => {
		const store = make();
		await expect(store.put(photoSha, new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(HashMismatchError);
		expect(sha256((await readAll((await store.open(photoSha))!.stream)).bytes)).toBe(photoSha);
	});

	it('stores the same bytes put twice at once, once', async () => {
		const store = make();
		const twice = new Uint8Array(randomBytes(600 * 1024));
		const twiceSha = sha256(twice);
		const results = await Promise.all([store.put(twiceSha, pieces(twice, 64 * 1024)), store.put(twiceSha, twice)]);
		expect(results).toEqual([{ size: twice.length }, { size: twice.length }]);
		expect(sha256((await readAll((await store.open(twiceSha))!.stream)).bytes)).toBe(twiceSha);
		if (name !== 'disk') {
			const chunks = await database.db.select().from(s.blobChunk).where(eq(s.blobChunk.sha256, twiceSha));
			expect(chunks).toHaveLength(Math.ceil(twice.length / CHUNK_BYTES));
		}
	});

	it('answers null for bytes it never stored', async () => {
		expect(await make().open('0'.repeat(64))).toBeNull();
	});

	it('keeps empty bytes', async () => {
		const store = make();
		const empty = new Uint8Array(0);
		expect(await store.put(sha256(empty), empty)).toEqual({ size: 0 });
		const opened = await store.open(sha256(empty));
		expect(opened?.size).toBe(0);
		expect((await readAll(opened!.stream)).bytes).toHaveLength(0);
	});

	it('lists what it holds with sizes, and deletes', async () => {
		const store = make();
		const all = await listed(store);
		expect(all.find((b) => b.sha256 === photoSha)).toEqual({ sha256: photoSha, size: photo.length });
		expect(all.map((b) => b.sha256)).toEqual([...all.map((b) => b.sha256)].sort());
		expect(all).toHaveLength(3);
		await store.delete(photoSha);
		expect(await store.has(photoSha)).toBe(false);
		expect(await store.open(photoSha)).toBeNull();
		expect(await listed(store)).toHaveLength(2);
		await store.delete(photoSha);
	});

	it('takes only a lowercase hex SHA-256 for a name', async () => {
		await expect(make().has('../../etc/passwd')).rejects.toThrow(/SHA-256/);
	});
});
