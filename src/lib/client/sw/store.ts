/** Cache Storage helpers for the service worker: what may be stored, and keeping caches bounded. */
import { isPersonLevelPath } from '../../domain/personLevelRoutes.ts';

/** The answer forbids keeping a copy: the server marks every person-level answer so. */
export function saysNoStore(response: Response): boolean {
	return /(^|[\s,])no-store($|[\s,;])/i.test(response.headers.get('cache-control') ?? '');
}

/**
 * Whether an address may be kept at all, whatever its answer says: never a person-level page or
 * its data (personLevelRoutes.ts), even from a server that forgot to say no-store.
 */
export function mayKeep(url: string | URL): boolean {
	return !isPersonLevelPath(new URL(url).pathname);
}

/** Same-origin, complete HTML that did not come from a redirect (e.g. to /login) or say no-store. */
export function isStorablePage(response: Response): boolean {
	return (
		response.ok &&
		response.type === 'basic' &&
		!response.redirected &&
		(response.headers.get('content-type') ?? '').includes('text/html') &&
		!saysNoStore(response)
	);
}

/**
 * A page's data answer (`__data.json`), complete and same-origin. SvelteKit sends it as JSON, or
 * as `text/sveltekit-data` when it streams; a redirect (to /login) or an error comes as JSON too,
 * so the body says which it is (`carriesPageData`).
 *
 * The one exception to "no-store is never stored": Kit marks every data answer `private,
 * no-store` for HTTP caches, and the worker asks for data only of the browser-rendered pages
 * (routing.ts `pageData`), whose data is who is signed in, never person-level (their records come
 * from the sealed database). Without it no such page could start offline. The copy lives in the
 * app's own page cache, which sign-out deletes; `mayKeep` still refuses person-level addresses.
 */
export function isStorablePageData(response: Response): boolean {
	const type = response.headers.get('content-type') ?? '';
	return (
		response.ok &&
		response.type === 'basic' &&
		!response.redirected &&
		(type.includes('application/json') || type.includes('text/sveltekit-data'))
	);
}

export function carriesPageData(body: string): boolean {
	return /^\{\s*"type"\s*:\s*"data"/.test(body);
}

/**
 * A tile we can read: requested with CORS, so its status is known. Opaque responses are refused:
 * they could be errors, and browsers pad their size in the storage quota.
 */
export function isStorableTile(response: Response): boolean {
	return response.ok && (response.type === 'cors' || response.type === 'basic') && !saysNoStore(response);
}

/** Cache keys have no fragment; the query string stays (it can select different content). */
export function pageKey(url: string | URL): string {
	const key = new URL(url);
	key.hash = '';
	return key.href;
}

/**
 * Deletes the oldest entries beyond `max`. Cache Storage lists keys in insertion order, so this
 * evicts first-in first-out; a re-fetched entry is re-inserted and so counts as new.
 */
export async function trimCache(cache: Cache, max: number): Promise<void> {
	const keys = await cache.keys();
	const excess = keys.length - max;
	if (excess <= 0) return;
	await Promise.all(keys.slice(0, excess).map((key) => cache.delete(key)));
}

/**
 * Puts into a cache that is trimmed every `every` writes rather than on each one: listing
 * thousands of keys per tile would cost more than the tile. Trims run one at a time.
 */
export function boundedCache(cacheName: string, max: number, every: number) {
	let writesSinceTrim = every;
	let trimming: Promise<void> = Promise.resolve();
	return async function put(key: RequestInfo, response: Response): Promise<void> {
		const cache = await caches.open(cacheName);
		await cache.put(key, response);
		writesSinceTrim += 1;
		if (writesSinceTrim < every) return;
		writesSinceTrim = 0;
		trimming = trimming.then(() => trimCache(cache, max)).catch(() => undefined);
		await trimming;
	};
}
