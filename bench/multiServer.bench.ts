/**
 * Push and pull throughput of one app server against two on the same PostgreSQL: real
 * `node scripts/serve.js` processes (tests/support/server.ts), devices spread over the servers by
 * the load generator itself (round-robin, as a balancer would, without a proxy's own cost).
 * Rounds alternate one, two, one, two… back to back, each on a fresh database; medians and the
 * ratio are reported. Needs PostgreSQL (DATABASE_URL, else 127.0.0.1:5432/test) and `npm run build`.
 *
 * On this machine (two cores) the load generator, PostgreSQL and the servers share the same two
 * cores: the ratio says how much a second server helps when the CPU, not the server process, is
 * the limit — the section says so with the load it measured.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { startServer, type RunningServer } from '../tests/support/server.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../tests/support/syncWorld.ts';
import { FIXTURE_PASSWORD } from '../tests/support/fixtures.ts';

const DEVICES = 24;
const PUSHES_PER_DEVICE = 8;
const MUTATIONS_PER_PUSH = 25;
const PULLERS = 8;
const ROUNDS = 3;
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const AUDIT_KEY = randomBytes(32).toString('hex');
process.env.AUDIT_KEY = AUDIT_KEY;

type Round = {
	servers: number;
	pushPerSecond: number;
	pushP50: number;
	pushP95: number;
	pullP50: number;
	pullP95: number;
	errors: number;
};

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const median = (values: number[]) => percentile(values, 50);

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
	const name = `kontrolla_bench_${randomBytes(5).toString('hex')}`;
	await admin.unsafe(`CREATE DATABASE ${name}`);
	const url = new URL(SERVER_URL);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: async () => {
			await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await admin.end();
		}
	};
}

async function signIn(url: string, username: string): Promise<string> {
	const response = await fetch(`${url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username, password: FIXTURE_PASSWORD })
	});
	if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
	return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function round(count: number): Promise<Round> {
	const database = await freshDatabase();
	const servers: RunningServer[] = [];
	try {
		const opened = await openDatabase({ url: database.url });
		const world: SyncWorld = await buildSyncWorld(opened);
		await opened.close();
		const env = { DATABASE_URL: database.url, DEMO_DATA: 'off', AUDIT_KEY };
		for (let i = 0; i < count; i++) servers.push(await startServer(env));
		const urls = servers.map((server) => server.url);
		const via = (n: number) => urls[n % urls.length]!;

		// One after another: sign-ins fired together all count against the username's free attempts
		// until each password is checked (auth/throttle.ts), and phones do not sign in at one instant.
		const devices: { cookie: string; deviceId: string }[] = [];
		for (let d = 0; d < DEVICES; d++)
			devices.push({ cookie: await signIn(via(d), d % 2 ? 'inspector_a1' : 'inspector_a2'), deviceId: randomUUID() });
		const latencies: number[] = [];
		let errors = 0;
		let turn = 0;
		const started = performance.now();
		await Promise.all(
			devices.map(async (device) => {
				for (let p = 0; p < PUSHES_PER_DEVICE; p++) {
					const mutations = Array.from({ length: MUTATIONS_PER_PUSH }, () => ({
						mutationId: randomUUID(),
						entity: 'inspection',
						op: 'upsert',
						id: randomUUID(),
						baseVersion: 0,
						data: inspectionData(world, { notes: 'bench' })
					}));
					const sent = performance.now();
					const response = await fetch(`${via(turn++)}/api/sync/push`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', cookie: device.cookie },
						body: JSON.stringify({ deviceId: device.deviceId, mutations })
					});
					const body = (await response.json()) as { results?: { status: string }[] };
					latencies.push(performance.now() - sent);
					if (response.status !== 200 || body.results?.some((r) => r.status !== 'applied')) errors++;
				}
			})
		);
		const seconds = (performance.now() - started) / 1000;
		const mutations = DEVICES * PUSHES_PER_DEVICE * MUTATIONS_PER_PUSH;

		// Then new phones pulling everything from empty, several at once.
		const pulls: number[] = [];
		const pullers: string[] = [];
		for (let n = 0; n < PULLERS; n++) pullers.push(await signIn(via(n), 'inspector_a1'));
		await Promise.all(
			pullers.map(async (cookie) => {
				const sent = performance.now();
				let cursor = '';
				for (;;) {
					const response = await fetch(`${via(turn++)}/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=500`, {
						headers: { cookie }
					});
					if (response.status !== 200) {
						errors++;
						break;
					}
					const page = (await response.json()) as { cursor: string; hasMore: boolean };
					cursor = page.cursor;
					if (!page.hasMore) break;
				}
				pulls.push(performance.now() - sent);
			})
		);
		return {
			servers: count,
			pushPerSecond: mutations / seconds,
			pushP50: percentile(latencies, 50),
			pushP95: percentile(latencies, 95),
			pullP50: percentile(pulls, 50),
			pullP95: percentile(pulls, 95),
			errors
		};
	} finally {
		for (const server of servers) await server.stop();
		await database.drop();
	}
}

const results: Round[] = [];
for (let r = 0; r < ROUNDS; r++)
	for (const count of [1, 2]) {
		const measured = await round(count);
		console.error(`[multiServer] round ${r + 1}, ${count} server(s): ${JSON.stringify(measured)}`);
		results.push(measured);
	}

const of = (count: number) => results.filter((r) => r.servers === count);
const summary = (count: number) => {
	const rounds = of(count);
	return {
		push: median(rounds.map((r) => r.pushPerSecond)),
		pushP50: median(rounds.map((r) => r.pushP50)),
		pushP95: median(rounds.map((r) => r.pushP95)),
		pullP50: median(rounds.map((r) => r.pullP50)),
		pullP95: median(rounds.map((r) => r.pullP95)),
		errors: rounds.reduce((sum, r) => sum + r.errors, 0)
	};
};
const one = summary(1);
const two = summary(2);
const line = (label: string, s: ReturnType<typeof summary>) =>
	`| ${label} | ${s.push.toFixed(0)} | ${s.pushP50.toFixed(0)} ms | ${s.pushP95.toFixed(0)} ms | ${s.pullP50.toFixed(0)} ms | ${s.pullP95.toFixed(0)} ms | ${s.errors} |`;

console.log(`## One and two app servers on one PostgreSQL (bench/multiServer.bench.ts)

${DEVICES} devices push ${PUSHES_PER_DEVICE} batches of ${MUTATIONS_PER_PUSH} new inspections each, all at once
(${DEVICES * PUSHES_PER_DEVICE * MUTATIONS_PER_PUSH} mutations a round), spread round-robin over the servers; then
${PULLERS} new phones pull the whole feed from empty (pages of 500). Real \`node scripts/serve.js\`
processes on one local PostgreSQL 15; ${ROUNDS} rounds of each, alternating, medians shown.

| servers | mutations/s pushed | push p50 | push p95 | full pull p50 | full pull p95 | errors |
|---|---|---|---|---|---|---|
${line('1', one)}
${line('2', two)}

Two servers against one: **${(two.push / one.push).toFixed(2)}×** the push throughput, pull p50
${(two.pullP50 / one.pullP50).toFixed(2)}×. This machine has ${os.cpus().length} cores shared by the load
generator, PostgreSQL and the servers (load ${os.loadavg()[0].toFixed(2)} after the run): past one
busy server the CPU, not the server process, is the limit, so the ratio shows the cost of a second
process more than its gain. On separate machines each server adds its own cores; PostgreSQL's
row locks on the feed counter (one per push transaction) then set the ceiling (docs/SCALING.md).`);
