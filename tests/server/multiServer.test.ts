/**
 * Two app servers (`node scripts/serve.js`, each with a DATA_DIR of its own) on one PostgreSQL,
 * behind the test proxy as a round-robin load balancer: what one server knows, the other must
 * know too, because it lives in the database — sessions, sign-in throttling, revoked devices,
 * photo bytes — and background work runs once across both. Then one is killed in the middle of
 * a push and the device finishes through the other. PostgreSQL only: PGlite serves one process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { testEngine } from '../support/database.ts';
import { engineTarget, type EngineTarget } from '../support/engineTarget.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { startFaultyProxy, type FaultyProxy } from '../support/faultyProxy.ts';
import { FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import { simulatedDevice, type Device } from '../support/device.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { PUSH_BATCH } from '../../src/lib/client/sync/engine.ts';
import { DAILY_MAINTENANCE } from '../../src/lib/server/startup.ts';
import { readJobMark } from '../../src/lib/server/jobs/scheduled.ts';

type Session = { cookie: string; userId: string };

async function signIn(serverUrl: string, username: string, extra: Record<string, unknown> = {}): Promise<Session> {
	const response = await fetch(`${serverUrl}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: FIXTURE_PASSWORD, ...extra })
	});
	expect(response.status).toBe(200);
	const { user } = (await response.json()) as { user: { id: string } };
	return { cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, userId: user.id };
}

/** A device whose requests go to `viaUrl()` (the proxy), with a session opened on `serverUrl`. */
async function signInDevice(serverUrl: string, viaUrl: () => string, username: string): Promise<Device> {
	const { cookie, userId } = await signIn(serverUrl, username);
	return simulatedDevice(userId, (url, init) =>
		fetch(`${viaUrl()}${url}`, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } })
	);
}

/** Retries as the scheduler would, until the outbox is empty; bounded. */
async function syncUntilEmpty(device: Device, attempts = 60): Promise<void> {
	for (let i = 0; i < attempts; i++) {
		try {
			await device.sync();
			if ((await device.db.outbox.count()) === 0) return;
		} catch {
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	throw new Error(`outbox still holds ${await device.db.outbox.count()} entries`);
}

const get = (url: string, cookie: string) => fetch(url, { headers: { cookie } });

describe.skipIf(testEngine !== 'postgres')('two app servers on one PostgreSQL', () => {
	let target: EngineTarget;
	let world: SyncWorld;
	let servers: RunningServer[];
	let proxy: FaultyProxy;
	// Every server on one database needs the same audit key (audit/keyCheck.ts); each has its own disk.
	// This process writes the fixtures' audit entries with it too.
	const randomKey = randomBytes(32).toString('hex');
	process.env.AUDIT_KEY = randomKey;
	const env = () => ({ DATABASE_URL: target.env.DATABASE_URL!, DEMO_DATA: 'off', AUDIT_KEY: randomKey });

	beforeAll(async () => {
		target = await engineTarget();
		// Both at once on an empty database, as a rollout starts them: they race to migrate and to maintain.
		servers = await Promise.all([startServer(env()), startServer(env())]);
		const database = await target.open();
		world = await buildSyncWorld(database);
		await database.close();
		proxy = await startFaultyProxy(
			servers.map((server) => server.port),
			{ dropBefore: 0, dropAfter: 0, duplicate: 0, delay: 0 },
			'two-servers'
		);
	});
	afterAll(async () => {
		await proxy?.close();
		for (const server of servers ?? []) await server.stop();
		await target?.dispose();
	});

	it('migrates once and runs the daily maintenance on one server only, though both started at once', async () => {
		expect(servers[0]!.dataDir).not.toBe(servers[1]!.dataDir);
		const ran = servers.filter((server) => server.output().includes('daily maintenance ran'));
		expect(ran).toHaveLength(1);
		const database = await target.open();
		try {
			expect(await readJobMark(database.db, DAILY_MAINTENANCE)).toMatchObject({ runs: 1 });
		} finally {
			await database.close();
		}
	});

	it('takes a session opened on one server on the other, and wipes there a device revoked on the first', async () => {
		const [a, b] = servers as [RunningServer, RunningServer];
		const deviceId = randomUUID();
		const phone = await signIn(a.url, 'inspector_a2', { deviceId });
		expect((await get(`${b.url}/api/sync/pull?cursor=&limit=10`, phone.cookie)).status).toBe(200);

		// Reported lost from the office, through the first server.
		const office = await signIn(a.url, 'inspector_a2');
		const revoked = await fetch(`${a.url}/api/auth/devices/${deviceId}/revoke`, {
			method: 'POST',
			headers: { cookie: office.cookie, origin: a.url }
		});
		expect(revoked.status).toBe(200);
		const refused = await get(`${b.url}/api/sync/pull?cursor=&limit=10`, phone.cookie);
		expect(refused.status).toBe(401);
		expect(await refused.json()).toMatchObject({ wipe: true });
	});

	it('counts failed sign-ins made on both servers together', async () => {
		const attempt = (url: string) =>
			fetch(`${url}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ username: 'inspector_b1', password: 'not the password' })
			});
		// Five free failures, spread over the two servers: the sixth is refused on either.
		for (let i = 0; i < 5; i++) expect((await attempt(servers[i % 2]!.url)).status).toBe(401);
		expect((await attempt(servers[0]!.url)).status).toBe(429);
		expect((await attempt(servers[1]!.url)).status).toBe(429);
	});

	it('serves a photo uploaded through one server from the other, byte for byte', async () => {
		const [a, b] = servers as [RunningServer, RunningServer];
		const device = await signInDevice(a.url, () => proxy.url, 'inspector_a1');
		const inspectionId = randomUUID();
		const photoId = randomUUID();
		// Several chunks of the store, with a JPEG's first bytes (the server checks the type by content).
		const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(700 * 1024)]);
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		await device.write('inspection', inspectionId, inspectionData(world));
		await device.write('attachment', photoId, {
			...visitRecords(world, inspectionId).photo(1),
			sha256,
			size: bytes.length
		});
		await syncUntilEmpty(device);

		const { cookie } = await signIn(a.url, 'inspector_a1');
		const upload = await fetch(`${a.url}/api/attachments/${photoId}`, {
			method: 'PUT',
			headers: { cookie, origin: a.url, 'content-type': 'image/jpeg', 'x-content-sha256': sha256 },
			body: bytes
		});
		expect(upload.status).toBe(201);
		const download = await get(`${b.url}/api/attachments/${photoId}/file`, cookie);
		expect(download.status).toBe(200);
		const received = Buffer.from(await download.arrayBuffer());
		expect(received.length).toBe(bytes.length);
		expect(createHash('sha256').update(received).digest('hex')).toBe(sha256);
	});

	it('pushes and pulls through both servers: each record arrives once, and each device sees the others', async () => {
		const [a] = servers as [RunningServer, RunningServer];
		const before = { ...proxy.counts.byPort };
		const writer = await signInDevice(a.url, () => proxy.url, 'inspector_a1');
		const reader = await signInDevice(a.url, () => proxy.url, 'inspector_a2');
		writer.engine.pushLimits = { mutations: 5, bytes: 256 * 1024 };
		const ids = Array.from({ length: 40 }, () => randomUUID());
		for (const id of ids) await writer.write('inspection', id, inspectionData(world, { notes: `two servers ${id}` }));
		await syncUntilEmpty(writer);
		await syncUntilEmpty(reader);

		for (const server of servers)
			expect(proxy.counts.byPort[server.port]! - (before[server.port] ?? 0)).toBeGreaterThan(2);
		const held = await reader.db.records('inspection').bulkGet(ids);
		expect(held.filter((record) => record !== undefined)).toHaveLength(ids.length);
		const database = await target.open();
		try {
			const rows = await database.db.select().from(s.inspections).where(inArray(s.inspections.id, ids));
			expect(rows).toHaveLength(ids.length);
			expect(rows.every((row) => row.version === 1)).toBe(true);
		} finally {
			await database.close();
		}
	});

	it('refuses to start a server whose audit key is not the database’s', async () => {
		await expect(
			startServer({ ...env(), AUDIT_KEY: randomBytes(32).toString('hex') }).then((server) => server.stop())
		).rejects.toThrow(/another audit key/);
	});

	// Last: it kills one of the two.
	it(
		'has every record exactly once when one server is killed in the middle of a push',
		{ timeout: 120_000 },
		async () => {
			const [a] = servers as [RunningServer, RunningServer];
			const device = await signInDevice(a.url, () => proxy.url, 'inspector_a1');
			const ids = Array.from({ length: PUSH_BATCH + 10 }, () => randomUUID());
			for (const id of ids) await device.write('inspection', id, inspectionData(world, { notes: `kept ${id}` }));

			let killed: Promise<void> | null = null;
			let victim: RunningServer | undefined;
			let pushes = 0;
			proxy.onForwardedPush = (port) => {
				if (++pushes < 2) return;
				proxy.onForwardedPush = null;
				victim = servers.find((server) => server.port === port)!;
				killed = victim.kill();
			};
			await device.sync().catch(() => undefined);
			await killed;
			expect(victim).toBeDefined();
			// The balancer finds the dead one refusing and sends everything to the other.
			await syncUntilEmpty(device);

			const database = await target.open();
			try {
				const rows = await database.db.select().from(s.inspections).where(inArray(s.inspections.id, ids));
				expect(rows).toHaveLength(ids.length);
				expect(rows.every((row) => row.version === 1)).toBe(true);
				const applied = await database.db
					.select()
					.from(s.appliedMutations)
					.where(inArray(s.appliedMutations.recordId, ids));
				expect(applied).toHaveLength(ids.length);
				const feed = await database.db.select().from(s.changes).where(inArray(s.changes.recordId, ids));
				expect(feed).toHaveLength(ids.length);
				const [first] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, ids[0]!));
				expect(first?.notes).toBe(`kept ${ids[0]}`);
			} finally {
				await database.close();
			}
		}
	);
});
