/**
 * Downloading offline basemap areas to a device, against the built app as real server processes
 * (`scripts/serve.js`, what `npm start` runs) over loopback HTTP, through the device's own code:
 * `planArea` (reads the header and the directories the area needs, plans coalesced spans) and
 * `continueDownload` (one Range request per span, each handed to a span store; here an in-memory one,
 * since Node has no Origin Private File System).
 *
 * Two archives, back to back in one run: the demo archive the server makes at start, and a
 * synthetic country-sized one (tiles z0–14 over Kosovo's box, incompressible random bytes) written
 * with `writeArchive` and served by a second server with BASEMAP_FILE. For each, the whole country
 * and a team's area (5 venues in Prishtinë through `teamAreaRequests`), 5 rounds, medians, beside the
 * same number of bytes fetched in one Range request (`bytes=0-(N-1)`) in the same round.
 *
 * Builds the app first when `build/` is missing or older than the sources: scripts/bench.js builds
 * only for the benches whose names it lists.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, type RunningServer } from '../tests/support/server.ts';
import { DEMO_PASSWORD } from '../tests/support/field.ts';
import { kosovoBounds, municipalities } from '../src/lib/domain/municipalities.ts';
import { tileRange } from '../src/lib/domain/geo/tiles.ts';
import { COUNTRY_MAX_ZOOM, teamAreaRequests } from '../src/lib/domain/geo/offlineAreas.ts';
import { Compression, TileType, writeArchive, type TileInput } from '../src/lib/server/basemap/pmtilesWriter.ts';
import { createRandom, type Random } from '../src/lib/server/demo/random.ts';
import { DEMO_BASEMAP_NAME } from '../src/lib/server/basemap/file.ts';
import { continueDownload, planArea, type AreaRequest } from '../src/lib/client/map/basemap/download.ts';
import type { AreaRecord } from '../src/lib/client/map/basemap/store.ts';
import type { ByteRange } from '../src/lib/domain/geo/tiles.ts';

const ROUNDS = 5;
const SEED = 'bench/basemap';
/** What the synthetic archive's tile sizes are scaled to: a country archive's order of size. */
const TARGET_ARCHIVE_BYTES = 50 * 1024 * 1024;
const SYNTHETIC_MAX_ZOOM = 14;
const log = (message: string) => console.error(`[basemap bench] ${message}`);

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mb = (bytes: number) =>
	bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(0)} KB`;
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);

// ── the built app ────────────────────────────────────────────────────────────────────────────────

function newestMtime(entry: string): number {
	const stats = fs.statSync(entry);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return Math.max(stats.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** `vite build` unless build/ is newer than everything it is made from (bench.js may have just built it). */
function ensureBuilt(): void {
	const built = path.resolve('build/handler.js');
	const inputs = ['src', 'static', 'messages', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];
	const newestInput = Math.max(...inputs.filter((input) => fs.existsSync(input)).map(newestMtime));
	if (fs.existsSync(built) && fs.statSync(built).mtimeMs > newestInput) return;
	log('building the app (vite build): build/ is missing or older than the sources');
	const run = spawnSync(path.resolve('node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
		stdio: ['ignore', process.stderr, 'inherit']
	});
	if (run.status !== 0) throw new Error('vite build failed');
}

// ── the synthetic country archive ────────────────────────────────────────────────────────────────

/** A log-normal draw with the given median (bytes) and spread. */
const logNormal = (random: Random, medianBytes: number, sigma: number) =>
	medianBytes * Math.exp(random.gaussian(0, sigma));

const tileCentre = (z: number, x: number, y: number) => {
	const n = 2 ** z;
	const lng = ((x + 0.5) / n) * 360 - 180;
	const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * (y + 0.5)) / n))) * 180) / Math.PI;
	return { lat, lng };
};

/** How much of a town a z14 tile holds: 1 at a municipality seat, fading over a radius that grows with its population. */
function townWeight(lat: number, lng: number): number {
	let weight = 0;
	for (const seat of municipalities) {
		const dy = (lat - seat.lat) * 111.32;
		const dx = (lng - seat.lng) * 111.32 * Math.cos((seat.lat * Math.PI) / 180);
		const radiusKm = 1.2 * Math.sqrt(seat.population / 30_000);
		weight = Math.max(weight, Math.exp(-(dx * dx + dy * dy) / (2 * radiusKm * radiusKm)));
	}
	return weight;
}

type SyntheticSizes = { sizes: Map<string, number>; townMedian: number; ruralMedian: number; tiles: number };

/**
 * Tile sizes like a Protomaps basemap's: a z14 tile of countryside holds a few roads and fields
 * (log-normal, median 2 KB), one in a town its streets and buildings (up to ~30 KB at the seat of a
 * large municipality, fading outwards); a tile below z14 holds its four children generalised, half
 * their bytes, at most 500 KB. Then every size is scaled so the archive is TARGET_ARCHIVE_BYTES.
 */
function syntheticSizes(): SyntheticSizes {
	const random = createRandom(SEED);
	const box = {
		minLng: kosovoBounds.minLng,
		minLat: kosovoBounds.minLat,
		maxLng: kosovoBounds.maxLng,
		maxLat: kosovoBounds.maxLat
	};
	const sizes = new Map<string, number>();
	const key = (z: number, x: number, y: number) => `${z}/${x}/${y}`;
	const town: number[] = [];
	const rural: number[] = [];
	const top = tileRange(box, SYNTHETIC_MAX_ZOOM);
	for (let x = top.x0; x <= top.x1; x++) {
		for (let y = top.y0; y <= top.y1; y++) {
			const { lat, lng } = tileCentre(SYNTHETIC_MAX_ZOOM, x, y);
			const weight = townWeight(lat, lng);
			const size = logNormal(random, 2_000, 0.6) + weight * logNormal(random, 22_000, 0.3);
			sizes.set(key(SYNTHETIC_MAX_ZOOM, x, y), size);
			(weight > 0.5 ? town : rural).push(size);
		}
	}
	for (let z = SYNTHETIC_MAX_ZOOM - 1; z >= 0; z--) {
		const { x0, x1, y0, y1 } = tileRange(box, z);
		for (let x = x0; x <= x1; x++) {
			for (let y = y0; y <= y1; y++) {
				let children = 0;
				for (const [dx, dy] of [
					[0, 0],
					[0, 1],
					[1, 0],
					[1, 1]
				] as const)
					children += sizes.get(key(z + 1, 2 * x + dx, 2 * y + dy)) ?? 0;
				sizes.set(key(z, x, y), Math.min(500_000, Math.max(300, children / 2)));
			}
		}
	}
	const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
	const scale = TARGET_ARCHIVE_BYTES / total;
	for (const [tile, size] of sizes) sizes.set(tile, Math.max(64, Math.round(size * scale)));
	return {
		sizes,
		townMedian: median(town) * scale,
		ruralMedian: median(rural) * scale,
		tiles: sizes.size
	};
}

function writeSyntheticArchive(file: string): SyntheticSizes {
	const synthetic = syntheticSizes();
	const tiles: TileInput[] = [];
	for (const [tile, size] of synthetic.sizes) {
		const [z, x, y] = tile.split('/').map(Number) as [number, number, number];
		// Random bytes: no two tiles alike (nothing deduplicated) and nothing a transport could compress.
		tiles.push({ z, x, y, data: randomBytes(size) });
	}
	const bytes = writeArchive(tiles, {
		// Never decoded here: the download moves bytes and the map bench draws the demo archive.
		tileType: TileType.Mvt,
		tileCompression: Compression.None,
		bounds: {
			minLon: kosovoBounds.minLng,
			minLat: kosovoBounds.minLat,
			maxLon: kosovoBounds.maxLng,
			maxLat: kosovoBounds.maxLat
		},
		metadata: { name: 'Synthetic country archive for bench/basemap.bench.ts' }
	});
	fs.writeFileSync(file, bytes);
	return synthetic;
}

// ── the device's requests, from Node ─────────────────────────────────────────────────────────────

async function signIn(server: RunningServer): Promise<string> {
	const response = await fetch(`${server.url}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.url },
		body: JSON.stringify({ username: 'police1', password: DEMO_PASSWORD, deviceId: randomUUID() })
	});
	if (!response.ok) throw new Error(`sign-in answered ${response.status}`);
	return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

const nodeFetch = globalThis.fetch;
/** Which server the device code's relative URLs go to, with whose session; and how many requests it made. */
const target = { origin: '', cookie: '', requests: 0 };
// network.ts asks for `/api/basemap` as a page would (relative, same-origin credentials): in Node
// the origin and the session cookie are added here.
globalThis.fetch = (input, init = {}) => {
	target.requests += 1;
	const url = typeof input === 'string' && input.startsWith('/') ? `${target.origin}${input}` : input;
	const headers = new Headers(init.headers);
	headers.set('cookie', target.cookie);
	return nodeFetch(url, { ...init, headers });
};

/** The span store's interface (putSpan, save), kept in memory and dropped after each round. */
function memoryStore() {
	const spans = new Map<number, Uint8Array>();
	return {
		spans,
		async putSpan(_area: AreaRecord, span: ByteRange, bytes: Uint8Array) {
			spans.set(span.offset, bytes);
		},
		async save() {}
	};
}

type Round = { planMs: number; planRequests: number; spans: number; bytes: number; downloadMs: number; oneMs: number };

async function round(request: AreaRequest, settings: { url: string; etag: string }): Promise<Round> {
	target.requests = 0;
	let started = performance.now();
	const area = await planArea(settings, request);
	const planMs = performance.now() - started;
	const planRequests = target.requests;

	const store = memoryStore();
	started = performance.now();
	const done = await continueDownload(settings, store, area, () => {});
	const downloadMs = performance.now() - started;
	const stored = [...store.spans.values()].reduce((sum, bytes) => sum + bytes.length, 0);
	if (done.completedAt === null || stored !== area.bytes)
		throw new Error(`incomplete download: ${stored} of ${area.bytes}`);
	store.spans.clear();

	// The same number of bytes in one Range request, read to the end as the spans were.
	started = performance.now();
	const one = await fetch(settings.url, { headers: { Range: `bytes=0-${area.bytes - 1}` } });
	const body = new Uint8Array(await one.arrayBuffer());
	const oneMs = performance.now() - started;
	if (one.status !== 206 || body.length !== area.bytes)
		throw new Error(`one request answered ${one.status}, ${body.length} bytes`);
	return { planMs, planRequests, spans: area.spans.length, bytes: area.bytes, downloadMs, oneMs };
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────────

ensureBuilt();
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-basemap-bench-'));
const countryFile = path.join(scratch, 'country.pmtiles');
const starting: Promise<RunningServer>[] = [];
try {
	// The demo server starts while the synthetic archive is written; nothing is timed until both answer.
	starting.push(startServer());
	const started = performance.now();
	const synthetic = writeSyntheticArchive(countryFile);
	log(
		`synthetic archive: ${synthetic.tiles} tiles, ${mb(fs.statSync(countryFile).size)} in ${ms(performance.now() - started)}`
	);
	starting.push(startServer({ BASEMAP_FILE: countryFile }));
	const [demo, country] = (await Promise.all(starting)) as [RunningServer, RunningServer];

	// Five venues spread over ~2 km around Prishtinë's centre, as one team's target list.
	const centre = municipalities.find((m) => m.code === 'prishtine')!;
	const metres = (north: number, east: number) => ({
		lat: centre.lat + north / 111_320,
		lng: centre.lng + east / (111_320 * Math.cos((centre.lat * Math.PI) / 180))
	});
	const venues = [metres(0, 0), metres(600, 900), metres(700, -800), metres(-900, 600), metres(-800, -700)];
	const [team] = teamAreaRequests([{ operationId: 'bench', points: venues }]);
	const areas: { label: string; request: AreaRequest }[] = [
		{ label: 'whole country', request: { id: 'country', kind: 'country', box: null, maxZoom: COUNTRY_MAX_ZOOM } },
		{
			label: "team's area (5 venues, Prishtinë)",
			request: { id: team!.id, kind: 'team', box: team!.box, maxZoom: team!.maxZoom }
		}
	];

	const archives = [
		{ label: 'demo (made at start)', server: demo, file: path.join(demo.dataDir, 'basemap', DEMO_BASEMAP_NAME) },
		{ label: 'synthetic country', server: country, file: countryFile }
	];
	const rows: string[] = [];
	const ratios: string[] = [];
	for (const archive of archives) {
		target.origin = archive.server.url;
		target.cookie = await signIn(archive.server);
		const size = fs.statSync(archive.file).size;
		// The first request hashes the file for its ETag (once per version): not part of any timing.
		const head = await fetch('/api/basemap', { method: 'HEAD' });
		const settings = { url: '/api/basemap', etag: head.headers.get('etag') ?? '' };
		if (!head.ok || !settings.etag) throw new Error(`HEAD /api/basemap answered ${head.status}`);
		for (const area of areas) {
			const rounds: Round[] = [];
			for (let i = 0; i < ROUNDS; i++) {
				const measured = await round(area.request, settings);
				rounds.push(measured);
				log(
					`${archive.label}, ${area.label}: ${mb(measured.bytes)}, ${measured.planRequests} + ${measured.spans} requests, plan ${ms(measured.planMs)}, spans ${ms(measured.downloadMs)}, one request ${ms(measured.oneMs)}`
				);
			}
			const first = rounds[0]!;
			const download = median(rounds.map((r) => r.downloadMs));
			const one = median(rounds.map((r) => r.oneMs));
			const ratio = download / one;
			rows.push(
				`| ${archive.label} | ${mb(size)} | ${area.label} | ${mb(first.bytes)} | ${first.planRequests} + ${first.spans} | ${ms(median(rounds.map((r) => r.planMs)))} | ${ms(download)} | ${ms(one)} | ${ratio.toFixed(2)}× |`
			);
			ratios.push(`${archive.label}, ${area.label}: **${ratio.toFixed(2)}×** (${ms(download / first.spans)} per span)`);
		}
	}

	console.log(
		[
			'## Offline basemap: downloading areas (Node, `node build`)',
			'',
			'The device download (`planArea`, then `continueDownload` with an in-memory span store) in Node against the',
			"built app (`scripts/serve.js`, demo data, `police1`'s session) over loopback HTTP (`bench/basemap.bench.ts`).",
			"Plan: the first 16 KiB (header, root directory) and the leaf directories the area's tiles need, read by Range",
			'requests, each tile located, and the spans planned (first read, metadata, directories and tiles; neighbouring',
			'ranges coalesced, gaps ≤ 64 KiB fetched, ≤ 512 KiB each); download: one Range request per span, three in flight,',
			'read to the end. "One request" fetches the same number of bytes as `bytes=0-(N-1)` in the same round. The',
			'demo archive is the one the server makes at start; the synthetic country archive (`writeArchive`, a second',
			`server with BASEMAP_FILE) has ${synthetic.tiles.toLocaleString('en')} tiles z0–14 over Kosovo's box of random (incompressible) bytes, sized like a`,
			'Protomaps basemap: a z14 tile of countryside log-normal around 2 KB, one in a town up to ~30 KB at a large',
			'seat, fading outwards; a lower-zoom tile half its four children, at most 500 KB; all scaled to 50 MB',
			`(z14 medians then ${mb(synthetic.ruralMedian)} rural, ${mb(synthetic.townMedian)} in towns). Whole country: \`box: null\`, max zoom ${COUNTRY_MAX_ZOOM}; team's area: 5 venues`,
			"spread over ~2 km around Prishtinë's centre through `teamAreaRequests` (box + 1.5 km, max zoom 16, clamped to",
			`the archive's). Medians of ${ROUNDS} rounds, the archives back to back in one run.`,
			'',
			'| archive | file | area | planned bytes | requests (plan + spans) | plan | download spans | one request | spans ÷ one request |',
			'|---|---:|---|---:|---:|---:|---:|---:|---:|',
			...rows,
			'',
			...ratios.map((ratio) => `- Spans ÷ one request, ${ratio}`),
			'- What limits it: client and server share 2 cores (another worker competes for them) over loopback,',
			'  so the figures are CPU time, not bandwidth: each span pays a whole request through SvelteKit (session',
			'  looked up in the database, file opened, ETag from the kept hash) before its bytes stream from the page',
			'  cache, and many small spans (a team area is a few separate runs of the clustered file) pay it often.',
			'  Over a phone connection the round trip per span and the bandwidth would dominate instead.'
		].join('\n')
	);
} finally {
	globalThis.fetch = nodeFetch;
	for (const server of await Promise.allSettled(starting)) if (server.status === 'fulfilled') await server.value.stop();
	fs.rmSync(scratch, { recursive: true, force: true });
}
