/**
 * Which strategy answers a request. Pure, so the rules can be read (and tested) apart from the
 * worker: the API is never cached (sync has its own outbox and idempotency, and a stale answer
 * there would be wrong, not just old).
 */
export type Route =
	/** Left to the browser: not intercepted at all. */
	| 'network'
	/** A page load: network first, the cached copy of the page when offline. */
	| 'page'
	/** Part of this build or of static/: cache first. */
	| 'asset'
	/** A map tile: cache first, bounded. */
	| 'tile';

export type RequestFacts = {
	method: string;
	mode: RequestMode;
	destination: RequestDestination;
	url: URL;
};

// z/x/y tiles, optionally retina (@2x), as every common tile server names them.
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(@\dx)?\.(png|jpe?g|webp)$/i;

export function routeFor(request: RequestFacts, origin: string, precached: ReadonlySet<string>): Route {
	if (request.method !== 'GET') return 'network';
	const { url } = request;
	const sameOrigin = url.origin === origin;
	if (sameOrigin && (url.pathname === '/api' || url.pathname.startsWith('/api/'))) return 'network';
	if (request.mode === 'navigate') return sameOrigin ? 'page' : 'network';
	if (sameOrigin && precached.has(url.pathname)) return 'asset';
	if (request.destination === 'image' && TILE_PATH.test(url.pathname)) return 'tile';
	return 'network';
}
