/**
 * Bytes in the database itself (tables `blob` and `blob_chunk`), for servers on PostgreSQL: every
 * app server behind the load balancer reads what any of them stored, and a database backup holds
 * the photos with their records. Plain SQL, so it runs on PGlite too (the tests use it there).
 *
 * Bytes go in as 256 KiB chunks, all in one transaction with the `blob` row written last: a blob
 * row means complete bytes, and a failed or refused put leaves nothing. Two servers storing the
 * same photo at once both succeed: the second waits on the first's rows and then inserts nothing.
 * A put holds one connection for as long as its source takes; uploads arrive whole (8 MiB at most),
 * so that is a few quick inserts, never a wait on a slow client.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { blob, blobChunk } from '../db/schema.ts';
import { checkName, chunksOf, HashMismatchError, type ByteSource, type ByteStore } from './byteStore.ts';

/** Large enough that a photo is a few queries, small enough that a read holds little in memory. */
export const CHUNK_BYTES = 256 * 1024;
const LIST_PAGE = 500;
/** This store's tables: a backup carries photos as files of their own, whichever store held them. */
export const BYTE_STORE_TABLES: readonly string[] = ['blob', 'blob_chunk'];

export function postgresStore(db: Db): ByteStore {
	async function stored(sha256: string) {
		const [row] = await db
			.select({ size: blob.size, chunkCount: blob.chunkCount })
			.from(blob)
			.where(eq(blob.sha256, sha256));
		return row ?? null;
	}

	async function put(sha256: string, source: ByteSource): Promise<{ size: number }> {
		checkName(sha256);
		if (await stored(sha256)) {
			// Nothing to write, but a wrong claim is still refused, as the first time.
			const { size, actual } = await hashOnly(source);
			if (actual !== sha256) throw new HashMismatchError(sha256, actual);
			return { size };
		}
		return db.transaction(async (tx) => {
			const hash = createHash('sha256');
			let size = 0;
			let seq = 0;
			let buffer = new Uint8Array(CHUNK_BYTES);
			let filled = 0;
			const flush = async () => {
				const bytes = buffer.subarray(0, filled);
				await tx.insert(blobChunk).values({ sha256, seq, bytes }).onConflictDoNothing();
				seq += 1;
				// A fresh buffer: a driver may still hold the last one when the insert resolves.
				buffer = new Uint8Array(CHUNK_BYTES);
				filled = 0;
			};
			for await (const piece of chunksOf(source)) {
				hash.update(piece);
				size += piece.length;
				for (let offset = 0; offset < piece.length;) {
					const take = Math.min(CHUNK_BYTES - filled, piece.length - offset);
					buffer.set(piece.subarray(offset, offset + take), filled);
					filled += take;
					offset += take;
					if (filled === CHUNK_BYTES) await flush();
				}
			}
			if (filled > 0) await flush();
			const actual = hash.digest('hex');
			// Throwing rolls the chunks back: nothing is stored under a name the bytes do not have.
			if (actual !== sha256) throw new HashMismatchError(sha256, actual);
			await tx.insert(blob).values({ sha256, size, chunkCount: seq }).onConflictDoNothing();
			return { size };
		});
	}

	async function has(sha256: string): Promise<boolean> {
		checkName(sha256);
		return (await stored(sha256)) !== null;
	}

	async function open(sha256: string) {
		checkName(sha256);
		const row = await stored(sha256);
		if (!row) return null;
		let seq = 0;
		// One chunk per query, asked for when the reader wants more (and one read ahead).
		const stream = new ReadableStream<Uint8Array>({
			async pull(controller) {
				if (seq >= row.chunkCount) return controller.close();
				const [chunk] = await db
					.select({ bytes: blobChunk.bytes })
					.from(blobChunk)
					.where(and(eq(blobChunk.sha256, sha256), eq(blobChunk.seq, seq)));
				if (!chunk) throw new Error(`blob ${sha256} lost chunk ${seq} while being read`);
				controller.enqueue(chunk.bytes);
				seq += 1;
				if (seq >= row.chunkCount) controller.close();
			}
		});
		return { size: row.size, stream };
	}

	async function* list() {
		let after = '';
		for (;;) {
			const page = await db
				.select({ sha256: blob.sha256, size: blob.size })
				.from(blob)
				.where(gt(blob.sha256, after))
				.orderBy(asc(blob.sha256))
				.limit(LIST_PAGE);
			yield* page;
			if (page.length < LIST_PAGE) return;
			after = page.at(-1)!.sha256;
		}
	}

	async function remove(sha256: string): Promise<void> {
		checkName(sha256);
		await db.transaction(async (tx) => {
			// The blob row first: from then on no reader takes the bytes for complete.
			await tx.delete(blob).where(eq(blob.sha256, sha256));
			await tx.delete(blobChunk).where(eq(blobChunk.sha256, sha256));
		});
	}

	return { put, has, open, list, delete: remove };
}

async function hashOnly(source: ByteSource): Promise<{ size: number; actual: string }> {
	const hash = createHash('sha256');
	let size = 0;
	for await (const piece of chunksOf(source)) {
		hash.update(piece);
		size += piece.length;
	}
	return { size, actual: hash.digest('hex') };
}
