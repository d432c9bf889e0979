import { describe, expect, it } from 'vitest';
import { answerFor, readRange } from '../../src/lib/server/basemap/ranges.ts';
import { routeFor } from '../../src/lib/client/sw/routing.ts';

const SIZE = 100_000;
const file = { etag: '"abc"', modified: new Date('2026-11-20T10:00:00.250Z'), size: SIZE };
const ask = (headers: Record<string, string>, method = 'GET') => answerFor(method, new Headers(headers), file);

describe('a Range header over an archive of 100 000 bytes', () => {
	it('gives the bytes asked for, from the first to the last, both included', () => {
		expect(readRange('bytes=0-99', SIZE)).toEqual({ start: 0, end: 99 });
		expect(readRange('bytes=50000-50099', SIZE)).toEqual({ start: 50_000, end: 50_099 });
	});

	it('runs an open range to the end and counts a suffix from it', () => {
		expect(readRange('bytes=5000-', SIZE)).toEqual({ start: 5000, end: SIZE - 1 });
		expect(readRange('bytes=-100', SIZE)).toEqual({ start: SIZE - 100, end: SIZE - 1 });
		expect(readRange('bytes=-200000', SIZE)).toEqual({ start: 0, end: SIZE - 1 });
	});

	it('clips a range that runs past the end', () => {
		expect(readRange('bytes=99950-200000', SIZE)).toEqual({ start: 99_950, end: SIZE - 1 });
	});

	it('reads the unit in any case and spaces around the list', () => {
		expect(readRange('Bytes= 10-19 ,', SIZE)).toEqual({ start: 10, end: 19 });
	});

	it('is unsatisfiable from the end on, for an empty suffix, and for every malformed range', () => {
		for (const header of ['bytes=100000-', 'bytes=200000-200001', 'bytes=-0', 'bytes=abc', 'bytes=', 'bytes=5-2']) {
			expect(readRange(header, SIZE), header).toBe('unsatisfiable');
		}
		expect(readRange('bytes=0-', 0)).toBe('unsatisfiable');
	});

	it('gives the whole archive for several ranges, another unit, or no unit', () => {
		expect(readRange('bytes=0-1,5-6', SIZE)).toBe('whole');
		expect(readRange('bytes=0-1,200000-', SIZE)).toBe('whole');
		expect(readRange('items=0-1', SIZE)).toBe('whole');
		expect(readRange('0-1', SIZE)).toBe('whole');
	});

	it('refuses several ranges when none is satisfiable, or one is malformed', () => {
		expect(readRange('bytes=100000-,200000-', SIZE)).toBe('unsatisfiable');
		expect(readRange('bytes=0-1,x', SIZE)).toBe('unsatisfiable');
	});
});

describe('the answer to a request, by its conditions', () => {
	it('is the range on GET and the whole archive on HEAD', () => {
		expect(ask({ range: 'bytes=0-99' })).toEqual({ status: 206, start: 0, end: 99 });
		expect(ask({ range: 'bytes=0-99' }, 'HEAD')).toEqual({ status: 200 });
		expect(ask({})).toEqual({ status: 200 });
		expect(ask({ range: 'bytes=100000-' })).toEqual({ status: 416 });
	});

	it('is 304 when the device holds this version, by tag or by date', () => {
		expect(ask({ 'if-none-match': '"abc"' })).toEqual({ status: 304 });
		expect(ask({ 'if-none-match': '"old", W/"abc"' })).toEqual({ status: 304 });
		expect(ask({ 'if-none-match': '*' })).toEqual({ status: 304 });
		expect(ask({ 'if-modified-since': file.modified.toUTCString() })).toEqual({ status: 304 });
		expect(ask({ 'if-none-match': '"old"', range: 'bytes=0-9' })).toEqual({ status: 206, start: 0, end: 9 });
		// A tag that differs wins over a date that matches.
		expect(ask({ 'if-none-match': '"old"', 'if-modified-since': file.modified.toUTCString() })).toEqual({
			status: 200
		});
		expect(ask({ 'if-modified-since': 'Fri, 20 Nov 2026 09:59:59 GMT' })).toEqual({ status: 200 });
	});

	it('gives the whole archive when If-Range names another version, the range when it names this one', () => {
		expect(ask({ range: 'bytes=0-9', 'if-range': '"old"' })).toEqual({ status: 200 });
		expect(ask({ range: 'bytes=0-9', 'if-range': 'W/"abc"' })).toEqual({ status: 200 });
		expect(ask({ range: 'bytes=0-9', 'if-range': '"abc"' })).toEqual({ status: 206, start: 0, end: 9 });
		expect(ask({ range: 'bytes=0-9', 'if-range': file.modified.toUTCString() })).toEqual({
			status: 206,
			start: 0,
			end: 9
		});
		expect(ask({ range: 'bytes=0-9', 'if-range': 'Fri, 20 Nov 2026 09:00:00 GMT' })).toEqual({ status: 200 });
	});

	it('is 412 when If-Match names another version, weak tags included', () => {
		expect(ask({ 'if-match': '"old"', range: 'bytes=0-9' })).toEqual({ status: 412 });
		expect(ask({ 'if-match': 'W/"abc"' })).toEqual({ status: 412 });
		expect(ask({ 'if-match': '"abc"', range: 'bytes=0-9' })).toEqual({ status: 206, start: 0, end: 9 });
		expect(ask({ 'if-match': '*' })).toEqual({ status: 200 });
	});
});

describe('the service worker and the archive', () => {
	it('leaves every read of it to the network, so no partial answer lands in its caches', () => {
		const origin = 'https://kontrolla.example';
		for (const destination of ['', 'image'] as RequestDestination[]) {
			const request = { method: 'GET', mode: 'cors' as RequestMode, destination, url: new URL('/api/basemap', origin) };
			expect(routeFor(request, origin, new Set(['/api/basemap']))).toBe('network');
		}
	});
});
