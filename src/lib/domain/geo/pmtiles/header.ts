/**
 * The fixed 127-byte header of a PMTiles v3 archive: where the directories, metadata and tile data
 * lie, and what the tiles are. Read with `pmtiles`' `bytesToHeader`; written here.
 */
import { bytesToHeader, Compression, TileType, type Header } from 'pmtiles';

export { bytesToHeader, Compression, TileType, type Header };

export const HEADER_BYTES = 127;
/** What a reader fetches first: the header and, by the spec's promise, the whole root directory. */
export const FIRST_READ_BYTES = 16_384;

const MAGIC = [0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73]; // "PMTiles"

export function headerToBytes(header: Header): Uint8Array {
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
