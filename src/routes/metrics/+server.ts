import { readConfig } from '$lib/server/config.ts';
import { database } from '$lib/server/db/index.ts';
import { bearerMatches } from '$lib/server/metrics/token.ts';
import { scrape } from '$lib/server/metrics/index.ts';
import type { RequestHandler } from './$types';

/** Prometheus' scrape: only with METRICS_TOKEN set (else 404), and only for that bearer token. */
export const GET: RequestHandler = async ({ request }) => {
	const config = readConfig();
	if (config.metricsToken === null) return new Response('Not found\n', { status: 404 });
	if (!bearerMatches(request.headers.get('authorization'), config.metricsToken))
		return new Response('unauthorized\n', {
			status: 401,
			headers: { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain; charset=utf-8' }
		});
	const { engine } = await database();
	return new Response(scrape({ engine, max: config.databasePoolMax }), {
		headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' }
	});
};
