/**
 * What an operator runs the server with, against the real server process on this run's engine:
 * liveness and readiness, one JSON log line per request carrying its id and nothing personal,
 * Prometheus metrics behind a token, and a SIGTERM that lets the request in flight finish.
 * `npm start` without ORIGIN (scripts/serve.js's own server) and a deployment with ORIGIN
 * (adapter-node's) are both stopped that way.
 */
import http from 'node:http';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp } from '../support/app.ts';
import { engineTarget, type EngineTarget } from '../support/engineTarget.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../support/syncWorld.ts';

const TOKEN = 'scrape-token-for-tests';
const NAME = 'Valbona Xhemajli-Berisha';
const USERNAME = 'inspector_a1';

type Prepared = { target: EngineTarget; world: SyncWorld };

async function prepare(): Promise<Prepared> {
	const target = await engineTarget();
	const database = await target.open();
	const world = await buildSyncWorld(database);
	await database.close();
	return { target, world };
}

async function signIn(server: RunningServer): Promise<string> {
	const response = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ username: USERNAME, password: FIXTURE_PASSWORD })
	});
	expect(response.status).toBe(200);
	return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

function pushBody(world: SyncWorld, deviceId: string, count: number, notes = ''): string {
	const mutations = Array.from({ length: count }, () => ({
		mutationId: randomUUID(),
		op: 'upsert',
		baseVersion: 0,
		entity: 'inspection',
		id: randomUUID(),
		data: inspectionData(world, { notes })
	}));
	return JSON.stringify({ deviceId, mutations });
}

/** The JSON lines the process wrote (other lines, such as "Listening on", are skipped). */
function logLines(server: RunningServer): Record<string, unknown>[] {
	return server
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * A push whose body arrives in two parts, the second only when `release` is called: a request
 * honestly in flight (the server has its headers and waits for the rest) for as long as the test wants.
 */
function slowPush(server: RunningServer, cookie: string, body: string) {
	const bytes = Buffer.from(body);
	const half = Math.floor(bytes.length / 2);
	let answered!: (value: { status: number; body: string }) => void;
	let failed!: (error: Error) => void;
	const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
		answered = resolve;
		failed = reject;
	});
	const request = http.request(
		{
			host: '127.0.0.1',
			port: server.port,
			path: '/api/sync/push',
			method: 'POST',
			agent: false,
			headers: { cookie, 'content-type': 'application/json', 'content-length': bytes.length }
		},
		(res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (text += chunk));
			res.on('end', () => answered({ status: res.statusCode ?? 0, body: text }));
		}
	);
	request.on('error', failed);
	request.write(bytes.subarray(0, half));
	return { response, release: () => request.end(bytes.subarray(half)) };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A readiness probe begun before the signal (its headers not yet finished) and ended after it, as a
 * load balancer's probe on a connection it had open: the answer's status line and body.
 */
function probeAcrossSignal(server: RunningServer) {
	const socket = net.connect(server.port, '127.0.0.1');
	let text = '';
	socket.setEncoding('utf8');
	socket.on('data', (chunk) => (text += chunk));
	const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(text)));
	socket.write('GET /api/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
	return { finish: () => socket.write('Connection: close\r\n\r\n'), answer: closed };
}

/**
 * SIGTERM while a push is in flight: it is answered in full, readiness turns 503, new connections
 * are refused, and the process exits 0.
 */
async function stopsGracefully(server: RunningServer, world: SyncWorld): Promise<void> {
	const cookie = await signIn(server);
	const push = slowPush(server, cookie, pushBody(world, randomUUID(), 20));
	const probe = probeAcrossSignal(server);
	// The server has the request's headers and is reading its body.
	await pause(500);
	const exit = server.terminate();
	await pause(500);
	await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
	probe.finish();
	const probed = await probe.answer;
	expect(probed).toMatch(/^HTTP\/1\.1 503 /);
	expect(probed).toContain('{"status":"unavailable","reason":"shutting_down"}');
	push.release();
	const answer = await push.response;
	expect(answer.status).toBe(200);
	const { results } = JSON.parse(answer.body) as { results: { status: string }[] };
	expect(results).toHaveLength(20);
	expect(results.every((r) => r.status === 'applied')).toBe(true);
	expect(await exit).toBe(0);
}

describe(`operating the server without ORIGIN (scripts/serve.js), on ${testEngine}`, () => {
	let prepared: Prepared;
	let server: RunningServer;

	beforeAll(async () => {
		prepared = await prepare();
		server = await startServer({ ...prepared.target.env, METRICS_TOKEN: TOKEN });
	});
	afterAll(async () => {
		await server?.stop();
		await prepared?.target.dispose();
	});

	it('answers liveness and readiness without a session', async () => {
		const health = await fetch(`${server.url}/api/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok', migrations: { pending: 0 } });
		const ready = await fetch(`${server.url}/api/ready`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({ status: 'ready' });
	});

	it('answers each request with an id: a sane one given is kept, anything else replaced', async () => {
		const given = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'lb-7f3a.01_x' } });
		expect(given.headers.get('x-request-id')).toBe('lb-7f3a.01_x');
		const odd = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'name=Valbona Xhemajli' } });
		expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const long = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'a'.repeat(65) } });
		expect(long.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		const line = logLines(server).find((l) => l.requestId === 'lb-7f3a.01_x');
		expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/api/health', status: 200 });
		expect(typeof line?.ms).toBe('number');
		expect(typeof line?.time).toBe('string');
	});

	it('logs the route id, never the path, the query or the person: a push of a named record leaves no name', async () => {
		const cookie = await signIn(server);
		const push = await fetch(`${server.url}/api/sync/push`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json', 'x-outbox-size': '42' },
			body: pushBody(prepared.world, randomUUID(), 1, `met ${NAME} at the bar`)
		});
		expect(push.status).toBe(200);
		const venue = prepared.world.ids.venues[0]!;
		await fetch(`${server.url}/api/locations/${venue}?q=${encodeURIComponent(NAME)}`, { headers: { cookie } });
		// The access line is written after the answer: give the process a moment to flush it.
		await pause(200);
		const output = server.output();
		expect(output).not.toContain('Valbona');
		expect(output).not.toContain('Xhemajli');
		expect(output).not.toContain(USERNAME);
		expect(output).not.toContain(venue);
		const routes = logLines(server).map((l) => l.route);
		expect(routes).toContain('/api/sync/push');
		expect(routes).toContain('/api/locations/[id]');
	});

	it('serves Prometheus metrics only for the bearer token', async () => {
		expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-token' } });
		expect(wrong.status).toBe(401);
		const scraped = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
		expect(scraped.status).toBe(200);
		expect(scraped.headers.get('content-type')).toContain('text/plain; version=0.0.4');
		const text = await scraped.text();
		expect(text).toMatch(/^http_requests_total\{route="\/api\/health",method="GET",status="200"\} \d+$/m);
		expect(text).toMatch(/^http_request_duration_seconds_bucket\{route="\/api\/sync\/push",le="\+Inf"\} \d+$/m);
		expect(text).toMatch(/^sync_push_duration_seconds_count [1-9]\d*$/m);
		expect(text).toMatch(/^sync_push_mutations_total\{status="applied"\} [1-9]\d*$/m);
		// The device's X-Outbox-Size of 42 fell in the bucket up to 50, not in the one up to 25.
		expect(text).toMatch(/^device_outbox_size_bucket\{le="25"\} 0$/m);
		expect(text).toMatch(/^device_outbox_size_bucket\{le="50"\} 1$/m);
		expect(text).toMatch(/^db_pool_max_connections\{engine="(pglite|postgres)"\} \d+$/m);
		expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
		// Labels are route ids: no record id reached the metrics.
		expect(text).not.toContain(prepared.world.ids.venues[0]!);
	});

	it('finishes the push in flight on SIGTERM, turns readiness 503, refuses new connections, exits 0', async () => {
		await stopsGracefully(server, prepared.world);
	});
});

describe('a misspelt REPORTING_TIME_ZONE', () => {
	it('stops the server from starting, naming the setting', async () => {
		await expect(startServer({ DEMO_DATA: 'off', REPORTING_TIME_ZONE: 'Europe/Prishtina' })).rejects.toThrow(
			/server exited early:[\s\S]*REPORTING_TIME_ZONE must be an IANA time zone such as Europe\/Belgrade, not "Europe\/Prishtina"/
		);
	});
});

describe(`operating the server with ORIGIN (adapter-node), on ${testEngine}`, () => {
	let prepared: Prepared;
	let server: RunningServer;

	beforeAll(async () => {
		prepared = await prepare();
		server = await startServer(prepared.target.env, { declareOrigin: true });
	});
	afterAll(async () => {
		await server?.stop();
		await prepared?.target.dispose();
	});

	it('has no /metrics without METRICS_TOKEN', async () => {
		expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer anything' } })).status).toBe(404);
	});

	it('finishes the push in flight on SIGTERM, turns readiness 503, refuses new connections, exits 0', async () => {
		await stopsGracefully(server, prepared.world);
	});
});

describe(`readiness while a migration is pending, on ${testEngine}`, () => {
	it('answers 503 with the reason, while liveness still answers 200', async () => {
		const database = await openTestDatabase();
		try {
			const app = await startApp(database);
			expect((await app.request('/api/ready')).status).toBe(200);
			// As a server started before its database was migrated by another instance would see it.
			await database.db.execute(
				sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`
			);
			const ready = await app.request('/api/ready');
			expect(ready.status).toBe(503);
			expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'migrations_pending' });
			const health = await app.request('/api/health');
			expect(health.status).toBe(200);
			expect(await health.json()).toMatchObject({ status: 'migrating', migrations: { pending: 1 } });
		} finally {
			await database.close();
		}
	});
});
