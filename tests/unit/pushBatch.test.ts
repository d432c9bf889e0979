import { describe, expect, it } from 'vitest';
import { nextBatch, PUSH_BATCH, PUSH_BYTES } from '../../src/lib/client/sync/engine.ts';
import { MAX_MUTATIONS_PER_PUSH } from '../../src/lib/domain/sync/wire.ts';

const entries = (count: number, bytes: number) =>
	Array.from({ length: count }, (_, i) => ({ i, data: 'x'.repeat(bytes - 2) }));

describe('the next push batch', () => {
	it('takes the oldest entries, never more than the server accepts in one push', () => {
		expect(PUSH_BATCH).toBeLessThanOrEqual(MAX_MUTATIONS_PER_PUSH);
		const batch = nextBatch(entries(500, 100), (e) => e.data);
		expect(batch).toHaveLength(PUSH_BATCH);
		expect(batch.map((e) => e.i)).toEqual([...Array(PUSH_BATCH).keys()]);
	});

	it('stops at about PUSH_BYTES of record data', () => {
		const size = 10_000;
		const batch = nextBatch(entries(100, size), (e) => e.data);
		expect(batch).toHaveLength(Math.floor(PUSH_BYTES / size));
	});

	it('always sends one entry, however large, so nothing waits for ever', () => {
		expect(nextBatch(entries(3, PUSH_BYTES * 2), (e) => e.data)).toHaveLength(1);
		expect(nextBatch([], () => null)).toEqual([]);
	});
});
