/**
 * The device's offline map areas without a browser: planning an area against a real archive, the
 * download through Range requests, and the device-first reader then drawing every tile of the
 * area with the network gone. The archive is served by a function that answers Range requests
 * over its bytes (as /api/basemap does); Cache Storage is a Map behind the same interface (the
 * real one is exercised in tests/e2e/offlineBasemap.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PMTiles } from 'pmtiles';
import { buildDemoArchive } from '$lib/server/basemap/demoArchive.ts';
import { continueDownload, planArea } from '$lib/client/map/basemap/download.ts';
import { AreaStore, findSpan } from '$lib/client/map/basemap/store.ts';
import { DeviceFirstSource } from '$lib/client/map/basemap/deviceSource.ts';
import { openArchive, tileIdsIn } from '$lib/client/map/basemap/pmtilesReader.ts';
import { covers, mayDownloadUnasked, teamAreaChanges, teamAreaRequests } from '$lib/domain/geo/offlineAreas.ts';
import { tileIdToZxy } from 'pmtiles';

const archive = buildDemoArchive(12);
const ETAG = '"demo"';
const settings = { url: '/api/basemap', etag: ETAG };

let online = true;
let requests: string[] = [];

/** /api/basemap over `archive`: 206 for a range, the ETag on every answer. */
async function serve(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	if (!online) throw new TypeError('Failed to fetch');
	const range = new Headers(init?.headers).get('range') ?? '';
	requests.push(range);
	const match = /^bytes=(\d+)-(\d+)$/.exec(range);
	if (String(input) !== '/api/basemap' || !match) return new Response(null, { status: 400 });
	const start = Number(match[1]);
	const end = Math.min(Number(match[2]), archive.length - 1);
	if (start >= archive.length)
		return new Response(null, { status: 416, headers: { 'content-range': `bytes */${archive.length}` } });
	return new Response(archive.slice(start, end + 1), {
		status: 206,
		headers: { etag: ETAG, 'content-range': `bytes ${start}-${end}/${archive.length}` }
	});
}

class MemoryCache {
	entries = new Map<string, Response>();
	async match(url: string) {
		return this.entries.get(url)?.clone();
	}
	async put(url: string, response: Response) {
		this.entries.set(url, response);
	}
	async delete(url: string) {
		return this.entries.delete(url);
	}
}

const globals = globalThis as unknown as { fetch: typeof fetch; caches?: unknown };
const realFetch = globals.fetch;
let cache: MemoryCache;

beforeEach(() => {
	online = true;
	requests = [];
	cache = new MemoryCache();
	globals.fetch = serve as typeof fetch;
	globals.caches = { open: async () => cache, delete: async () => true };
});

afterEach(() => {
	globals.fetch = realFetch;
	delete globals.caches;
});

const prishtina = [
	{ lat: 42.663, lng: 21.166 },
	{ lat: 42.667, lng: 21.17 },
	{ lat: 42.655, lng: 21.158 }
];

describe('an offline area', () => {
	it("is planned from the archive's directories, downloaded in spans, and drawn from the device offline", async () => {
		const [request] = teamAreaRequests([{ operationId: 'op-1', points: prishtina }]);
		const area = await planArea(settings, { ...request!, kind: 'team' });
		expect(area.maxZoom).toBe(12); // clamped to the archive's
		expect(area.etag).toBe(ETAG);
		expect(area.bytes).toBeLessThanOrEqual(archive.length);
		const store = new AreaStore();
		await store.save(area);

		const progress: number[] = [];
		const done = await continueDownload(settings, store, area, (step) => progress.push(step.storedBytes));
		expect(done.stored).toBe(done.spans.length);
		expect(progress.at(-1)).toBe(area.bytes);

		// Airplane mode: every tile of the area at every zoom reads through the device-first source.
		online = false;
		const source = new DeviceFirstSource(settings, new AreaStore());
		const library = new PMTiles(source);
		const ours = await openArchive(async ({ offset, length }) => archive.slice(offset, offset + length));
		let read = 0;
		for (const id of tileIdsIn(request!.box, 0, 12)) {
			const [z, x, y] = tileIdToZxy(id);
			const expected = await ours.tile(z, x, y);
			const got = await library.getZxy(z, x, y);
			expect(got ? new Uint8Array(got.data) : null).toEqual(expected);
			if (expected) read += 1;
		}
		expect(read).toBeGreaterThan(10);
		expect(source.counts.network).toBe(0);
		expect(source.counts.device).toBeGreaterThan(0);
	});

	it('resumes after a lost connection without fetching a stored span again', async () => {
		const area = await planArea(settings, { id: 'country', kind: 'country', box: null, maxZoom: 12 });
		// Many small spans, as a large archive would have.
		area.spans = area.spans.flatMap((span) => {
			const parts = [];
			for (let at = span.offset; at < span.offset + span.length; at += 4096)
				parts.push({ offset: at, length: Math.min(4096, span.offset + span.length - at) });
			return parts;
		});
		const store = new AreaStore();
		await store.save(area);
		let calls = 0;
		const cut = continueDownload(settings, store, area, () => {
			calls += 1;
			if (calls === 4) online = false;
		});
		await expect(cut).rejects.toThrow();
		const [partial] = await store.areas();
		// Three stored, and any spans already fetched ahead before the connection went.
		expect(partial!.stored).toBeGreaterThanOrEqual(3);
		expect(partial!.stored).toBeLessThan(area.spans.length);
		const kept = partial!.stored;

		online = true;
		requests = [];
		const done = await continueDownload(settings, store, partial!, () => undefined);
		expect(done.stored).toBe(area.spans.length);
		expect(requests.length).toBe(area.spans.length - kept);
		const next = area.spans[kept]!;
		expect(requests[0]).toBe(`bytes=${next.offset}-${next.offset + next.length - 1}`);
	});

	it('is not read for another archive version, and offline an older whole one is used', async () => {
		const area = await planArea(settings, { id: 'country', kind: 'country', box: null, maxZoom: 12 });
		const store = new AreaStore();
		await continueDownload(settings, store, area, () => undefined);
		// The server now has a new archive the device has not fetched yet.
		const newer = { url: '/api/basemap', etag: '"new"' };
		online = false;
		const source = new DeviceFirstSource(newer, new AreaStore());
		const header = await new PMTiles(source).getHeader();
		expect(header.maxZoom).toBe(12);
		expect(source.counts.device).toBeGreaterThan(0);
	});
});

describe('the areas a team keeps', () => {
	it('box the venues with a margin, one per operation with located venues', () => {
		const requests = teamAreaRequests([
			{ operationId: 'a', points: prishtina },
			{ operationId: 'b', points: [] }
		]);
		expect(requests.map((request) => request.id)).toEqual(['team:a']);
		const box = requests[0]!.box;
		expect(box.minLat).toBeLessThan(42.655 - 0.01);
		expect(box.maxLng).toBeGreaterThan(21.17 + 0.01);
		expect(covers(box, { minLat: 42.66, maxLat: 42.661, minLng: 21.16, maxLng: 21.161 })).toBe(true);
		expect(covers(box, { minLat: 42.0, maxLat: 42.661, minLng: 21.16, maxLng: 21.161 })).toBe(false);
	});

	it("leave with the operation's target list, and are fetched again for a new archive or a wider list", () => {
		const [a, b] = teamAreaRequests([
			{ operationId: 'a', points: prishtina },
			{ operationId: 'b', points: prishtina }
		]);
		const stored = [
			{ id: 'team:a', kind: 'team', etag: '"v1"', box: a!.box },
			{ id: 'team:gone', kind: 'team', etag: '"v1"', box: a!.box },
			{ id: 'country', kind: 'country', etag: '"v1"', box: a!.box }
		];
		// Operation "gone" expired (its assignments left the device); "b" is new.
		expect(teamAreaChanges(stored, [a!, b!], '"v1"')).toEqual({
			remove: [{ id: 'team:gone', etag: '"v1"' }],
			fetch: [b]
		});
		// A new archive on the server: both are fetched again (the old copies stay until then).
		expect(teamAreaChanges(stored, [a!, b!], '"v2"').fetch).toEqual([a, b]);
		// A venue far away joined the list: the stored box no longer covers it.
		const [wider] = teamAreaRequests([{ operationId: 'a', points: [...prishtina, { lat: 42.2, lng: 20.7 }] }]);
		expect(teamAreaChanges(stored, [wider!], '"v1"').fetch).toEqual([wider]);
	});

	it('download on their own unless the browser says the connection is metered or slow', () => {
		expect(mayDownloadUnasked(undefined)).toBe(true);
		expect(mayDownloadUnasked({ type: 'wifi' })).toBe(true);
		expect(mayDownloadUnasked({ type: 'cellular' })).toBe(false);
		expect(mayDownloadUnasked({ saveData: true })).toBe(false);
		expect(mayDownloadUnasked({ effectiveType: '2g' })).toBe(false);
	});

	it('find a stored span by binary search, only among the stored ones', () => {
		const spans = [
			{ offset: 0, length: 100 },
			{ offset: 200, length: 50 },
			{ offset: 300, length: 10 }
		];
		expect(findSpan(spans, 3, 210, 240)).toEqual(spans[1]);
		expect(findSpan(spans, 3, 240, 260)).toBeNull();
		expect(findSpan(spans, 2, 300, 305)).toBeNull();
		expect(findSpan(spans, 3, 150, 160)).toBeNull();
	});
});
