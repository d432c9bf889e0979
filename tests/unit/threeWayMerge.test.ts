import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '../../src/lib/domain/sync/threeWayMerge.ts';

describe('three-way merge of a device edit', () => {
	const base = { notes: 'start', outcome: null, answers: { v1: 'yes', v2: 'no' } };

	it('takes the device value for a field only the device changed', () => {
		const result = threeWayMerge(base, base, { ...base, notes: 'device' }, ['answers']);
		expect(result).toEqual({ merged: { ...base, notes: 'device' }, conflicts: [], changed: true });
	});

	it('keeps the server value for a field only the server changed', () => {
		const server = { ...base, outcome: 'no_findings' };
		const result = threeWayMerge(base, server, { ...base }, ['answers']);
		expect(result).toEqual({ merged: server, conflicts: [], changed: false });
	});

	it('merges disjoint fields changed on each side', () => {
		const server = { ...base, outcome: 'no_findings' };
		const result = threeWayMerge(base, server, { ...base, notes: 'device' }, ['answers']);
		expect(result.merged).toEqual({ ...base, outcome: 'no_findings', notes: 'device' });
		expect(result.conflicts).toEqual([]);
	});

	it('reports a conflict and keeps the server value when both changed the same field differently', () => {
		const server = { ...base, notes: 'server' };
		const result = threeWayMerge(base, server, { ...base, notes: 'device' }, ['answers']);
		expect(result.merged.notes).toBe('server');
		expect(result.conflicts).toEqual(['notes']);
	});

	it('is no conflict when both sides made the same change', () => {
		const server = { ...base, notes: 'same' };
		const result = threeWayMerge(base, server, { ...base, notes: 'same' }, ['answers']);
		expect(result.conflicts).toEqual([]);
		expect(result.changed).toBe(false);
	});

	it('merges checklist answers item by item', () => {
		const server = { ...base, answers: { v1: 'no', v2: 'no' } };
		const device = { ...base, answers: { v1: 'yes', v2: 'yes', v3: 4 } };
		const result = threeWayMerge(base, server, device, ['answers']);
		expect(result.merged.answers).toEqual({ v1: 'no', v2: 'yes', v3: 4 });
		expect(result.conflicts).toEqual([]);
	});

	it('names a conflicting answer by its item id', () => {
		const server = { ...base, answers: { v1: 'notObserved', v2: 'no' } };
		const device = { ...base, answers: { v1: 'no', v2: 'no' } };
		const result = threeWayMerge(base, server, device, ['answers']);
		expect(result.conflicts).toEqual(['answers.v1']);
		expect(result.merged.answers).toEqual({ v1: 'notObserved', v2: 'no' });
	});

	it('treats key order inside nested values as irrelevant', () => {
		const server = { ...base, checkIn: { lat: 1, lng: 2 } };
		const device = { ...base, checkIn: { lng: 2, lat: 1 } };
		expect(threeWayMerge({ ...base, checkIn: null }, server, device).conflicts).toEqual([]);
	});
});

describe('merge without the base version', () => {
	it('counts every field held differently as a conflict, and keeps fields held alike', () => {
		const server = { notes: 'server', outcome: 'no_findings', answers: { v1: 'yes', v2: 'no' } };
		const device = { notes: 'device', outcome: 'no_findings', answers: { v1: 'yes', v2: 'yes' } };
		const result = threeWayMerge(null, server, device, ['answers']);
		expect(result.conflicts).toEqual(['notes', 'answers.v2']);
		expect(result.merged).toEqual(server);
	});
});
