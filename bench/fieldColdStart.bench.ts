/**
 * The field-app benchmarks, against the built app (`npm run build` first) on a fresh demo
 * server, in Chromium at phone size:
 * - offline cold start: a new tab opened at /today with the network off and the CPU slowed 4×
 *   (CDP `Emulation.setCPUThrottlingRate`), from navigation start to the first assignment drawn
 *   from the device's database. Target ≤ 1.5 s (median).
 * - JavaScript shipped per inspector route: every script the page loaded (Resource Timing),
 *   gzip-compressed from build/client. Target ≤ 200 KB per route, Leaflet included.
 * Prints a markdown section for bench/RESULTS.md (scripts/bench.js); progress goes to stderr.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { startServer } from '../tests/support/server.ts';
import { launchBrowser, newPage, PHONE } from '../tests/support/browser.ts';
import { signInOnline, startFirstAssignment, TEST_PIN, unlockApp, waitForTodayList } from '../tests/support/field.ts';

const RUNS = 7;
const CPU_SLOWDOWN = 4;
const COLD_START_TARGET_MS = 1500;
const JS_TARGET_KB = 200;
const CLIENT_DIR = path.resolve('build/client');

if (!fs.existsSync(path.join(CLIENT_DIR, '_app'))) {
	console.error('build/client is missing: run `npm run build` first');
	process.exit(1);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** The app's scripts this page has loaded so far (its own origin, `/_app/`). */
async function loadedScripts(page: Page): Promise<Set<string>> {
	const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
	return new Set(urls.map((url) => new URL(url).pathname).filter((p) => p.startsWith('/_app/') && p.endsWith('.js')));
}

function gzipBytes(paths: Iterable<string>): { files: number; raw: number; gzip: number } {
	let files = 0;
	let raw = 0;
	let gzip = 0;
	for (const urlPath of paths) {
		const file = path.join(CLIENT_DIR, urlPath);
		if (!fs.existsSync(file)) continue;
		const bytes = fs.readFileSync(file);
		files++;
		raw += bytes.length;
		gzip += gzipSync(bytes, { level: 9 }).length;
	}
	return { files, raw, gzip };
}

const server = await startServer();
const browser = await launchBrowser();
try {
	const { context, page } = await newPage(browser, server.url, PHONE);
	console.error('[field bench] signing in and waiting for the first sync');
	await signInOnline(page, 'police1');
	await waitForTodayList(page);

	// JavaScript per route, measured online on full page loads (each starts from a fresh JS context).
	const routes: { route: string; scripts: Set<string> }[] = [];
	await page.reload();
	await waitForTodayList(page);
	routes.push({ route: '/today (list)', scripts: await loadedScripts(page) });
	await page.getByRole('button', { name: /show map/i }).click();
	await page.locator('.leaflet-container').waitFor();
	await page.waitForLoadState('networkidle');
	routes.push({ route: '/today with the map shown', scripts: await loadedScripts(page) });
	await page.reload();
	await waitForTodayList(page);
	const inspectionId = await startFirstAssignment(page, 'benchmark');
	await page.goto(`/visit/${inspectionId}`);
	await unlockApp(page);
	await page
		.getByRole('status')
		.filter({ hasText: /required questions answered/i })
		.waitFor();
	routes.push({ route: '/visit/[id] (checklist)', scripts: await loadedScripts(page) });
	await page.goto('/sync');
	await unlockApp(page);
	await page.waitForLoadState('networkidle');
	routes.push({ route: '/sync', scripts: await loadedScripts(page) });

	// Offline cold starts: a new tab each time, as when the app is opened from the home screen.
	await context.setOffline(true);
	const coldStarts: number[] = [];
	const toLock: number[] = [];
	const unlocking: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const tab = await context.newPage();
		const cdp = await context.newCDPSession(tab);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
		await tab.goto('/today', { waitUntil: 'commit' });
		// A cold start is locked (the data key lives in memory only): the lock screen, then the PIN.
		const lockShown = (await (
			await tab.waitForFunction(
				() => (document.querySelector('[data-lock="locked"] #lock-pin') ? performance.now() : 0),
				undefined,
				{ timeout: 30_000, polling: 'raf' }
			)
		).jsonValue()) as number;
		await tab.locator('#lock-pin').fill(TEST_PIN);
		const submitted = (await tab.evaluate(() => performance.now())) as number;
		await tab.getByRole('button', { name: /^unlock$/i }).click();
		const listShown = (await (
			await tab.waitForFunction(
				() => (document.querySelector('[data-assignment]') ? performance.now() : 0),
				undefined,
				{ timeout: 30_000, polling: 'raf' }
			)
		).jsonValue()) as number;
		toLock.push(lockShown);
		unlocking.push(listShown - submitted);
		coldStarts.push(lockShown + (listShown - submitted));
		console.error(
			`[field bench] offline cold start ${run + 1}/${RUNS}: lock ${lockShown.toFixed(0)} ms + unlock ${(listShown - submitted).toFixed(0)} ms`
		);
		await cdp.detach();
		await tab.close();
	}
	await context.close();

	const coldMedian = median(coldStarts);
	const lines = [
		'## Field app: offline cold start and JavaScript per route (Chromium)',
		'',
		`Built app on a fresh demo server; \`police1\` signed in once online and synced, then the network`,
		`was cut. Phone viewport 360 × 740; headless Chromium, no GPU.`,
		'',
		`### Offline cold start to a usable Today list, CPU slowed ${CPU_SLOWDOWN}×`,
		'',
		'A cold start opens locked (the PIN lock keeps its key in memory only). Measured: from navigation',
		'start of a new tab at `/today` (served by the service worker) to the PIN field ready, plus from',
		'the PIN submitted (PBKDF2-SHA-256, 600,000 iterations) to the first assignment drawn from',
		'IndexedDB; the time a person takes to type the PIN is not counted.',
		'',
		'| runs | to the lock screen | PIN to Today list | sum (median) | range of the sum |',
		'|---:|---:|---:|---:|---:|',
		`| ${RUNS} | ${median(toLock).toFixed(0)} ms | ${median(unlocking).toFixed(0)} ms | ${coldMedian.toFixed(0)} ms | ${Math.min(...coldStarts).toFixed(0)} ms – ${Math.max(...coldStarts).toFixed(0)} ms |`,
		'',
		`- Target ≤ ${COLD_START_TARGET_MS} ms: **${coldMedian <= COLD_START_TARGET_MS ? 'met' : 'missed'}**`,
		'',
		'### JavaScript shipped per inspector route (gzip -9 of the files the page loaded)',
		'',
		'| route | scripts | raw | gzip |',
		'|---|---:|---:|---:|'
	];
	let worst = 0;
	for (const { route, scripts } of routes) {
		const size = gzipBytes(scripts);
		worst = Math.max(worst, size.gzip);
		lines.push(`| ${route} | ${size.files} | ${kb(size.raw)} KB | ${kb(size.gzip)} KB |`);
	}
	lines.push(
		'',
		`- Target ≤ ${JS_TARGET_KB} KB per route, Leaflet included: **${worst / 1024 <= JS_TARGET_KB ? 'met' : 'missed'}** (largest ${kb(worst)} KB)`
	);
	console.log(lines.join('\n'));
} finally {
	await browser.close();
	await server.stop();
}
