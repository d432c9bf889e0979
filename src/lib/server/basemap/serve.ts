/**
 * GET and HEAD /api/basemap: the archive, whole or by byte range (ranges.ts), streamed from disk
 * so a country archive never sits in memory. Nothing here is person-level, so nothing is audited;
 * the log says nothing about who read which range either.
 */
import { Readable } from 'node:stream';
import type { ServerConfig } from '../config.ts';
import { errorResponse } from '../http.ts';
import { openBasemap } from './file.ts';
import { answerFor } from './ranges.ts';

// The media type the PMTiles specification names for its archives.
const CONTENT_TYPE = 'application/vnd.pmtiles';

export async function serveBasemap(request: Request, config: ServerConfig): Promise<Response> {
	const opened = await openBasemap(config);
	if (!opened) return errorResponse(404, 'this server has no basemap');
	const { handle, size, modified, etag } = opened;
	const headers = new Headers({
		'accept-ranges': 'bytes',
		etag,
		'last-modified': modified.toUTCString(),
		// The device keeps its own copy of the areas it needs (Origin Private File System); the
		// browser's HTTP cache must ask again each time, so a replaced archive is seen at once.
		'cache-control': 'private, no-cache'
	});
	const answer = answerFor(request.method, request.headers, { etag, modified, size });
	let start = 0;
	let end = size - 1;
	if (answer.status === 206) {
		({ start, end } = answer);
		headers.set('content-range', `bytes ${start}-${end}/${size}`);
	} else if (answer.status !== 200) {
		await handle.close();
		if (answer.status === 304) return new Response(null, { status: 304, headers });
		if (answer.status === 412) return errorResponse(412, 'the basemap archive has changed');
		const refused = errorResponse(416, `the range lies outside the archive of ${size} bytes`);
		refused.headers.set('content-range', `bytes */${size}`);
		return refused;
	}
	headers.set('content-type', CONTENT_TYPE);
	headers.set('content-length', String(end - start + 1));
	if (request.method === 'HEAD' || end < start) {
		await handle.close();
		return new Response(null, { status: answer.status, headers });
	}
	// The stream closes the file when it ends or when the client goes away.
	const body = Readable.toWeb(handle.createReadStream({ start, end })) as ReadableStream<Uint8Array>;
	return new Response(body, { status: answer.status, headers });
}
