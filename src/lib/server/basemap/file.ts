/**
 * The basemap archive this server serves (README, "Basemap"), and its ETag. The devices keep
 * parts of the archive and read byte ranges of it: the ETag is how they learn it was replaced, and
 * `If-Range` with it keeps a resumed download from splicing two archives together.
 *
 * The ETag is the SHA-256 of the content, not of size, mtime and inode: two servers behind one
 * address, a restored backup or a `touch` then give the same tag for the same archive, so no device
 * throws its areas away (tens of megabytes over a phone's connection) for a file that did not
 * change. The hash is computed once per file version — (device, inode, size, mtime), read from
 * the open file itself so the tag and the bytes served are of the same file even while an
 * operator replaces it — and kept in memory: hashing a country archive (tens of megabytes, a few
 * hundred at most) takes under a second or two, once at start (hooks.server.ts) or after a
 * replacement, never per request.
 */
import { createHash } from 'node:crypto';
import fs, { type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../config.ts';
import { log } from '../log.ts';

/** The demo archive's file name (demoArchive.ts makes it; a new name when its content changes). */
export const DEMO_BASEMAP_NAME = 'demo-v1.pmtiles';

type BasemapSettings = Pick<ServerConfig, 'basemapFile' | 'demoData' | 'dataDir' | 'tileUrl'>;

/**
 * The archive to serve: BASEMAP_FILE, or in demo mode the small archive made from the demo data
 * at start. A production server without BASEMAP_FILE has none (the maps show the outline, or
 * TILE_URL's tiles).
 */
export function basemapPath(config: BasemapSettings): string | null {
	if (config.basemapFile) return config.basemapFile;
	return config.demoData ? path.join(config.dataDir, 'basemap', DEMO_BASEMAP_NAME) : null;
}

export type BasemapVersion = { etag: string; size: number; modified: Date };
export type OpenBasemap = BasemapVersion & { handle: FileHandle };

/**
 * The served archive, opened; null when there is none or it cannot be read (the endpoint answers
 * 404, the layout says there is no basemap). The caller closes `handle`.
 */
export async function openBasemap(config: BasemapSettings): Promise<OpenBasemap | null> {
	const filePath = basemapPath(config);
	if (!filePath) return null;
	let handle: FileHandle;
	try {
		handle = await fs.open(filePath, 'r');
	} catch (failure) {
		noteUnreadable(failure);
		return null;
	}
	try {
		const stats = await handle.stat();
		if (!stats.isFile()) {
			await handle.close();
			return null;
		}
		return { handle, size: stats.size, modified: stats.mtime, etag: await etagOf(filePath, handle, stats) };
	} catch (failure) {
		await handle.close();
		noteUnreadable(failure);
		return null;
	}
}

/** The served archive's version, for the pages (layout data, CSP): null without one. */
export async function basemapVersion(config: BasemapSettings): Promise<BasemapVersion | null> {
	const opened = await openBasemap(config);
	if (!opened) return null;
	await opened.handle.close();
	return { etag: opened.etag, size: opened.size, modified: opened.modified };
}

/**
 * The served archive and the raster tiles beside it, decided in one place for the layout data and
 * the page's CSP: with an archive there are no raster tiles (in demo mode too), so the pages ask
 * no other host for anything.
 */
export async function mapSources(
	config: BasemapSettings
): Promise<{ basemap: BasemapVersion | null; tileUrl: string }> {
	const basemap = await basemapVersion(config);
	return { basemap, tileUrl: basemap ? '' : config.tileUrl };
}

const hashes = new Map<string, { version: string; etag: Promise<string> }>();

function etagOf(filePath: string, handle: FileHandle, stats: Stats): Promise<string> {
	const version = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
	const known = hashes.get(filePath);
	if (known?.version === version) return known.etag;
	// Concurrent requests for a new version share one hash; its caller keeps the handle open until it is done.
	const etag = contentHash(handle, stats.size);
	hashes.set(filePath, { version, etag });
	etag.catch(() => {
		if (hashes.get(filePath)?.etag === etag) hashes.delete(filePath);
	});
	return etag;
}

const CHUNK = 1 << 20;

async function contentHash(handle: FileHandle, size: number): Promise<string> {
	const hash = createHash('sha256');
	const buffer = Buffer.allocUnsafe(CHUNK);
	for (let position = 0; position < size;) {
		const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, size - position), position);
		if (bytesRead === 0) break;
		hash.update(buffer.subarray(0, bytesRead));
		position += bytesRead;
	}
	return `"${hash.digest('hex')}"`;
}

const reported = new Set<string>();

/**
 * A missing archive is normal (demo mode before the archive is made, a file being replaced); any
 * other failure is said once per kind, by code only, so a misconfigured server does not flood the log.
 */
function noteUnreadable(failure: unknown): void {
	const code = (failure as NodeJS.ErrnoException | null)?.code ?? 'unknown';
	if (code === 'ENOENT' || reported.has(code)) return;
	reported.add(code);
	log.warn(`the basemap archive cannot be read (${code}): the maps go without it`);
}
