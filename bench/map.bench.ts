/**
 * The map benchmark: 20,000 venues in headless Chromium, drawn by the app's canvas point
 * layer (src/lib/client/map/pointLayer.ts), by Leaflet's canvas circleMarkers, and by plain
 * one-DOM-marker-per-venue, in the same run. Measures the time from the venues in memory to the
 * map painted, and the median time of a pan step and of a zoom step to the next painted frame.
 * Target: first draw ≤ 300 ms and at least 10× faster than DOM markers.
 *
 * The app's point layer is also drawn over the vector basemap (issue 18): protomaps-leaflet with the
 * app's style (vectorStyle.ts) reading the demo archive (buildDemoArchive, what a demo server makes at
 * start) by Range requests, as the app does; its first draw is timed the same way once the basemap's
 * first view is drawn, and the basemap's own time to that view is reported beside it.
 *
 * A static page loads Leaflet from node_modules and the point layer and the basemap bundled by esbuild
 * (tsx's own), served by a tiny local HTTP server (with Range support for the archive) and driven by
 * playwright-core. Prints a markdown section for bench/RESULTS.md (scripts/bench.js).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { buildDemoArchive } from '../src/lib/server/basemap/demoArchive.ts';

const VENUES = 20_000;
const SEED = 20_260_324;
const VIEWPORT = { width: 1280, height: 800 };
type Approach = 'canvasPoints' | 'canvasPointsOverBasemap' | 'circleMarkers' | 'domMarkers';
// DOM markers take seconds per step at this size: fewer runs keep the suite within its time limit.
// Over the basemap each draw first waits for a fresh basemap's first view (~0.2–0.5 s): as many draws
// as without it, since the two take turns and the first of each pays for warming up.
const plan: Record<Approach, { label: string; draws: number; pans: number; zooms: number }> = {
	canvasPoints: { label: 'canvas point layer (`pointLayer.ts`, used by the app)', draws: 5, pans: 10, zooms: 6 },
	canvasPointsOverBasemap: {
		label: 'the same over the vector basemap (demo archive, `vectorStyle.ts`)',
		draws: 5,
		pans: 4,
		zooms: 2
	},
	circleMarkers: { label: 'Leaflet canvas `circleMarker` per venue', draws: 2, pans: 4, zooms: 2 },
	domMarkers: { label: 'plain DOM marker per venue (`L.marker` + `divIcon`)', draws: 1, pans: 2, zooms: 2 }
};
const TARGET_MS = 300;
// To iterate on one drawing: MAP_BENCH_ONLY=canvasPoints npx tsx bench/map.bench.ts
const only = process.env.MAP_BENCH_ONLY?.split(',');
const approaches = (Object.keys(plan) as Approach[]).filter((approach) => !only || only.includes(approach));
const TARGET_RATIO = 10;

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);

async function harnessDir(): Promise<string> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-map-bench-'));
	const leaflet = path.resolve('node_modules/leaflet/dist');
	fs.copyFileSync(path.join(leaflet, 'leaflet.js'), path.join(dir, 'leaflet.js'));
	fs.copyFileSync(path.join(leaflet, 'leaflet.css'), path.join(dir, 'leaflet.css'));
	fs.copyFileSync(path.resolve('bench/map/harness.js'), path.join(dir, 'harness.js'));
	await build({
		entryPoints: [path.resolve('src/lib/client/map/pointLayer.ts')],
		bundle: true,
		format: 'iife',
		globalName: 'PointLayer',
		outfile: path.join(dir, 'pointLayer.js'),
		logLevel: 'silent'
	});
	// What vectorLayer.ts puts together, without the device store (the page has no areas kept):
	// protomaps-leaflet extends the global `L` that leaflet.js set, so it goes in after it.
	await build({
		stdin: {
			contents: `export { leafletLayer } from 'protomaps-leaflet';
export { PMTiles } from 'pmtiles';
export { basemapColours, labelRules, paintRules } from './src/lib/client/map/basemap/vectorStyle.ts';`,
			resolveDir: process.cwd(),
			loader: 'ts'
		},
		bundle: true,
		format: 'iife',
		globalName: 'Basemap',
		outfile: path.join(dir, 'basemap.js'),
		logLevel: 'silent'
	});
	fs.writeFileSync(path.join(dir, 'demo.pmtiles'), buildDemoArchive());
	fs.writeFileSync(
		path.join(dir, 'index.html'),
		`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="leaflet.css">
<style>html,body,#map{margin:0;width:100%;height:100%}.dom-venue{background:#d55e00;border:1.5px solid #fff;border-radius:50%}</style>
</head><body><div id="map"></div><script src="leaflet.js"></script><script src="pointLayer.js"></script><script src="basemap.js"></script><script src="harness.js"></script></body></html>`
	);
	return dir;
}

function serve(dir: string): Promise<{ url: string; close: () => void }> {
	const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
	const server = http.createServer((request, response) => {
		const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname) || 'index.html';
		const file = path.join(dir, name);
		if (!fs.existsSync(file)) {
			response.writeHead(404).end();
			return;
		}
		const type = types[path.extname(file)] ?? 'application/octet-stream';
		// The archive is read as the app's server answers it: byte ranges (`bytes=a-b`) with a 206.
		const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
		if (range) {
			const size = fs.statSync(file).size;
			const start = Number(range[1]);
			const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
			if (start > end) {
				response.writeHead(416, { 'content-range': `bytes */${size}` }).end();
				return;
			}
			response.writeHead(206, {
				'content-type': type,
				'content-range': `bytes ${start}-${end}/${size}`,
				'content-length': String(end - start + 1),
				'accept-ranges': 'bytes'
			});
			fs.createReadStream(file, { start, end }).pipe(response);
			return;
		}
		response.writeHead(200, { 'content-type': type });
		fs.createReadStream(file).pipe(response);
	});
	return new Promise((resolve) =>
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
		})
	);
}

type Result = { draw: number[]; script: number[]; pan: number[]; zoom: number[]; basemap: number[] };
/** `basemap`: from a fresh map to the vector basemap's first view drawn (null without one). */
type Draw = { painted: number; script: number; basemap: number | null };

/** One first draw of `approach` on a fresh map, added to its result. */
async function drawOnce(page: Page, approach: Approach, result: Result): Promise<void> {
	const timed = await page.evaluate(
		(a) => (window as unknown as { bench: { firstDraw(a: string): Promise<Draw> } }).bench.firstDraw(a),
		approach
	);
	result.draw.push(timed.painted);
	result.script.push(timed.script);
	if (timed.basemap !== null) result.basemap.push(timed.basemap);
	const basemapNote = timed.basemap === null ? '' : `, after the basemap drew in ${ms(timed.basemap)}`;
	console.error(`[map bench] ${approach}: first draw ${ms(timed.painted)} (script ${ms(timed.script)}${basemapNote})`);
}

/** The pan and zoom steps on the map `approach` drew last. */
async function steps(page: Page, approach: Approach, result: Result): Promise<void> {
	const { pans, zooms } = plan[approach];
	result.pan = await page.evaluate(
		(n) => (window as unknown as { bench: { pan(n: number): Promise<number[]> } }).bench.pan(n),
		pans
	);
	console.error(`[map bench] ${approach}: pan steps ${result.pan.map(ms).join(', ')}`);
	result.zoom = await page.evaluate(
		(n) => (window as unknown as { bench: { zoom(n: number): Promise<number[]> } }).bench.zoom(n),
		zooms
	);
	console.error(`[map bench] ${approach}: zoom steps ${result.zoom.map(ms).join(', ')}`);
}

const dir = await harnessDir();
const server = await serve(dir);
const browser = await launchBrowser();
try {
	const context = await browser.newContext({ viewport: VIEWPORT });
	const page = await context.newPage();
	page.setDefaultTimeout(10 * 60_000);
	await page.goto(server.url);
	await page.evaluate(
		([count, seed]) =>
			(window as unknown as { bench: { makeVenues(c: number, s: number): number } }).bench.makeVenues(count!, seed!),
		[VENUES, SEED]
	);
	const results = {} as Record<Approach, Result>;
	// The app's layer with and without the basemap take turns, first draw by first draw, so load
	// that comes and goes on the shared machine falls on both alike; the other drawings follow, as
	// before, one after another (DOM markers last: 20,000 elements left to collect would slow what
	// came after them). Each drawing's pans and zooms follow its last draw, on its own map.
	const turns: Approach[] = ['canvasPoints', 'canvasPointsOverBasemap'];
	const groups = [
		approaches.filter((approach) => turns.includes(approach)),
		...approaches.filter((approach) => !turns.includes(approach)).map((approach) => [approach])
	];
	for (const approach of approaches) results[approach] = { draw: [], script: [], pan: [], zoom: [], basemap: [] };
	for (const group of groups) {
		const rounds = Math.max(0, ...group.map((approach) => plan[approach].draws));
		for (let run = 0; run < rounds; run++) {
			for (const approach of group) {
				if (run >= plan[approach].draws) continue;
				await drawOnce(page, approach, results[approach]);
				if (run === plan[approach].draws - 1) await steps(page, approach, results[approach]);
			}
		}
	}

	const canvas = results.canvasPoints ? median(results.canvasPoints.draw) : Number.NaN;
	const dom = results.domMarkers ? median(results.domMarkers.draw) : Number.NaN;
	const ratio = dom / canvas;
	const overBasemap = results.canvasPointsOverBasemap;
	const overBasemapMs = overBasemap ? median(overBasemap.draw) : Number.NaN;
	const rows = approaches.map((approach) => {
		const { draw, script, pan, zoom } = results[approach];
		return `| ${plan[approach].label} | ${draw.length} | ${ms(median(draw))} | ${ms(median(script))} | ${pan.length} | ${ms(median(pan))} | ${zoom.length} | ${ms(median(zoom))} |`;
	});
	console.log(
		[
			'## Map: drawing 20,000 venues (Chromium)',
			'',
			`${VENUES.toLocaleString('en')} venues uniformly spread over Kosovo's bounding box (seed ${SEED}), a ${VIEWPORT.width} × ${VIEWPORT.height} map`,
			'fitted to Kosovo, headless Chromium without GPU, no raster tiles. First draw: from the venues in memory to the',
			'next painted frame, on a fresh map. Pan: a 240 × 160 px step; zoom: one level in or out; each to the next',
			'painted frame (so never below one frame, ~16 ms). "Of which script" is the JavaScript alone (creating',
			'and drawing the layer), before the browser lays out and paints. Medians of the runs and steps counted.',
			'"Over the vector basemap": the fresh map first gets the basemap as the app adds it (protomaps-leaflet,',
			'`vectorStyle.ts`, the demo archive of `buildDemoArchive` read by Range requests from the local server),',
			'and the venues are drawn once its first view is painted; its pans and zooms count to the next painted',
			'frame, not to the basemap tiles of the new view, which protomaps-leaflet draws after.',
			'',
			'| drawing | draws | first draw | of which script | pan steps | pan step | zoom steps | zoom step |',
			'|---|---:|---:|---:|---:|---:|---:|---:|',
			...rows,
			'',
			`- DOM markers ÷ canvas point layer, first draw (medians): **${ratio.toFixed(0)}×**`,
			`- Target first draw ≤ ${TARGET_MS} ms: **${canvas <= TARGET_MS ? 'met' : 'missed'}** (${ms(canvas)}); at least ${TARGET_RATIO}× faster than DOM markers: **${ratio >= TARGET_RATIO ? 'met' : 'missed'}**`,
			...(overBasemap
				? [
						`- Over the vector basemap, target first draw ≤ ${TARGET_MS} ms: **${overBasemapMs <= TARGET_MS ? 'met' : 'missed'}** (${ms(overBasemapMs)}, ${ms(canvas)} without); the basemap's own first view (header, tiles fetched, decoded and painted) took ${ms(median(overBasemap.basemap))} before it (median of ${overBasemap.basemap.length})`
					]
				: [])
		].join('\n')
	);
	await context.close();
} finally {
	await browser.close();
	server.close();
	fs.rmSync(dir, { recursive: true, force: true });
}
