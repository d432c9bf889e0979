/**
 * Which strategy answers a request. Pure, so the rules can be read (and tested) apart from the
 * worker: the API is never cached (sync has its own outbox and idempotency, and a stale answer
 * there would be wrong, not just old), and neither is a page with person-level data.
 */
import { isPersonLevelPath } from '../../domain/personLevelRoutes.ts';

export type Route =
	/** Left to the browser: not intercepted at all. */
	| 'network'
	/** A page load: network first, the cached copy of the page when offline. */
	| 'page'
	/**
	 * A page load of a person-level page (personLevelRoutes.ts): network only, never stored and
	 * never answered from a cache; offline, the offline notice. Those records live on the device
	 * only in the sealed database, behind the PIN.
	 */
	| 'personal'
	/** Part of this build or of static/: cache first. */
	| 'asset'
	/** A map tile: cache first, bounded. */
	| 'tile'
	/** The data (`__data.json`) of a page rendered in the browser: network first, cached copy offline. */
	| 'pageData';

export type RequestFacts = {
	method: string;
	mode: RequestMode;
	destination: RequestDestination;
	url: URL;
};

/**
 * Pages rendered in the browser from the device's database (`ssr = false`): their HTML is the same
 * empty shell whatever the URL, and their only server data is the root layout's (the signed-in
 * user), the same for all of them. So offline, an inspection created on the device opens from the
 * shell of any of them, though its own URL was never fetched.
 */
const CLIENT_RENDERED = [/^\/today$/, /^\/sync$/, /^\/visit\/[^/]+$/];
const DATA_SUFFIX = '/__data.json';

export function isClientRendered(pathname: string): boolean {
	return CLIENT_RENDERED.some((pattern) => pattern.test(pathname));
}

/** The page a `__data.json` request loads data for, or null for any other request. */
export function dataOfPage(pathname: string): string | null {
	return pathname.endsWith(DATA_SUFFIX) ? pathname.slice(0, -DATA_SUFFIX.length) || '/' : null;
}

// z/x/y tiles, optionally retina (@2x), as every common tile server names them.
const TILE_PATH = /\/\d{1,2}\/\d+\/\d+(@\dx)?\.(png|jpe?g|webp)$/i;

export function routeFor(request: RequestFacts, origin: string, precached: ReadonlySet<string>): Route {
	if (request.method !== 'GET') return 'network';
	const { url } = request;
	const sameOrigin = url.origin === origin;
	if (sameOrigin && (url.pathname === '/api' || url.pathname.startsWith('/api/'))) return 'network';
	if (sameOrigin && isPersonLevelPath(url.pathname)) return request.mode === 'navigate' ? 'personal' : 'network';
	const dataPage = sameOrigin ? dataOfPage(url.pathname) : null;
	if (dataPage !== null) return isClientRendered(dataPage) ? 'pageData' : 'network';
	if (request.mode === 'navigate') return sameOrigin ? 'page' : 'network';
	if (sameOrigin && precached.has(url.pathname)) return 'asset';
	if (request.destination === 'image' && TILE_PATH.test(url.pathname)) return 'tile';
	return 'network';
}
