/**
 * Sync under faults, against the real server process on this run's engine: a proxy that drops,
 * duplicates and delays requests, and a server killed in the middle of a push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { testEngine } from '../support/database.ts';
import { engineTarget, type EngineTarget } from '../support/engineTarget.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startFaultyProxy, type FaultyProxy } from '../support/faultyProxy.ts';
import { FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import { simulatedDevice, type Device } from '../support/device.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { PUSH_BATCH } from '../../src/lib/client/sync/engine.ts';

async function signInDevice(serverUrl: string, viaUrl: () => string, username: string): Promise<Device> {
	const response = await fetch(`${serverUrl}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: FIXTURE_PASSWORD })
	});
	expect(response.status).toBe(200);
	const { user } = await response.json();
	const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
	return simulatedDevice(user.id, async (url, init) => {
		if (process.env.DEBUG_FAULTS) console.error('->', url);
		try {
			const r = await fetch(`${viaUrl()}${url}`, {
				...init,
				headers: { ...(init?.headers as Record<string, string>), cookie }
			});
			if (process.env.DEBUG_FAULTS) console.error('<-', url, r.status);
			return r;
		} catch (e) {
			if (process.env.DEBUG_FAULTS) console.error('x', url, (e as Error).message);
			throw e;
		}
	});
}

/** Retries on its own until the outbox is empty, as the scheduler would; bounded. */
async function syncUntilEmpty(device: Device, attempts = 100): Promise<number> {
	for (let i = 1; i <= attempts; i++) {
		try {
			await device.sync();
			if ((await device.db.outbox.count()) === 0) return i;
		} catch (error) {
			if (process.env.DEBUG_FAULTS) console.error('sync failed:', (error as Error).message);
			await new Promise((r) => setTimeout(r, 20));
		}
	}
	throw new Error(`outbox still holds ${await device.db.outbox.count()} entries after ${attempts} attempts`);
}

async function prepare(): Promise<{ target: EngineTarget; world: SyncWorld }> {
	const target = await engineTarget();
	const database = await target.open();
	const world = await buildSyncWorld(database);
	await database.close();
	return { target, world };
}

describe(`five devices pushing through a faulty network to ${testEngine}`, () => {
	let target: EngineTarget;
	let world: SyncWorld;
	let server: RunningServer;
	let proxy: FaultyProxy;

	beforeAll(async () => {
		({ target, world } = await prepare());
		// As a deployment runs: ORIGIN set, adapter-node's own server (the other files run as npm start does).
		server = await startServer(target.env, { declareOrigin: true });
		proxy = await startFaultyProxy(server.port, { dropBefore: 0.1, dropAfter: 0.1, duplicate: 0.1, delay: 0.3 });
	});
	afterAll(async () => {
		await proxy?.close();
		await server?.stop();
		await target?.dispose();
	});

	it(
		'ends with exactly the expected records: none lost, none doubled, every outbox empty',
		{ timeout: 300_000 },
		async () => {
			const started = Date.now();
			const usernames = ['inspector_a1', 'inspector_a1', 'inspector_a2', 'inspector_a2', 'inspector_b1'];
			const devices = await Promise.all(usernames.map((u) => signInDevice(server.url, () => proxy.url, u)));
			const expected = new Map<string, string>();
			let mutations = 0;

			await Promise.all(
				devices.map(async (device, d) => {
					const team =
						usernames[d] === 'inspector_b1'
							? { teamId: world.ids.teamB, assignmentId: world.ids.assignmentB, locationId: world.ids.venues[1] }
							: {};
					for (let round = 0; round < 10; round++) {
						const ids = Array.from({ length: 10 }, () => randomUUID());
						for (const id of ids) {
							await device.write('inspection', id, inspectionData(world, { ...team, notes: `draft ${id}` }));
							mutations++;
						}
						await device.sync().catch(() => {});
						for (const id of ids) {
							const current = await device.db.records('inspection').get(id);
							await device.write('inspection', id, { ...current, notes: `final ${id}` });
							expected.set(id, `final ${id}`);
							mutations++;
						}
						await device.sync().catch(() => {});
					}
					await syncUntilEmpty(device);
				})
			);

			console.log(
				`[faults] 1000 mutations from 5 devices in ${((Date.now() - started) / 1000).toFixed(1)} s; proxy: ${JSON.stringify(proxy.counts)}`
			);
			expect(mutations).toBe(1000);
			expect(proxy.counts.droppedAfter).toBeGreaterThan(0);
			expect(proxy.counts.duplicated).toBeGreaterThan(0);
			for (const device of devices) expect(await device.db.outbox.count()).toBe(0);

			await server.stop();
			const database = await target.open();
			try {
				const ids = [...expected.keys()];
				const rows = await database.db.select().from(s.inspections).where(inArray(s.inspections.id, ids));
				expect(rows).toHaveLength(1000 / 2);
				for (const row of rows) {
					expect(row.notes).toBe(expected.get(row.id));
					// Created once and edited at most once: a doubled mutation would have bumped it further.
					expect(row.version).toBeLessThanOrEqual(2);
				}
				const applied = await database.db
					.select()
					.from(s.appliedMutations)
					.where(inArray(s.appliedMutations.recordId, ids));
				const versions = rows.reduce((sum, r) => sum + r.version, 0);
				expect(applied.length).toBe(versions);
			} finally {
				await database.close();
			}
		}
	);
});

// The device sends a full batch (PUSH_BATCH mutations) and one of 10 more; the server is killed as
// soon as the second reaches it, while it applies them: the first batch is committed, the second
// may be in any state. Whatever had committed, the assertions below must hold.
const KILL_AFTER_MS = Number(process.env.KILL_AFTER_MS ?? 0);

describe(`the ${testEngine} server killed in the middle of a push`, () => {
	let target: EngineTarget;
	let world: SyncWorld;
	let server: RunningServer;
	let proxy: FaultyProxy;

	beforeAll(async () => {
		({ target, world } = await prepare());
		server = await startServer(target.env);
		proxy = await startFaultyProxy(server.port, { dropBefore: 0, dropAfter: 0, duplicate: 0, delay: 0 });
	});
	afterAll(async () => {
		await proxy?.close();
		await server?.stop();
		await target?.dispose();
	});

	it(
		'has every record exactly once after the device retries against the restarted server',
		{ timeout: 180_000 },
		async () => {
			const device = await signInDevice(server.url, () => proxy.url, 'inspector_a1');
			const ids = Array.from({ length: PUSH_BATCH + 10 }, () => randomUUID());
			for (const id of ids) await device.write('inspection', id, inspectionData(world, { notes: `kept ${id}` }));

			let killed: Promise<void> | null = null;
			let pushes = 0;
			proxy.onForwardedPush = () => {
				if (++pushes < 2) return;
				proxy.onForwardedPush = null;
				killed = new Promise((resolve) => setTimeout(() => void server.kill().then(resolve), KILL_AFTER_MS));
			};
			await expect(device.sync()).rejects.toThrow();
			await killed;

			const partial = await target.open();
			const committed = (await partial.db.select().from(s.inspections).where(inArray(s.inspections.id, ids))).length;
			await partial.close();

			server = await startServer(target.env);
			proxy.setTarget(server.port);
			await syncUntilEmpty(device).catch((error) => {
				throw new Error(`${error}\nserver output:\n${server.output()}`);
			});

			await server.stop();
			const database = await target.open();
			try {
				const rows = await database.db.select().from(s.inspections).where(inArray(s.inspections.id, ids));
				expect(rows).toHaveLength(ids.length);
				for (const row of rows) {
					expect(row.notes).toBe(`kept ${row.id}`);
					expect(row.version).toBe(1);
				}
				console.log(`[crash] ${committed} of ${ids.length} mutations had committed when the server was killed`);
			} finally {
				await database.close();
			}
		}
	);
});
