/**
 * Bytes as files in one folder, named by their SHA-256: the store of a single server on PGlite.
 * Written to a temporary file and renamed, so a crash never leaves half a photo under a valid name.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { checkName, chunksOf, HashMismatchError, type ByteStore, type ByteSource } from './byteStore.ts';

export function diskStore(folder: string): ByteStore {
	const file = (sha256: string) => {
		checkName(sha256);
		return path.join(folder, sha256);
	};

	async function put(sha256: string, source: ByteSource): Promise<{ size: number }> {
		const target = file(sha256);
		await fs.mkdir(folder, { recursive: true });
		const temporary = path.join(folder, `.${randomUUID()}.part`);
		const handle = await fs.open(temporary, 'wx');
		let renamed = false;
		try {
			const hash = createHash('sha256');
			let size = 0;
			for await (const chunk of chunksOf(source)) {
				hash.update(chunk);
				size += chunk.length;
				// A write may take less than it was given; the rest follows.
				for (let at = 0; at < chunk.length;) at += (await handle.write(chunk, at)).bytesWritten;
			}
			await handle.close();
			const actual = hash.digest('hex');
			if (actual !== sha256) throw new HashMismatchError(sha256, actual);
			// Same name, same bytes: renaming over a copy another put just finished loses nothing.
			await fs.rename(temporary, target);
			renamed = true;
			return { size };
		} finally {
			if (!renamed) {
				await handle.close().catch(() => {});
				await fs.rm(temporary, { force: true });
			}
		}
	}

	async function has(sha256: string): Promise<boolean> {
		try {
			return (await fs.stat(file(sha256))).isFile();
		} catch (error) {
			if (isMissing(error)) return false;
			throw error;
		}
	}

	async function open(sha256: string) {
		let handle: fs.FileHandle;
		try {
			handle = await fs.open(file(sha256), 'r');
		} catch (error) {
			if (isMissing(error)) return null;
			throw error;
		}
		// The size of the file this handle reads, even if the name is deleted meanwhile.
		const { size } = await handle.stat().catch(async (error: unknown) => {
			await handle.close();
			throw error;
		});
		const stream = Readable.toWeb(handle.createReadStream());
		return { size, stream: stream as ReadableStream<Uint8Array> };
	}

	async function* list() {
		let names: string[];
		try {
			names = await fs.readdir(folder);
		} catch (error) {
			if (isMissing(error)) return;
			throw error;
		}
		for (const name of names.sort()) {
			// Temporary files of puts under way are not blobs.
			if (!/^[0-9a-f]{64}$/.test(name)) continue;
			try {
				yield { sha256: name, size: (await fs.stat(path.join(folder, name))).size };
			} catch (error) {
				if (!isMissing(error)) throw error;
			}
		}
	}

	async function remove(sha256: string): Promise<void> {
		await fs.rm(file(sha256), { force: true });
	}

	return { put, has, open, list, delete: remove };
}

function isMissing(error: unknown): boolean {
	return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
