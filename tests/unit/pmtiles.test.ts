/**
 * The PMTiles writer (domain/geo/pmtiles/writer.ts) checked against the `pmtiles` library's own
 * reader — the one the map uses — and against our range planner (reader.ts), on the real demo
 * archive and on a large random one that needs leaf directories.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PMTiles, type Source, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import {
	Compression,
	serializeDirectory,
	TileType,
	writeArchive,
	type TileInput
} from '$lib/server/basemap/pmtilesWriter.ts';
import {
	deserializeDirectory,
	openArchive,
	tileIdsIn,
	type RangeReader
} from '$lib/client/map/basemap/pmtilesReader.ts';
import { coalesce, tileCount, withMargin } from '$lib/domain/geo/tiles.ts';
import type { Entry } from 'pmtiles';
import { buildDemoArchive } from '$lib/server/basemap/demoArchive.ts';

class BytesSource implements Source {
	reads: { offset: number; length: number }[] = [];
	constructor(private readonly bytes: Uint8Array) {}
	getKey() {
		return 'memory';
	}
	async getBytes(offset: number, length: number) {
		this.reads.push({ offset, length });
		const slice = this.bytes.slice(offset, offset + length);
		return { data: slice.buffer };
	}
}

const readerOf =
	(bytes: Uint8Array): RangeReader =>
	async ({ offset, length }) =>
		bytes.slice(offset, offset + length);

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function random(seed: number) {
	let state = seed;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const options = {
	tileType: TileType.Mvt,
	tileCompression: Compression.None,
	bounds: { minLon: 20, minLat: 42, maxLon: 21, maxLat: 43 },
	metadata: { name: 'test' }
};

describe('PMTiles directories', () => {
	it('round-trip any sorted entries', () => {
		const entry = fc.record({
			gap: fc.integer({ min: 0, max: 1_000_000 }),
			offset: fc.integer({ min: 0, max: 2 ** 40 }),
			length: fc.integer({ min: 1, max: 1 << 24 }),
			runLength: fc.integer({ min: 0, max: 1000 }),
			follows: fc.boolean()
		});
		fc.assert(
			fc.property(fc.array(entry, { maxLength: 200 }), (raw) => {
				let tileId = 0;
				const entries: Entry[] = [];
				for (const item of raw) {
					tileId += item.gap;
					const previous = entries[entries.length - 1];
					const offset = item.follows && previous ? previous.offset + previous.length : item.offset;
					entries.push({ tileId, offset, length: item.length, runLength: item.runLength });
				}
				expect(deserializeDirectory(serializeDirectory(entries))).toEqual(entries);
			})
		);
	});

	it('refuse unsorted entries and a truncated directory', () => {
		const entries = [
			{ tileId: 5, offset: 0, length: 1, runLength: 1 },
			{ tileId: 4, offset: 1, length: 1, runLength: 1 }
		];
		expect(() => serializeDirectory(entries)).toThrow(/sorted/);
		const bytes = serializeDirectory([entries[1]!, entries[0]!]);
		expect(() => deserializeDirectory(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
	});
});

describe('an archive written here', () => {
	it('reads back tile for tile through the pmtiles library, with identical tiles stored once', async () => {
		const same = Uint8Array.from([1, 2, 3]);
		const tiles: TileInput[] = [
			{ z: 0, x: 0, y: 0, data: Uint8Array.from([9]) },
			{ z: 1, x: 0, y: 0, data: same },
			{ z: 1, x: 0, y: 1, data: same },
			{ z: 1, x: 1, y: 1, data: same },
			{ z: 2, x: 3, y: 1, data: Uint8Array.from([7, 7]) }
		];
		const bytes = writeArchive(tiles, options);
		const archive = new PMTiles(new BytesSource(bytes));
		const header = await archive.getHeader();
		expect(header).toMatchObject({ minZoom: 0, maxZoom: 2, numAddressedTiles: 5, numTileContents: 3, clustered: true });
		expect(header.minLon).toBeCloseTo(20, 6);
		expect(header.maxLat).toBeCloseTo(43, 6);
		for (const tile of tiles) {
			const read = await archive.getZxy(tile.z, tile.x, tile.y);
			expect(new Uint8Array(read!.data)).toEqual(tile.data);
		}
		expect(await archive.getZxy(1, 1, 0)).toBeUndefined();
		expect(await archive.getZxy(3, 0, 0)).toBeUndefined();
		expect(await archive.getMetadata()).toEqual({ name: 'test' });
		// The same input gives the same bytes (the served ETag stays put across restarts).
		expect(writeArchive(tiles, options)).toEqual(bytes);
	});

	it('uses leaf directories when the root would not fit in the first read, and both readers agree', async () => {
		const next = random(42);
		const seen = new Set<number>();
		const tiles: TileInput[] = [];
		while (tiles.length < 20_000) {
			const x = Math.floor(next() * 16384);
			const y = Math.floor(next() * 16384);
			const id = zxyToTileId(14, x, y);
			if (seen.has(id)) continue;
			seen.add(id);
			const data = new Uint8Array(1 + Math.floor(next() * 300)).map(() => Math.floor(next() * 256));
			tiles.push({ z: 14, x, y, data });
		}
		const bytes = writeArchive(tiles, { ...options, leafSize: 256 });
		const source = new BytesSource(bytes);
		const library = new PMTiles(source);
		const header = await library.getHeader();
		expect(header.leafDirectoryLength).toBeGreaterThan(0);
		expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);

		const ours = await openArchive(readerOf(bytes));
		for (const tile of tiles.filter((_, index) => index % 97 === 0)) {
			const read = await library.getZxy(tile.z, tile.x, tile.y);
			expect(new Uint8Array(read!.data)).toEqual(tile.data);
			expect(await ours.tile(tile.z, tile.x, tile.y)).toEqual(tile.data);
		}
	});

	it("plans exactly the ranges the pmtiles library then reads for an area's tiles", async () => {
		const next = random(7);
		const tiles: TileInput[] = [];
		for (let x = 9000; x < 9100; x++)
			for (let y = 6000; y < 6100; y++)
				tiles.push({ z: 14, x, y, data: new Uint8Array(2 + Math.floor(next() * 50)).fill(x % 256) });
		const bytes = writeArchive(tiles, { ...options, leafSize: 64 });
		const ours = await openArchive(readerOf(bytes));
		const area = { minLng: 18.0, minLat: 42.4, maxLng: 18.1, maxLat: 42.5 };
		const ids = [...tileIdsIn(area, 14, 14)];
		expect(ids.length).toBe(tileCount(area, 14, 14));
		const planned = await ours.rangesFor(ids);
		expect(planned.tiles.length).toBeGreaterThan(0);

		const source = new BytesSource(bytes);
		const library = new PMTiles(source);
		for (const id of ids) await library.getZxy(...tileIdToZxy(id));
		const key = (range: { offset: number; length: number }) => `${range.offset}+${range.length}`;
		const plannedKeys = new Set([...planned.directories, ...planned.tiles, { offset: 0, length: 16_384 }].map(key));
		for (const read of source.reads) expect(plannedKeys.has(key(read))).toBe(true);
	});
});

describe('area arithmetic', () => {
	it('grows a box by metres and counts its tiles', () => {
		const box = withMargin({ minLng: 21.16, minLat: 42.66, maxLng: 21.17, maxLat: 42.67 }, 1000);
		expect(box.maxLat - box.minLat).toBeCloseTo(0.01 + 2000 / 111_320, 6);
		expect(tileCount(box, 0, 0)).toBe(1);
		expect(tileCount(box, 16, 16)).toBeGreaterThan(tileCount(box, 15, 15));
	});

	it('coalesces near ranges into bounded spans that keep every part', () => {
		const ranges = [
			{ offset: 0, length: 10 },
			{ offset: 12, length: 10 },
			{ offset: 100, length: 5 },
			{ offset: 105, length: 5 }
		];
		const spans = coalesce(ranges, 4, 1000);
		expect(spans.map(({ offset, length }) => [offset, length])).toEqual([
			[0, 22],
			[100, 10]
		]);
		expect(coalesce(ranges, 1000, 50).map((span) => span.parts.length)).toEqual([2, 2]);
	});
});

describe('the demo basemap', () => {
	it('is a vector archive of the outline and the 38 seats, named in Albanian and Serbian', async () => {
		const bytes = buildDemoArchive(10);
		const archive = await openArchive(readerOf(bytes));
		expect(archive.header).toMatchObject({ tileType: TileType.Mvt, minZoom: 0, maxZoom: 10 });
		expect((await archive.metadata()).attribution).toMatch(/demo/i);
		// Prishtinë's tile at zoom 10.
		const x = Math.floor(((21.166 + 180) / 360) * 1024);
		const latRad = (42.663 * Math.PI) / 180;
		const y = Math.floor(((1 - Math.log(Math.tan(latRad) + 1 / Math.cos(latRad)) / Math.PI) / 2) * 1024);
		const tile = new VectorTile(new Protobuf((await archive.tile(10, x, y))!));
		expect(Object.keys(tile.layers).sort()).toEqual(['earth', 'places']);
		const places = tile.layers.places!;
		const names = Array.from({ length: places.length }, (_, i) => places.feature(i).properties);
		expect(names).toContainEqual(
			expect.objectContaining({ name: 'Prishtinë', 'name:sr': 'Priština', kind: 'locality' })
		);
	});
});
