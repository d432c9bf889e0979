/**
 * What a request for the basemap archive is answered with, from its conditional and Range headers
 * (RFC 9110, sections 13 and 14). Pure, so each rule is tested apart (tests/unit/basemapRanges.test.ts).
 *
 * Several ranges in one request (`bytes=0-1,5-6`) are answered with the whole archive (200): a
 * server may always ignore Range (RFC 9110, 14.2), the map's reader asks for one range at a time,
 * and a multipart answer would be code nobody calls. Range is honoured on GET only, as RFC 9110
 * defines it for no other method: HEAD describes the whole archive.
 */

export type Validators = { etag: string; modified: Date; size: number };

export type Answer =
	{ status: 200 } | { status: 206; start: number; end: number } | { status: 304 } | { status: 412 } | { status: 416 };

type RangeHeaders = Pick<Headers, 'get'>;

export function answerFor(method: string, headers: RangeHeaders, file: Validators): Answer {
	const ifMatch = headers.get('if-match');
	if (ifMatch !== null && !listMatches(ifMatch, file.etag, 'strong')) return { status: 412 };
	const ifNoneMatch = headers.get('if-none-match');
	if (ifNoneMatch !== null) {
		if (listMatches(ifNoneMatch, file.etag, 'weak')) return { status: 304 };
	} else if (notModifiedSince(headers.get('if-modified-since'), file.modified)) {
		return { status: 304 };
	}
	const range = headers.get('range');
	if (method !== 'GET' || range === null) return { status: 200 };
	const ifRange = headers.get('if-range');
	if (ifRange !== null && !ifRangeHolds(ifRange, file)) return { status: 200 };
	const wanted = readRange(range, file.size);
	if (wanted === 'whole') return { status: 200 };
	if (wanted === 'unsatisfiable') return { status: 416 };
	return { status: 206, ...wanted };
}

/** The byte range a Range header asks for (inclusive, clipped to the file), 'whole' to ignore it, or 'unsatisfiable'. */
export function readRange(header: string, size: number): { start: number; end: number } | 'whole' | 'unsatisfiable' {
	const equals = header.indexOf('=');
	// Another unit, or no unit at all, is not ours to judge: the whole file (RFC 9110, 14.2).
	if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== 'bytes') return 'whole';
	// Empty list elements are allowed (RFC 9110, 5.6.1.2).
	const specs = header
		.slice(equals + 1)
		.split(',')
		.map((spec) => spec.trim())
		.filter((spec) => spec !== '');
	const ranges = specs.map((spec) => rangeOf(spec, size));
	if (ranges.length === 0 || ranges.includes('malformed')) return 'unsatisfiable';
	const satisfiable = ranges.filter((range) => range !== 'malformed' && range !== 'beyond');
	if (satisfiable.length === 0) return 'unsatisfiable';
	if (ranges.length > 1) return 'whole';
	return satisfiable[0]!;
}

function rangeOf(spec: string, size: number): { start: number; end: number } | 'malformed' | 'beyond' {
	const suffix = /^-(\d+)$/.exec(spec);
	if (suffix) {
		const length = Number(suffix[1]);
		return length === 0 || size === 0 ? 'beyond' : { start: Math.max(0, size - length), end: size - 1 };
	}
	const span = /^(\d+)-(\d*)$/.exec(spec);
	if (!span) return 'malformed';
	const start = Number(span[1]);
	const last = span[2] === '' ? Infinity : Number(span[2]);
	if (last < start) return 'malformed';
	if (start >= size) return 'beyond';
	return { start, end: Math.min(last, size - 1) };
}

/** The entity tags of a list header; `*` stands for any. */
function listMatches(header: string, etag: string, comparison: 'strong' | 'weak'): boolean {
	if (header.trim() === '*') return true;
	for (const [, weak, tag] of header.matchAll(/(W\/)?("[^"]*")/g)) {
		if (tag === etag && (comparison === 'weak' || !weak)) return true;
	}
	return false;
}

/** HTTP dates carry whole seconds: the file's time is compared at that precision. */
function seconds(date: Date): number {
	return Math.floor(date.getTime() / 1000);
}

function notModifiedSince(header: string | null, modified: Date): boolean {
	if (header === null) return false;
	const since = Date.parse(header);
	return Number.isFinite(since) && seconds(modified) <= Math.floor(since / 1000);
}

/** If-Range holds only for a strong match: the same entity tag, or exactly the Last-Modified date. */
function ifRangeHolds(header: string, file: Validators): boolean {
	const value = header.trim();
	if (value.startsWith('"') || value.startsWith('W/')) return value === file.etag;
	const date = Date.parse(value);
	return Number.isFinite(date) && Math.floor(date / 1000) === seconds(file.modified);
}
