/**
 * Reading a PMTiles archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md)
 * through any source of byte ranges, and finding which ranges a set of tiles needs. The map itself reads through the `pmtiles` library; the device uses this to know,
 * before the map ever asks, exactly the ranges the library will request for an area (the first
 * 16 KiB, the leaf directories on the way, each tile's bytes), so they can be fetched and kept.
 */
import { gunzipSync } from 'fflate';
import { bytesToHeader, Compression, findTile, readVarint, zxyToTileId, type Entry, type Header } from 'pmtiles';
import { tileRange, type ByteRange, type LngLatBox } from '$lib/domain/geo/tiles.ts';

export type { ByteRange };

const HEADER_BYTES = 127;
/** What the `pmtiles` library reads first: the header and, by the spec's promise, the root directory. */
const FIRST_READ_BYTES = 16_384;
/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type RangeReader = (range: ByteRange) => Promise<Uint8Array>;

/** The first read the `pmtiles` library makes, whatever the archive's size. */
export const FIRST_READ: ByteRange = { offset: 0, length: FIRST_READ_BYTES };

export function decompress(bytes: Uint8Array, compression: Compression): Uint8Array {
	if (compression === Compression.None) return bytes;
	if (compression === Compression.Gzip) return gunzipSync(bytes);
	throw new Error(`unsupported PMTiles compression ${compression}`);
}

/** The entries of an uncompressed directory (the writer is server/basemap/pmtilesWriter.ts). Throws on a truncated one. */
export function deserializeDirectory(bytes: Uint8Array): Entry[] {
	const position = { buf: bytes, pos: 0 };
	const next = () => {
		if (position.pos >= bytes.length) throw new RangeError('truncated PMTiles directory');
		return readVarint(position);
	};
	const count = next();
	const entries: Entry[] = [];
	let lastId = 0;
	for (let i = 0; i < count; i++) {
		lastId += next();
		entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 1 });
	}
	for (const entry of entries) entry.runLength = next();
	for (const entry of entries) entry.length = next();
	entries.forEach((entry, index) => {
		const value = next();
		const previous = entries[index - 1];
		entry.offset = value === 0 && previous ? previous.offset + previous.length : value - 1;
	});
	return entries;
}

/** The tile ids covering the box at each zoom from `minZoom` to `maxZoom`. */
export function* tileIdsIn(box: LngLatBox, minZoom: number, maxZoom: number): Generator<number> {
	for (let z = minZoom; z <= maxZoom; z++) {
		const { x0, x1, y0, y1 } = tileRange(box, z);
		for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield zxyToTileId(z, x, y);
	}
}

export type Archive = {
	header: Header;
	metadata(): Promise<Record<string, unknown>>;
	/** The entry of one tile id (run-length entries cover several ids), or null. */
	entry(tileId: number): Promise<Entry | null>;
	/** The byte range holding one tile's (compressed) bytes, or null when the archive lacks it. */
	tileRange(tileId: number): Promise<ByteRange | null>;
	tile(z: number, x: number, y: number): Promise<Uint8Array | null>;
	/**
	 * The ranges the tiles need beyond the first read: leaf directories (read here, through the
	 * reader) and tiles (only located). Identical tiles share one range, listed once.
	 */
	rangesFor(tileIds: Iterable<number>): Promise<{ directories: ByteRange[]; tiles: ByteRange[] }>;
};

export async function openArchive(read: RangeReader): Promise<Archive> {
	const first = await read(FIRST_READ);
	if (first.length < HEADER_BYTES || first[0] !== 0x50 || first[1] !== 0x4d || first[7] !== 3)
		throw new Error('not a PMTiles v3 archive');
	const header = bytesToHeader(first.slice(0, HEADER_BYTES).buffer);
	const rootBytes = first.slice(header.rootDirectoryOffset, header.rootDirectoryOffset + header.rootDirectoryLength);
	const root = deserializeDirectory(decompress(rootBytes, header.internalCompression));
	const leaves = new Map<number, Promise<Entry[]>>();
	const leafRanges = new Map<number, ByteRange>();

	const leaf = (range: ByteRange): Promise<Entry[]> => {
		let found = leaves.get(range.offset);
		if (!found) {
			leafRanges.set(range.offset, range);
			found = read(range).then((bytes) => deserializeDirectory(decompress(bytes, header.internalCompression)));
			leaves.set(range.offset, found);
		}
		return found;
	};

	const entry = async (tileId: number): Promise<Entry | null> => {
		let directory = root;
		// The spec allows a root and up to three levels of leaves.
		for (let depth = 0; depth <= 3; depth++) {
			const found = findTile(directory, tileId);
			if (!found) return null;
			if (found.runLength > 0) return found;
			directory = await leaf({ offset: header.leafDirectoryOffset + found.offset, length: found.length });
		}
		throw new Error('PMTiles directories nested too deep');
	};

	const tileRange = async (tileId: number): Promise<ByteRange | null> => {
		const found = await entry(tileId);
		return found && { offset: header.tileDataOffset + found.offset, length: found.length };
	};

	return {
		header,
		entry,
		tileRange,
		async metadata() {
			const bytes = await read({ offset: header.jsonMetadataOffset, length: header.jsonMetadataLength });
			return JSON.parse(new TextDecoder().decode(decompress(bytes, header.internalCompression))) as Record<
				string,
				unknown
			>;
		},
		async tile(z, x, y) {
			if (z < header.minZoom || z > header.maxZoom) return null;
			const range = await tileRange(zxyToTileId(z, x, y));
			return range && decompress(await read(range), header.tileCompression);
		},
		async rangesFor(tileIds) {
			const tiles = new Map<number, ByteRange>();
			const before = new Set(leafRanges.keys());
			for (const tileId of tileIds) {
				const range = await tileRange(tileId);
				if (range) tiles.set(range.offset, range);
			}
			const directories = [...leafRanges.values()].filter((range) => !before.has(range.offset));
			return { directories, tiles: [...tiles.values()].sort((a, b) => a.offset - b.offset) };
		}
	};
}
