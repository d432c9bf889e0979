/**
 * The self-hosted basemap (README, "Basemap"): the archive named by BASEMAP_FILE is read by byte
 * ranges behind the session check, versioned by its ETag, and with it set the pages name no other
 * host. The archive here is 100 000 bytes where byte i is i % 251: any wrong offset shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { engineTarget, type EngineTarget } from '../support/engineTarget.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

const SIZE = 100_000;
const pattern = (offset = 0) => Uint8Array.from({ length: SIZE }, (_, i) => (i + offset) % 251);

let database: Database;
let app: TestApp;
let dir: string;
let archive: string;
let planner: TestClient;
let inspector: TestClient;
const saved = { basemap: process.env.BASEMAP_FILE, tiles: process.env.TILE_URL };

beforeAll(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-basemap-'));
	archive = path.join(dir, 'kosovo.pmtiles');
	fs.writeFileSync(archive, pattern());
	process.env.BASEMAP_FILE = archive;
	delete process.env.TILE_URL;
	database = await openTestDatabase();
	app = await startApp(database);
	await addUser(database, 'bm_planner', 'planner');
	await addUser(database, 'bm_inspector', 'inspector', 'labour');
	await addUser(database, 'bm_advocate', 'victim_services');
	planner = await app.signedIn('bm_planner');
	inspector = await app.signedIn('bm_inspector');
});
afterAll(async () => {
	for (const [name, value] of [
		['BASEMAP_FILE', saved.basemap],
		['TILE_URL', saved.tiles]
	] as const) {
		if (value === undefined) delete process.env[name];
		else process.env[name] = value;
	}
	await database?.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

function get(client: TestClient, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
	return client.request('/api/basemap', { method, headers });
}

async function bytes(response: Response): Promise<Uint8Array> {
	return new Uint8Array(await response.arrayBuffer());
}

async function expectRange(range: string, start: number, end: number): Promise<void> {
	const response = await get(planner, { range });
	expect(response.status, range).toBe(206);
	expect(response.headers.get('content-range'), range).toBe(`bytes ${start}-${end}/${SIZE}`);
	expect(response.headers.get('content-length'), range).toBe(String(end - start + 1));
	expect(await bytes(response), range).toEqual(pattern().subarray(start, end + 1));
}

async function expectUnsatisfiable(range: string): Promise<void> {
	const response = await get(planner, { range });
	expect(response.status, range).toBe(416);
	expect(response.headers.get('content-range'), range).toBe(`bytes */${SIZE}`);
	expect((await response.json()).error, range).toMatch(/range/);
}

function directive(policy: string, name: string): string[] {
	const found = policy.split(';').find((part) => part.trim().startsWith(`${name} `)) ?? '';
	return found.trim().split(/\s+/).slice(1);
}

describe(`the basemap archive on ${testEngine}`, () => {
	it('answers the whole archive with its version and how to cache it', async () => {
		const response = await get(planner);
		expect(response.status).toBe(200);
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(response.headers.get('content-type')).toBe('application/vnd.pmtiles');
		expect(response.headers.get('content-length')).toBe(String(SIZE));
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
		expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{64}"$/);
		expect(new Date(response.headers.get('last-modified')!).getTime()).toBe(
			Math.floor(fs.statSync(archive).mtimeMs / 1000) * 1000
		);
		expect(await bytes(response)).toEqual(pattern());
	});

	it('answers the first, middle and last bytes, an open range and a range clipped at the end', async () => {
		await expectRange('bytes=0-99', 0, 99);
		await expectRange('bytes=50000-50999', 50_000, 50_999);
		await expectRange('bytes=-100', SIZE - 100, SIZE - 1);
		await expectRange('bytes=5000-', 5000, SIZE - 1);
		await expectRange('bytes=99950-200000', 99_950, SIZE - 1);
	});

	it('refuses a range from the end on and a malformed one with 416', async () => {
		await expectUnsatisfiable('bytes=100000-');
		await expectUnsatisfiable('bytes=abc');
	});

	it('answers several ranges, or another unit, with the whole archive', async () => {
		for (const range of ['bytes=0-1,5-6', 'items=0-1']) {
			const response = await get(planner, { range });
			expect(response.status, range).toBe(200);
			expect(response.headers.get('content-range'), range).toBeNull();
			expect((await bytes(response)).length, range).toBe(SIZE);
		}
	});

	it('describes the archive on HEAD without sending it', async () => {
		const response = await get(planner, {}, 'HEAD');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-length')).toBe(String(SIZE));
		expect(response.headers.get('accept-ranges')).toBe('bytes');
		expect(response.headers.get('etag')).toBe((await get(planner, {}, 'HEAD')).headers.get('etag'));
		expect((await bytes(response)).length).toBe(0);
	});

	it('keeps its ETag across requests, answers 304 to it, and ranges only of the version named in If-Range', async () => {
		const first = await get(planner, { range: 'bytes=0-0' });
		const etag = first.headers.get('etag')!;
		await first.arrayBuffer();
		const again = await get(inspector, { range: 'bytes=1-1' });
		expect(again.headers.get('etag')).toBe(etag);
		await again.arrayBuffer();

		const unchanged = await get(planner, { 'if-none-match': etag });
		expect(unchanged.status).toBe(304);
		expect(unchanged.headers.get('etag')).toBe(etag);
		expect((await bytes(unchanged)).length).toBe(0);

		const current = await get(planner, { range: 'bytes=0-9', 'if-range': etag });
		expect(current.status).toBe(206);
		expect(await bytes(current)).toEqual(pattern().subarray(0, 10));
		const replaced = await get(planner, { range: 'bytes=0-9', 'if-range': '"an-older-archive"' });
		expect(replaced.status).toBe(200);
		expect((await bytes(replaced)).length).toBe(SIZE);
		expect((await get(planner, { range: 'bytes=0-9', 'if-match': '"an-older-archive"' })).status).toBe(412);
	});

	it('gives the same version to the pages, and no raster tiles beside it', async () => {
		const etag = (await get(planner, {}, 'HEAD')).headers.get('etag')!;
		const html = await (await planner.get('/map')).text();
		expect(html).toContain(etag.slice(1, -1));
		expect(html).toMatch(/tileUrl:""/);
	});

	it('lets signed-in staff read it, inspectors and planners alike, and nobody else', async () => {
		for (const reader of [inspector, planner]) {
			const response = await get(reader);
			expect(response.status).toBe(200);
			expect((await bytes(response)).length).toBe(SIZE);
		}
		const anonymous = await get(app.client());
		expect(anonymous.status).toBe(401);
		expect((await anonymous.json()).error).toBe('sign in required');
		const advocate = await app.signedIn('bm_advocate');
		expect((await get(advocate)).status).toBe(403);
		expect(await (await advocate.get('/referred')).text()).toMatch(/basemap:null/);
	});

	it('lets a page reach no host but ours', async () => {
		for (const [pathname, client] of [
			['/login', app.client()],
			['/map', planner],
			['/today', inspector]
		] as const) {
			const policy = (await client.get(pathname)).headers.get('content-security-policy') ?? '';
			expect(policy, pathname).not.toBe('');
			expect(directive(policy, 'img-src'), pathname).toEqual(["'self'", 'data:', 'blob:']);
			expect(directive(policy, 'connect-src'), pathname).toEqual(["'self'"]);
			expect(policy, pathname).not.toMatch(/https?:/);
		}
	});

	it('gives a new ETag when the operator replaces the archive', async () => {
		const before = (await get(planner, {}, 'HEAD')).headers.get('etag')!;
		const next = path.join(dir, 'kosovo.pmtiles.new');
		fs.writeFileSync(next, pattern(7));
		fs.renameSync(next, archive);
		const after = await get(planner, { 'if-none-match': before });
		expect(after.status).toBe(200);
		expect(after.headers.get('etag')).not.toBe(before);
		expect(await bytes(after)).toEqual(pattern(7));
		const resumed = await get(planner, { range: 'bytes=10-19', 'if-range': before });
		expect(resumed.status).toBe(200);
		await resumed.arrayBuffer();
		expect(await (await planner.get('/map')).text()).toContain(after.headers.get('etag')!.slice(1, -1));
	});

	it('answers 404 when the archive is missing, and the pages then have no basemap', async () => {
		fs.rmSync(archive);
		const response = await get(planner, { range: 'bytes=0-99' });
		expect(response.status).toBe(404);
		expect((await response.json()).error).toMatch(/basemap/);
		expect(await (await planner.get('/map')).text()).toMatch(/basemap:null/);
	});
});

// The in-process app above runs SvelteKit's handlers; this is the built server as `npm start` runs
// it, over real sockets: adapter-node's streaming, HEAD, a download cut short, the start warning.
describe(`the basemap archive served by the built server on ${testEngine}`, () => {
	let target: EngineTarget;
	let server: RunningServer;
	let cookie: string;
	let served: string;

	beforeAll(async () => {
		served = path.join(dir, 'served.pmtiles');
		fs.writeFileSync(served, pattern());
		target = await engineTarget();
		const prepared = await target.open();
		await addUser(prepared, 'bm_http_planner', 'planner');
		await prepared.close();
		server = await startServer({
			...target.env,
			BASEMAP_FILE: served,
			TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png'
		});
		const signedIn = await fetch(`${server.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'bm_http_planner', password: FIXTURE_PASSWORD })
		});
		expect(signedIn.status).toBe(200);
		cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
	});
	afterAll(async () => {
		await server?.stop();
		await target?.dispose();
	});

	const fetchArchive = (init: RequestInit = {}) =>
		fetch(`${server.url}/api/basemap`, { ...init, headers: { cookie, ...init.headers } });

	it('says at start that TILE_URL is ignored, and no page names the tile server', async () => {
		expect(server.output()).toContain('TILE_URL is ignored because BASEMAP_FILE is set');
		const policy = (await fetch(`${server.url}/login`)).headers.get('content-security-policy') ?? '';
		expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:']);
		expect(policy).not.toContain('tiles.example.org');
	});

	it('streams a range and describes the archive on HEAD', async () => {
		const part = await fetchArchive({ headers: { range: 'bytes=-100' } });
		expect(part.status).toBe(206);
		expect(part.headers.get('content-length')).toBe('100');
		expect(part.headers.get('content-range')).toBe(`bytes ${SIZE - 100}-${SIZE - 1}/${SIZE}`);
		expect(await bytes(part)).toEqual(pattern().subarray(SIZE - 100));
		const head = await fetchArchive({ method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(head.headers.get('content-length')).toBe(String(SIZE));
		expect(head.headers.get('etag')).toBe(part.headers.get('etag'));
	});

	it('keeps serving after a download is cut short', async () => {
		const cut = new AbortController();
		const whole = await fetchArchive({ signal: cut.signal });
		await whole.body!.getReader().read();
		cut.abort();
		const next = await fetchArchive({ headers: { range: 'bytes=0-99' } });
		expect(next.status).toBe(206);
		expect(await bytes(next)).toEqual(pattern().subarray(0, 100));
		expect((await fetch(`${server.url}/api/basemap`)).status).toBe(401);
	});
});
