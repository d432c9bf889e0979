/**
 * PMTiles v3 directories (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md): a run of
 * entries, each a tile id with where its bytes lie, stored column by column as varints — ids as
 * deltas, and an offset of 0 meaning "right after the previous entry", which is what makes a
 * clustered archive's directories small. Read with `pmtiles`' own `readVarint`, written here: the
 * library only reads.
 */
import { readVarint, type Entry } from 'pmtiles';

export type { Entry };

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

/** The uncompressed bytes of a directory; entries must be sorted by tile id. */
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

/** The entries of an uncompressed directory. Throws on a truncated one. */
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
