/**
 * What /metrics reports: requests by route and status, the sync endpoints' durations and results,
 * the outbox sizes devices report, the database pool and the process. Labels are route ids, methods
 * and codes only: never a path (it carries record ids), a user or an address.
 */
import type { Engine } from '../db/index.ts';
import { Counter, exposition, Histogram, renderGauge } from './registry.ts';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
const SYNC_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];
const OUTBOX_ENTRIES = [0, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 5000];

const requests = new Counter('http_requests_total', 'HTTP requests answered, by route id, method and status.');
const requestSeconds = new Histogram(
	'http_request_duration_seconds',
	'Time from a request reaching the app to its answer, by route id.',
	SECONDS
);
const pushSeconds = new Histogram('sync_push_duration_seconds', 'Time to answer a device push.', SYNC_SECONDS);
const pullSeconds = new Histogram('sync_pull_duration_seconds', 'Time to answer a device pull page.', SYNC_SECONDS);
const pushedMutations = new Counter(
	'sync_push_mutations_total',
	'Mutations pushed by devices, by result (applied, conflict, rejected, duplicate).'
);
const outboxSizes = new Histogram(
	'device_outbox_size',
	'Entries waiting in a device outbox, as the device reported with a push or pull (X-Outbox-Size).',
	OUTBOX_ENTRIES
);

const PUSH_ROUTE = '/api/sync/push';
const PULL_ROUTE = '/api/sync/pull';

/** One answered request; `route` is the route id or 'unmatched'. */
export function recordRequest(route: string, method: string, status: number, seconds: number): void {
	requests.inc({ route, method, status: String(status) });
	requestSeconds.observe({ route }, seconds);
	if (route === PUSH_ROUTE && status < 500) pushSeconds.observe({}, seconds);
	if (route === PULL_ROUTE && status < 500) pullSeconds.observe({}, seconds);
}

export function recordPushResults(results: readonly { status: string }[]): void {
	for (const { status } of results) pushedMutations.inc({ status });
}

/**
 * The device's `X-Outbox-Size` header: a small whole number, or null for anything else (a value
 * no device sends is not worth a 400 on a sync call that is otherwise fine).
 */
export function readOutboxSize(header: string | null): number | null {
	if (header === null || !/^\d{1,6}$/.test(header.trim())) return null;
	return Number(header.trim());
}

export function recordOutboxSize(size: number): void {
	outboxSizes.observe({}, size);
}

export const isSyncRoute = (route: string): boolean => route === PUSH_ROUTE || route === PULL_ROUTE;

/**
 * The exposition text. postgres-js does not tell how many of its connections are in use, so the
 * pool is reported by its ceiling (`DATABASE_POOL_MAX`); PGlite is one connection in the process.
 */
export function scrape(pool: { engine: Engine; max: number }): string {
	const memory = process.memoryUsage();
	return exposition([
		requests.render(),
		requestSeconds.render(),
		pushSeconds.render(),
		pullSeconds.render(),
		pushedMutations.render(),
		outboxSizes.render(),
		renderGauge({
			name: 'db_pool_max_connections',
			help: 'Connections the server may hold open to its database.',
			values: [{ labels: { engine: pool.engine }, value: pool.engine === 'pglite' ? 1 : pool.max }]
		}),
		renderGauge({
			name: 'process_resident_memory_bytes',
			help: 'Resident memory size in bytes.',
			values: [{ value: memory.rss }]
		}),
		renderGauge({
			name: 'process_heap_used_bytes',
			help: 'JavaScript heap in use, in bytes.',
			values: [{ value: memory.heapUsed }]
		}),
		renderGauge({
			name: 'process_start_time_seconds',
			help: 'When the process started, in seconds since the Unix epoch.',
			values: [{ value: Math.round((Date.now() - process.uptime() * 1000) / 1000) }]
		}),
		renderGauge({
			name: 'process_uptime_seconds',
			help: 'Seconds since the process started.',
			values: [{ value: Math.round(process.uptime()) }]
		})
	]);
}
