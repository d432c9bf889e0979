/**
 * Writes a PMTiles v3 archive in memory: clustered (tile data in tile-id order, so a map's
 * neighbouring tiles lie in one span of the file), identical tiles stored once (a country's
 * interior tiles at high zoom are all the same square of land) and runs of them in one directory
 * entry. Leaf directories are made only when the root would not fit in a reader's first 16 KiB.
 * The `pmtiles` library reads archives but does not write them; this is what the demo basemap
 * (server/basemap/demoArchive.ts) and the tests use.
 */
import { gzipSync } from 'fflate';
import { zxyToTileId } from 'pmtiles';
import { serializeDirectory, type Entry } from './directory.ts';
import { Compression, FIRST_READ_BYTES, HEADER_BYTES, headerToBytes, TileType } from './header.ts';

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
