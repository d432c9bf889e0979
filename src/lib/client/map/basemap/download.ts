/**
 * Downloading an area of the archive to the device. Planning reads the header and the directories
 * the area needs (a few small requests) and so knows the size before anything large is fetched;
 * the tiles are then fetched as spans of neighbouring ranges (the archive is clustered, so an area
 * is a few long runs of bytes), each stored as it arrives, so a lost connection costs at most the
 * span in flight and the download resumes from there.
 */
import { coalesce, type LngLatBox } from '$lib/domain/geo/tiles.ts';
import { FIRST_READ, openArchive, tileIdsIn, type ByteRange } from './pmtilesReader.ts';
import { fetchRange } from './network.ts';
import { AreaStore, isComplete, type AreaKind, type AreaRecord } from './store.ts';
import type { BasemapSettings } from './deviceSource.ts';

/**
 * A gap up to this size is fetched and thrown away rather than cost another request: on a phone a
 * request's round trip costs about what 64 KiB take to arrive.
 */
const MAX_GAP = 64 * 1024;
/** One span per request and per cache entry: large enough to be cheap, small enough to lose. */
const MAX_SPAN = 512 * 1024;

export type AreaRequest = {
	id: string;
	kind: AreaKind;
	operationId?: string;
	/** The operation's day, for a team area. */
	date?: string;
	/** Null: the archive's own bounds (the whole country). */
	box: LngLatBox | null;
	/** Closest zoom to keep; clamped to what the archive has (the map over-zooms beyond it). */
	maxZoom: number;
};

export type Progress = { storedBytes: number; bytes: number };

/** The area's record with every span it needs, nothing stored yet. */
export async function planArea(
	settings: BasemapSettings,
	request: AreaRequest,
	signal?: AbortSignal
): Promise<AreaRecord> {
	let etag: string | null = null;
	let size: number | null = null;
	const archive = await openArchive(async (range) => {
		const answer = await fetchRange(settings.url, range, { etag, signal });
		etag ??= answer.etag;
		size ??= answer.size;
		return answer.bytes;
	});
	if (!etag || size === null) throw new Error('the basemap answer had no ETag or size');
	const { header } = archive;
	const box = request.box ?? {
		minLng: header.minLon,
		minLat: header.minLat,
		maxLng: header.maxLon,
		maxLat: header.maxLat
	};
	const maxZoom = Math.min(request.maxZoom, header.maxZoom);
	const { directories, tiles } = await archive.rangesFor(tileIdsIn(box, header.minZoom, maxZoom));
	const archiveSize: number = size;
	const clip = (range: ByteRange): ByteRange => ({
		offset: range.offset,
		length: Math.min(range.length, archiveSize - range.offset)
	});
	const metadata = { offset: header.jsonMetadataOffset, length: header.jsonMetadataLength };
	const spans = coalesce([FIRST_READ, metadata, ...directories, ...tiles].map(clip), MAX_GAP, MAX_SPAN).map(
		({ offset, length }) => ({ offset, length })
	);
	return {
		id: request.id,
		kind: request.kind,
		operationId: request.operationId,
		date: request.date,
		box,
		minZoom: header.minZoom,
		maxZoom,
		etag,
		archiveSize,
		spans,
		stored: 0,
		bytes: spans.reduce((sum, span) => sum + span.length, 0),
		storedBytes: 0,
		createdAt: new Date().toISOString(),
		completedAt: null
	};
}

/**
 * Spans fetched at once: over a phone's connection each request costs a round trip of 100 ms or
 * more, so the next ones are on their way while one is stored. They are still stored in order, so
 * "the first `stored` spans" stays what resuming relies on.
 */
const IN_FLIGHT = 3;

/**
 * Fetches and stores the spans of `area` not yet stored, saving progress after each. Throws when
 * the connection is lost (the area stays, partly stored) or the archive changed on the server.
 */
export async function continueDownload(
	settings: BasemapSettings,
	store: Pick<AreaStore, 'putSpan' | 'save'>,
	area: AreaRecord,
	onProgress: (progress: Progress) => void,
	signal?: AbortSignal
): Promise<AreaRecord> {
	const current = structuredClone(area);
	const ahead = new Map<number, Promise<Uint8Array>>();
	const fetchSpan = (index: number) => {
		const span = current.spans[index]!;
		const answer = fetchRange(settings.url, span, { etag: current.etag, signal }).then(({ bytes }) => {
			if (bytes.length !== span.length) throw new Error('the basemap answered a short range');
			return bytes;
		});
		// A span fetched ahead may fail after an earlier one already stopped the download.
		answer.catch(() => undefined);
		ahead.set(index, answer);
	};
	onProgress({ storedBytes: current.storedBytes, bytes: current.bytes });
	while (!isComplete(current)) {
		const last = Math.min(current.spans.length, current.stored + IN_FLIGHT);
		for (let index = current.stored; index < last; index++) if (!ahead.has(index)) fetchSpan(index);
		const span = current.spans[current.stored]!;
		const bytes = await ahead.get(current.stored)!;
		ahead.delete(current.stored);
		await store.putSpan(current, span, bytes);
		current.stored += 1;
		current.storedBytes += span.length;
		if (isComplete(current)) current.completedAt = new Date().toISOString();
		await store.save(current);
		onProgress({ storedBytes: current.storedBytes, bytes: current.bytes });
	}
	return current;
}
