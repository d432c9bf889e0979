/**
 * A phone tells the server how far behind it is: the number of entries in its outbox, and nothing
 * of them, with each push and pull (`X-Outbox-Size`, the server's `device_outbox_size` metric).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { simulatedDevice } from '../support/device.ts';

type Sent = { url: string; headers: Record<string, string>; mutations: number };

describe('a sync round', () => {
	it('reports the outbox count with every push and pull', async () => {
		const sent: Sent[] = [];
		const device = simulatedDevice(randomUUID(), async (url, init) => {
			const headers = (init?.headers ?? {}) as Record<string, string>;
			if (url.startsWith('/api/sync/push')) {
				const { mutations } = JSON.parse(init!.body as string) as { mutations: { mutationId: string }[] };
				sent.push({ url, headers, mutations: mutations.length });
				const results = mutations.map((m) => ({ mutationId: m.mutationId, status: 'applied', version: 1 }));
				return Response.json({ results });
			}
			sent.push({ url, headers, mutations: 0 });
			return Response.json({ changes: [], cursor: 'c1', hasMore: false });
		});
		device.engine.pushLimits = { mutations: 2, bytes: 1_000_000 };
		for (let i = 0; i < 3; i++) await device.write('inspection', randomUUID(), { notes: `visit ${i}` });
		await device.sync();
		expect(sent.map((s) => [s.url.split('?')[0], s.headers['x-outbox-size'], s.mutations])).toEqual([
			['/api/sync/push', '3', 2],
			['/api/sync/push', '1', 1],
			['/api/sync/pull', '0', 0]
		]);
	});
});
