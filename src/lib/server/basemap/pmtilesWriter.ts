/**
 * Writes a PMTiles v3 archive in memory: clustered (tile data in tile-id order, so a map's
 * neighbouring tiles lie in one span of the file), identical tiles stored once (a country's
 * interior tiles at high zoom are all the same square of land) and runs of them in one directory
 * entry. Leaf directories are made only when the root would not fit in a reader's first 16 KiB.
 * The `pmtiles` library reads archives but does not write them; this is what the demo basemap
 * (demoArchive.ts) and the tests use. Format: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 */
import { gzipSync } from 'fflate';
import { Compression, TileType, zxyToTileId, type Entry, type Header } from 'pmtiles';

export { Compression, TileType };

const HEADER_BYTES = 127;
/** What a reader fetches first: the header and, by the spec's promise, the whole root directory. */
const FIRST_READ_BYTES = 16_384;

/** Appends `value` (a non-negative integer, up to 2^53) as an unsigned LEB128 varint. */
function writeVarint(out: number[], value: number): void {
	if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a varint: ${value}`);
	let rest = value;
	while (rest >= 0x80) {
		out.push((rest % 0x80) | 0x80);
		rest = Math.floor(rest / 0x80);
	}
	out.push(rest);
}

/**
 * The uncompressed bytes of a directory, entries sorted by tile id: a run of entries stored
 * column by column as varints — ids as deltas, and an offset of 0 meaning "right after the
 * previous entry", which is what makes a clustered archive's directories small.
 */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
	const out: number[] = [];
	writeVarint(out, entries.length);
	let lastId = 0;
	for (const entry of entries) {
		if (entry.tileId < lastId) throw new RangeError('directory entries must be sorted by tile id');
		writeVarint(out, entry.tileId - lastId);
		lastId = entry.tileId;
	}
	for (const entry of entries) writeVarint(out, entry.runLength);
	for (const entry of entries) writeVarint(out, entry.length);
	entries.forEach((entry, index) => {
		const previous = entries[index - 1];
		const follows = previous !== undefined && entry.offset === previous.offset + previous.length;
		writeVarint(out, follows ? 0 : entry.offset + 1);
	});
	return Uint8Array.from(out);
}

const MAGIC = [0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73]; // "PMTiles"

/** The fixed 127-byte header: where the directories, metadata and tile data lie, and what the tiles are. */
function headerToBytes(header: Header): Uint8Array {
	const bytes = new Uint8Array(HEADER_BYTES);
	const view = new DataView(bytes.buffer);
	bytes.set(MAGIC, 0);
	bytes[7] = 3;
	const u64 = (offset: number, value: number) => view.setBigUint64(offset, BigInt(value), true);
	u64(8, header.rootDirectoryOffset);
	u64(16, header.rootDirectoryLength);
	u64(24, header.jsonMetadataOffset);
	u64(32, header.jsonMetadataLength);
	u64(40, header.leafDirectoryOffset);
	u64(48, header.leafDirectoryLength ?? 0);
	u64(56, header.tileDataOffset);
	u64(64, header.tileDataLength ?? 0);
	u64(72, header.numAddressedTiles);
	u64(80, header.numTileEntries);
	u64(88, header.numTileContents);
	bytes[96] = header.clustered ? 1 : 0;
	bytes[97] = header.internalCompression;
	bytes[98] = header.tileCompression;
	bytes[99] = header.tileType;
	bytes[100] = header.minZoom;
	bytes[101] = header.maxZoom;
	const e7 = (offset: number, degrees: number) => view.setInt32(offset, Math.round(degrees * 1e7), true);
	e7(102, header.minLon);
	e7(106, header.minLat);
	e7(110, header.maxLon);
	e7(114, header.maxLat);
	bytes[118] = header.centerZoom;
	e7(119, header.centerLon);
	e7(123, header.centerLat);
	return bytes;
}

export type TileInput = { z: number; x: number; y: number; data: Uint8Array };

export type ArchiveOptions = {
	tileType: TileType;
	/** How `data` is already compressed; vector tiles are usually gzip. */
	tileCompression: Compression;
	bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number };
	center?: { lon: number; lat: number; zoom: number };
	/** Stored as the archive's JSON metadata (vector_layers, attribution, name…). */
	metadata: Record<string, unknown>;
	/** Leaf size to start from; tests set it small to exercise leaf directories. */
	leafSize?: number;
};

/** Gzip without a timestamp, so the same tiles always make the same archive (and ETag). */
const compress = (bytes: Uint8Array) => gzipSync(bytes, { mtime: 0, level: 9 });

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/** FNV-1a over the bytes with their length: a key to find identical tiles, confirmed byte by byte. */
function contentKey(bytes: Uint8Array): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
	return `${bytes.length}:${hash >>> 0}`;
}

type Content = { offset: number; data: Uint8Array };

/** The entries and the tile data section, identical tiles stored once. */
function layOutTiles(tiles: readonly TileInput[]) {
	const sorted = tiles
		.map((tile) => ({ tileId: zxyToTileId(tile.z, tile.x, tile.y), data: tile.data }))
		.sort((a, b) => a.tileId - b.tileId);
	const contents = new Map<string, Content[]>();
	const chunks: Uint8Array[] = [];
	let dataLength = 0;
	const entries: Entry[] = [];
	for (let i = 0; i < sorted.length; i++) {
		const tile = sorted[i]!;
		if (i > 0 && sorted[i - 1]!.tileId === tile.tileId) throw new RangeError(`tile ${tile.tileId} given twice`);
		const key = contentKey(tile.data);
		const seen = contents.get(key) ?? [];
		let content = seen.find((candidate) => sameBytes(candidate.data, tile.data));
		if (!content) {
			content = { offset: dataLength, data: tile.data };
			seen.push(content);
			contents.set(key, seen);
			chunks.push(tile.data);
			dataLength += tile.data.length;
		}
		const last = entries[entries.length - 1];
		if (last && last.offset === content.offset && last.tileId + last.runLength === tile.tileId) {
			last.runLength += 1;
		} else {
			entries.push({ tileId: tile.tileId, offset: content.offset, length: tile.data.length, runLength: 1 });
		}
	}
	return { entries, chunks, dataLength, contentCount: chunks.length };
}

/** The root directory and the leaves it points to, the root small enough for the first read. */
function layOutDirectories(entries: Entry[], startLeafSize: number) {
	const rootBudget = FIRST_READ_BYTES - HEADER_BYTES;
	const whole = compress(serializeDirectory(entries));
	if (whole.length <= rootBudget) return { root: whole, leaves: [] as Uint8Array[] };
	for (let leafSize = startLeafSize; ; leafSize *= 2) {
		const leaves: Uint8Array[] = [];
		const rootEntries: Entry[] = [];
		let offset = 0;
		for (let start = 0; start < entries.length; start += leafSize) {
			const leaf = compress(serializeDirectory(entries.slice(start, start + leafSize)));
			rootEntries.push({ tileId: entries[start]!.tileId, offset, length: leaf.length, runLength: 0 });
			leaves.push(leaf);
			offset += leaf.length;
		}
		const root = compress(serializeDirectory(rootEntries));
		if (root.length <= rootBudget) return { root, leaves };
	}
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
	const out = new Uint8Array(total);
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}

export function writeArchive(tiles: readonly TileInput[], options: ArchiveOptions): Uint8Array {
	if (tiles.length === 0) throw new RangeError('an archive needs at least one tile');
	const { entries, chunks, dataLength, contentCount } = layOutTiles(tiles);
	const { root, leaves } = layOutDirectories(entries, options.leafSize ?? 4096);
	const metadata = compress(new TextEncoder().encode(JSON.stringify(options.metadata)));
	const leavesLength = leaves.reduce((sum, leaf) => sum + leaf.length, 0);
	const zooms = tiles.map((tile) => tile.z);
	const minZoom = Math.min(...zooms);
	const maxZoom = Math.max(...zooms);
	const { bounds } = options;
	const center = options.center ?? {
		lon: (bounds.minLon + bounds.maxLon) / 2,
		lat: (bounds.minLat + bounds.maxLat) / 2,
		zoom: minZoom
	};

	const rootOffset = HEADER_BYTES;
	const metadataOffset = rootOffset + root.length;
	const leafOffset = metadataOffset + metadata.length;
	const tileDataOffset = leafOffset + leavesLength;
	const header = headerToBytes({
		specVersion: 3,
		rootDirectoryOffset: rootOffset,
		rootDirectoryLength: root.length,
		jsonMetadataOffset: metadataOffset,
		jsonMetadataLength: metadata.length,
		leafDirectoryOffset: leafOffset,
		leafDirectoryLength: leavesLength,
		tileDataOffset,
		tileDataLength: dataLength,
		numAddressedTiles: tiles.length,
		numTileEntries: entries.length,
		numTileContents: contentCount,
		clustered: true,
		internalCompression: Compression.Gzip,
		tileCompression: options.tileCompression,
		tileType: options.tileType,
		minZoom,
		maxZoom,
		...bounds,
		centerZoom: center.zoom,
		centerLon: center.lon,
		centerLat: center.lat
	});
	return concat([header, root, metadata, ...leaves, ...chunks], tileDataOffset + dataLength);
}
