/**
 * Byte ranges of the server's archive (GET /api/basemap with `Range`), checked against the version
 * the reader started with: a range from a replaced archive would mix two files.
 */
import type { ByteRange } from './pmtilesReader.ts';

export class ArchiveChanged extends Error {
	constructor(readonly etag: string | null) {
		super('the basemap archive changed on the server');
	}
}

export type RangeAnswer = { bytes: Uint8Array; etag: string | null; size: number | null };

/** The archive's total size from `Content-Range: bytes a-b/size`. */
function sizeOf(response: Response, bytes: number): number | null {
	const match = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '');
	if (match) return Number(match[1]);
	return response.status === 200 ? bytes : null;
}

export async function fetchRange(
	url: string,
	range: ByteRange,
	options: { etag?: string | null; signal?: AbortSignal } = {}
): Promise<RangeAnswer> {
	const response = await fetch(url, {
		headers: { Range: `bytes=${range.offset}-${range.offset + range.length - 1}` },
		credentials: 'same-origin',
		// The device keeps its own copy; the HTTP cache would only hold a second one.
		cache: 'no-store',
		signal: options.signal
	});
	const etag = response.headers.get('etag');
	if (response.status === 416) return { bytes: new Uint8Array(0), etag, size: null };
	if (response.status !== 206 && response.status !== 200) throw new Error(`basemap answered ${response.status}`);
	if (options.etag && etag && etag !== options.etag) throw new ArchiveChanged(etag);
	let bytes = new Uint8Array(await response.arrayBuffer());
	const size = sizeOf(response, bytes.length);
	// A server that ignores Range answers the whole file: take the part asked for.
	if (response.status === 200) bytes = bytes.slice(range.offset, range.offset + range.length);
	return { bytes, etag, size };
}
