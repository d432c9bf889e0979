/**
 * Sync benchmarks at national scale, against the built app as a real server process
 * (`scripts/serve.js`, what `npm start` runs) on PostgreSQL, over real HTTP:
 * - the first pull into Dexie in Chromium of 20,000 venues and 5,000 assignments (target ≤ 5 s;
 *   the median of three new devices),
 *   from the PIN chosen (which starts device sync) to both tables filled in IndexedDB;
 * - 100 devices at once, each pushing 10 inspections one request at a time: p50/p95 latency, errors,
 *   and the rows stored counted afterwards (no loss, no duplicates).
 * A scratch database on BENCH_DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432/postgres)
 * is seeded by the server (demo data) and grown here in SQL, then dropped. Needs `npm run build`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { startServer } from '../tests/support/server.ts';
import { launchBrowser, newPage, DESKTOP } from '../tests/support/browser.ts';
import { DEMO_PASSWORD, TEST_PIN } from '../tests/support/field.ts';
import { newInspection } from '../src/lib/domain/field/inspectionRecord.ts';

const EXTRA_VENUES = 20_000;
const ASSIGNMENTS = 5_000;
const DEVICES = 100;
const PER_DEVICE = 10;
const PULL_TARGET_MS = 5_000;
const PULLS = 3;
const log = (message: string) => console.error(`[sync at scale] ${message}`);
const percentile = (values: number[], p: number) =>
	[...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `kontrolla_bench_${randomBytes(4).toString('hex')}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(serverUrl);
url.pathname = `/${name}`;
const server = await startServer({ DATABASE_URL: url.toString() });
const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
const browser = await launchBrowser();
try {
	// Grow the demo register to national scale and give police1 a past operation of 5,000 visits,
	// every row with its change-feed entry as the server's own writes have.
	await sql.begin(async (tx) => {
		const [team] =
			await tx`select t.id as team_id, t.operation_id from team_members tm join users u on u.id = tm.user_id
			join teams t on t.id = tm.team_id where u.username = 'police1' limit 1`;
		const [plan] = await tx`select plan_id from operations where id = ${team!.operation_id}`;
		const [agency] = await tx`select id from agencies where code = 'police'`;
		const operationId = randomUUID();
		const teamId = randomUUID();
		await tx`insert into operations (id, plan_id, title, date, lead_agency_id, status) values (${operationId}, ${plan!.plan_id}, 'Bench sweep', current_date - 30, ${agency!.id}, 'done')`;
		await tx`insert into teams (id, operation_id, name) values (${teamId}, ${operationId}, 'Bench team')`;
		await tx`insert into team_members (team_id, user_id, agency_id) select ${teamId}, id, agency_id from users where username in ('police1', 'labour1')`;
		const venues = await tx`insert into locations (id, name, kind, municipality_id, lat, lng, status)
			select gen_random_uuid(), 'Bench venue ' || n, (array['bar','night_club','massage_parlour','hotel_motel','restaurant_cafe'])[1 + n % 5],
				m.id, m.lat + (random() - 0.5) / 20, m.lng + (random() - 0.5) / 20, 'active'
			from generate_series(1, ${EXTRA_VENUES}) n join (select id, lat, lng, row_number() over (order by code) - 1 as k from municipalities) m on m.k = n % 38
			returning id`;
		const assigned = venues.slice(0, ASSIGNMENTS).map((v, i) => ({
			id: randomUUID(),
			operation_id: operationId,
			team_id: teamId,
			location_id: v.id,
			visit_order: i + 1,
			status: 'done'
		}));
		for (let i = 0; i < assigned.length; i += 1000)
			await tx`insert into assignments ${tx(assigned.slice(i, i + 1000))}`;
		const rows = [
			{ entity: 'operation', record_id: operationId, team_id: null, operation_id: operationId },
			{ entity: 'team', record_id: teamId, team_id: teamId, operation_id: operationId },
			...venues.map((v) => ({ entity: 'location', record_id: v.id, team_id: null, operation_id: null })),
			...assigned.map((a) => ({ entity: 'assignment', record_id: a.id, team_id: teamId, operation_id: operationId }))
		];
		const [counter] = await tx`update sync_counter set seq = seq + ${rows.length} where id = 1 returning seq`;
		const first = Number(counter!.seq) - rows.length + 1;
		const feed = rows.map((row, i) => ({ seq: first + i, op: 'upsert', version: 1, ...row }));
		for (let i = 0; i < feed.length; i += 2000)
			await tx`insert into changes ${tx(feed.slice(i, i + 2000), 'seq', 'entity', 'record_id', 'op', 'version', 'team_id', 'operation_id')}`;
	});
	const [{ venues }] = await sql`select count(*)::int as venues from locations where deleted_at is null`;
	const [{ assignments }] =
		await sql`select count(*)::int as assignments from assignments a join team_members tm on tm.team_id = a.team_id
		join users u on u.id = tm.user_id where u.username = 'police1' and a.deleted_at is null`;
	log(`database grown: ${venues} venues, ${assignments} assignments for police1`);

	// First pull in Chromium: sign in, choose the PIN, and time until IndexedDB holds everything;
	// a new browser profile (a new device) each time, the median of PULLS reported.
	async function firstPull(): Promise<number> {
		const { context, page } = await newPage(browser, server.url, DESKTOP);
		await page.goto('/login');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
		await page.getByLabel(/username/i).fill('police1');
		await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.locator('[data-lock="setup"]').waitFor();
		await page.locator('#lock-pin').fill(TEST_PIN);
		await page.getByRole('button', { name: /^next$/i }).click();
		await page.locator('#lock-pin').fill(TEST_PIN);
		// A string, not a function: tsx would wrap a function's inner helpers in `__name`, unknown in the page.
		const countsScript = `(async () => {
				const db = await new Promise((resolve, reject) => {
					const open = indexedDB.open('kontrolla');
					open.onsuccess = () => resolve(open.result);
					open.onerror = () => reject(open.error);
				});
				const count = (store) => new Promise((resolve) => {
					try {
						const request = db.transaction(store).objectStore(store).count();
						request.onsuccess = () => resolve(request.result);
						request.onerror = () => resolve(-1);
					} catch (error) { resolve(String(error)); }
				});
				const counts = [await count('locations'), await count('assignments')];
				db.close();
				return counts;
			})()`;
		log(`before the PIN: ${JSON.stringify(await page.evaluate(countsScript))}`);
		const started = performance.now();
		await page.getByRole('button', { name: /^unlock$/i }).click();
		// Polled from here: a page-side predicate returning a promise counts as true at once.
		const deadline = Date.now() + 120_000;
		for (;;) {
			const [haveVenues, haveAssignments] = (await page.evaluate(countsScript)) as [number, number];
			if (haveVenues >= venues && haveAssignments >= assignments) break;
			if (Date.now() > deadline)
				throw new Error(`first pull incomplete: ${haveVenues} venues, ${haveAssignments} assignments`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const pullMs = performance.now() - started;
		log(`after the pull: ${JSON.stringify(await page.evaluate(countsScript))}`);
		log(`first pull: ${pullMs.toFixed(0)} ms`);
		await context.close();
		return pullMs;
	}
	const pulls: number[] = [];
	for (let i = 0; i < PULLS; i++) pulls.push(await firstPull());
	const pullMs = percentile(pulls, 50);
	log(`first pulls: ${pulls.map((ms) => ms.toFixed(0)).join(', ')} ms`);

	// 100 devices at once against the same server process.
	const [template] =
		await sql`select template_id, template_version from checklist_templates order by template_version desc limit 1`;
	const someVenues = (await sql`select id from locations where status = 'active' limit 200`).map((r) => r.id as string);
	const users = ['police1', 'labour1', 'police2', 'labour2'];
	const devices: { cookie: string; deviceId: string }[] = [];
	for (let d = 0; d < DEVICES; d++) {
		const deviceId = randomUUID();
		const response = await fetch(`${server.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: server.url },
			body: JSON.stringify({ username: users[d % users.length], password: DEMO_PASSWORD, deviceId })
		});
		if (!response.ok) throw new Error(`sign-in ${d}: ${response.status}`);
		devices.push({ cookie: response.headers.getSetCookie()[0]!.split(';')[0]!, deviceId });
	}
	const runTag = randomUUID();
	const latencies: number[] = [];
	let errors = 0;
	const wallStarted = performance.now();
	await Promise.all(
		devices.map(async ({ cookie, deviceId }, d) => {
			for (let i = 0; i < PER_DEVICE; i++) {
				const now = new Date().toISOString();
				const data = newInspection({
					locationId: someVenues[(d * PER_DEVICE + i) % someVenues.length]!,
					assignmentId: null,
					teamId: null,
					unplannedReason: `bench ${runTag}`,
					template: { id: template!.template_id as string, version: template!.template_version as number },
					checkIn: { lat: null, lng: null, accuracy: null, at: now, overrideReason: 'bench' },
					startedAt: now
				});
				const began = performance.now();
				try {
					const response = await fetch(`${server.url}/api/sync/push`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', origin: server.url, cookie },
						body: JSON.stringify({
							deviceId,
							mutations: [
								{ mutationId: randomUUID(), entity: 'inspection', op: 'upsert', id: randomUUID(), baseVersion: 0, data }
							]
						})
					});
					const body = (await response.json()) as { results?: { status: string }[] };
					if (response.status !== 200 || body.results?.[0]?.status !== 'applied') errors++;
				} catch {
					errors++;
				}
				latencies.push(performance.now() - began);
			}
		})
	);
	const wallMs = performance.now() - wallStarted;
	const [{ stored, distinct }] =
		await sql`select count(*)::int as stored, count(distinct id)::int as distinct from inspections where unplanned_reason = ${`bench ${runTag}`}`;
	log(
		`concurrent: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ${errors} errors, ${stored} stored`
	);

	console.log(
		[
			'## Sync at scale: first pull in Chromium, 100 devices at once (PostgreSQL, `node build`)',
			'',
			'The built app served by `scripts/serve.js` on a scratch PostgreSQL database: the demo data grown in',
			`SQL by ${EXTRA_VENUES.toLocaleString('en')} venues and a past operation of ${ASSIGNMENTS.toLocaleString('en')} visits for \`police1\`'s team, each row with its`,
			'change-feed entry (`bench/syncAtScale.bench.ts`). Headless Chromium, real HTTP, the real client sync engine.',
			'',
			'| measure | result |',
			'|---|---:|',
			`| first pull into Dexie (${venues.toLocaleString('en')} venues, ${assignments.toLocaleString('en')} assignments), from the PIN chosen, median of ${PULLS} devices (slowest) | ${(pullMs / 1000).toFixed(2)} s (${(Math.max(...pulls) / 1000).toFixed(2)} s) |`,
			`| 100 devices × 10 pushes: requests | ${latencies.length} |`,
			`| push latency p50 / p95 | ${percentile(latencies, 50).toFixed(0)} ms / ${percentile(latencies, 95).toFixed(0)} ms |`,
			`| wall time for all pushes | ${(wallMs / 1000).toFixed(1)} s |`,
			`| errors | ${errors} |`,
			`| inspections stored / distinct / expected | ${stored} / ${distinct} / ${DEVICES * PER_DEVICE} |`,
			'',
			`- First pull target ≤ ${PULL_TARGET_MS / 1000} s: **${pullMs <= PULL_TARGET_MS ? 'met' : 'missed'}**`,
			`- 100 concurrent devices: **${errors === 0 && stored === DEVICES * PER_DEVICE && distinct === stored ? 'zero errors, zero duplicates, nothing lost' : 'FAILED'}**`
		].join('\n')
	);
} finally {
	await browser.close();
	await server.stop();
	await sql.end();
	await admin.unsafe(`drop database if exists ${name} with (force)`);
	await admin.end();
}
