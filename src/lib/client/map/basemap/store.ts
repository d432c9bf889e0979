/**
 * The offline map areas kept on the device, in Cache Storage (not IndexedDB: a country's archive is
 * tens of megabytes, and the Cache API stores each span as a file the browser streams, counted in
 * the same quota). An area is a list of spans of the server's archive — byte ranges, each one
 * request and one cache entry — with how many of them are stored so far, so a download cut by a
 * lost connection resumes where it stopped. The index of areas is a small JSON entry in the same
 * cache. Everything is tied to the archive's ETag: a new archive on the server makes new areas.
 *
 * What the cache reveals on a lost phone is the map of a neighbourhood, never venues or visits;
 * team areas carry a margin and leave with the operation's target list (offlineAreas.svelte.ts),
 * and the whole cache is deleted on sign-out and wipe (pwa.ts).
 */
import type { LngLatBox } from '$lib/domain/geo/tiles.ts';
import type { ByteRange } from './pmtilesReader.ts';

export const BASEMAP_CACHE = 'kontrolla-basemap-v1';
const INDEX_URL = '/__basemap/index.json';

export type AreaKind = 'team' | 'country' | 'view';

export type AreaRecord = {
	id: string;
	kind: AreaKind;
	/** The operation whose target list this area covers (team areas). */
	operationId?: string;
	/** The operation's day (team areas), shown beside the area. */
	date?: string;
	box: LngLatBox;
	minZoom: number;
	maxZoom: number;
	/** The archive version the spans were read from. */
	etag: string;
	/** The archive's size: a read past its end is answered with what there is, as the server does. */
	archiveSize: number;
	/** Planned spans in archive order; the first `stored` of them are on the device. */
	spans: ByteRange[];
	stored: number;
	bytes: number;
	storedBytes: number;
	createdAt: string;
	completedAt: string | null;
};

export const isComplete = (area: AreaRecord) => area.stored === area.spans.length;

const spanUrl = (area: Pick<AreaRecord, 'id' | 'etag'>, span: ByteRange) =>
	`/__basemap/span/${encodeURIComponent(area.etag)}/${encodeURIComponent(area.id)}/${span.offset}-${span.length}`;

/** A few recently read spans, so drawing a view does not reopen the same cache entry per tile. */
const MEMORY_SPANS = 8;

export class AreaStore {
	#cache: Promise<Cache> | null = null;
	#index: Promise<AreaRecord[]> | null = null;
	#recent = new Map<string, Promise<Uint8Array | null>>();

	static available(): boolean {
		return typeof caches !== 'undefined';
	}

	#open(): Promise<Cache> {
		this.#cache ??= caches.open(BASEMAP_CACHE);
		return this.#cache;
	}

	async areas(): Promise<AreaRecord[]> {
		this.#index ??= this.#open().then(async (cache) => {
			const response = await cache.match(INDEX_URL);
			return response ? ((await response.json()) as AreaRecord[]) : [];
		});
		return this.#index;
	}

	async #writeIndex(areas: AreaRecord[]): Promise<void> {
		this.#index = Promise.resolve(areas);
		const cache = await this.#open();
		await cache.put(
			INDEX_URL,
			new Response(JSON.stringify(areas), { headers: { 'Content-Type': 'application/json' } })
		);
	}

	/** Adds or replaces an area's record (one per area and archive version). */
	async save(area: AreaRecord): Promise<void> {
		const areas = (await this.areas()).filter((existing) => existing.id !== area.id || existing.etag !== area.etag);
		await this.#writeIndex([...areas, structuredClone(area)]);
	}

	/** Stores one span's bytes; the caller then records progress with `save`. */
	async putSpan(area: AreaRecord, span: ByteRange, bytes: Uint8Array): Promise<void> {
		const cache = await this.#open();
		await cache.put(spanUrl(area, span), new Response(bytes as BufferSource));
	}

	async remove(id: string, etag: string): Promise<void> {
		const areas = await this.areas();
		const gone = areas.find((area) => area.id === id && area.etag === etag);
		if (!gone) return;
		await this.#writeIndex(areas.filter((area) => area !== gone));
		const cache = await this.#open();
		await Promise.all(gone.spans.map((span) => cache.delete(spanUrl(gone, span))));
		this.#recent.clear();
	}

	/** The archive versions held whole in some area, newest first: what an offline map may settle on. */
	async etags(): Promise<string[]> {
		const areas = [...(await this.areas())].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
		return [...new Set(areas.filter(isComplete).map((area) => area.etag))];
	}

	/**
	 * The bytes `range` of the archive version `etag`, if a stored span holds them; null otherwise.
	 * A range reaching past the archive's end is answered up to the end.
	 */
	async read(etag: string, range: ByteRange): Promise<Uint8Array | null> {
		for (const area of await this.areas()) {
			if (area.etag !== etag || area.stored === 0) continue;
			const end = Math.min(range.offset + range.length, area.archiveSize);
			const span = findSpan(area.spans, area.stored, range.offset, end);
			if (!span) continue;
			const bytes = await this.#spanBytes(area, span);
			if (bytes && bytes.length >= end - span.offset) return bytes.slice(range.offset - span.offset, end - span.offset);
		}
		return null;
	}

	#spanBytes(area: AreaRecord, span: ByteRange): Promise<Uint8Array | null> {
		const key = spanUrl(area, span);
		let found = this.#recent.get(key);
		if (!found) {
			found = this.#open()
				.then((cache) => cache.match(key))
				.then(async (response) => (response ? new Uint8Array(await response.arrayBuffer()) : null));
			this.#recent.set(key, found);
			if (this.#recent.size > MEMORY_SPANS) this.#recent.delete(this.#recent.keys().next().value!);
		}
		return found;
	}
}

/** The stored span (among the first `stored`, sorted by offset) holding [start, end), by binary search. */
export function findSpan(spans: readonly ByteRange[], stored: number, start: number, end: number): ByteRange | null {
	let low = 0;
	let high = stored - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const span = spans[middle]!;
		if (start < span.offset) high = middle - 1;
		else if (start >= span.offset + span.length) low = middle + 1;
		else return end <= span.offset + span.length ? span : null;
	}
	return null;
}

/** Deletes every stored map area (sign-out, wipe). */
export async function forgetOfflineAreas(): Promise<void> {
	if (AreaStore.available()) await caches.delete(BASEMAP_CACHE);
}
