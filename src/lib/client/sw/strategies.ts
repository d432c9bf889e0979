/**
 * How each kind of request is answered (see routing.ts for which is which). Written against plain
 * Request/Response; the worker passes each request's `waitUntil` so background writes finish.
 */
import type { CacheNames } from './cacheNames.ts';
import {
	boundedCache,
	carriesPageData,
	isStorablePage,
	isStorablePageData,
	isStorableTile,
	mayKeep,
	pageKey,
	trimCache
} from './store.ts';
import { dataOfPage, isClientRendered } from './routing.ts';

export type WaitUntil = (work: Promise<unknown>) => void;

export const OFFLINE_FALLBACK = '/offline.html';
/** SvelteKit's query parameter naming which layout and page loads a data request reruns. */
const INVALIDATED = 'x-sveltekit-invalidated';
/** Pages kept for offline use: a day's operation visits a few dozen screens at most. */
const MAX_PAGES = 60;
/** Tiles kept as viewed: roughly a town at street level plus the country at low zooms. */
const MAX_TILES = 2000;
/**
 * How long a page load may wait for the network when a cached copy exists. On "lie-fi" (a signal
 * that carries nothing) the cached page shows instead of a spinner; the fresh one is still stored.
 */
const NETWORK_TIMEOUT_MS = 8000;

/** Created once per worker: the tile cache's write counter lives here. */
export function createStrategies(names: CacheNames) {
	const putTile = boundedCache(names.tiles, MAX_TILES, 25);

	async function storePage(url: string, response: Response): Promise<void> {
		// Every page write passes here: the deny list holds whatever the server's headers say.
		if (!mayKeep(url)) return;
		const pages = await caches.open(names.pages);
		await pages.put(pageKey(url), response);
		await trimCache(pages, MAX_PAGES);
	}

	async function storePageData(url: string, response: Response): Promise<void> {
		const body = await response.text();
		if (carriesPageData(body)) await storePage(url, new Response(body, { headers: response.headers }));
	}

	async function cachedPage(url: string): Promise<Response | undefined> {
		const pages = await caches.open(names.pages);
		return (await pages.match(pageKey(url))) ?? (await pages.match(pageKey(url), { ignoreSearch: true }));
	}

	/**
	 * Offline, for a browser-rendered page never fetched (an inspection created on the device): the
	 * shell of another browser-rendered page, or its data answer for the same invalidated nodes.
	 */
	async function clientShellCopy(url: string, isData: boolean): Promise<Response | undefined> {
		const wanted = new URL(url);
		const page = isData ? dataOfPage(wanted.pathname) : wanted.pathname;
		if (page === null || !isClientRendered(page)) return undefined;
		const pages = await caches.open(names.pages);
		for (const key of await pages.keys()) {
			const candidate = new URL(key.url);
			const candidatePage = isData ? dataOfPage(candidate.pathname) : candidate.pathname;
			if (candidatePage === null || !isClientRendered(candidatePage)) continue;
			if (isData && candidate.searchParams.get(INVALIDATED) !== wanted.searchParams.get(INVALIDATED)) continue;
			const response = await pages.match(key);
			if (response) return response;
		}
		return undefined;
	}

	async function offlineFallback(): Promise<Response> {
		const shell = await caches.open(names.shell);
		return (
			(await shell.match(OFFLINE_FALLBACK)) ??
			new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
		);
	}

	return {
		/** Network first; offline (or past the timeout) the cached copy of this page, else the fallback. */
		async page(request: Request, preloaded: Promise<Response | undefined>, waitUntil: WaitUntil): Promise<Response> {
			const fromNetwork = (async () => {
				const response = (await preloaded.catch(() => undefined)) ?? (await fetch(request));
				if (isStorablePage(response)) waitUntil(storePage(request.url, response.clone()));
				return response;
			})();
			waitUntil(fromNetwork.catch(() => undefined));
			const cached = await cachedPage(request.url);
			if (!cached) {
				return fromNetwork.catch(async () => (await clientShellCopy(request.url, false)) ?? offlineFallback());
			}
			// A server error (a proxy's 502 while the app restarts) is no better than being offline.
			const fresh = fromNetwork.then((response) => (response.status >= 500 ? cached : response));
			const timeout = new Promise<Response>((resolve) => setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS));
			return Promise.race([fresh, timeout]).catch(() => cached);
		},

		/** A person-level page: from the network only; offline, the notice, never a kept copy. */
		async personal(request: Request, preloaded: Promise<Response | undefined>): Promise<Response> {
			try {
				return (await preloaded.catch(() => undefined)) ?? (await fetch(request));
			} catch {
				return offlineFallback();
			}
		},

		/**
		 * Client-side navigation fetches only a page's data, so the page itself would never pass
		 * through `page`; the app reports each page it shows and its HTML is fetched once here.
		 */
		async rememberPage(pageUrl: URL): Promise<void> {
			if (await cachedPage(pageUrl.href)) return;
			const response = await fetch(pageUrl, { credentials: 'same-origin' });
			if (isStorablePage(response)) await storePage(pageUrl.href, response);
		},

		/**
		 * A browser-rendered page's data (the root layout's: who is signed in). Without it such a
		 * page could not start offline; it lives with the cached pages, so sign-out forgets it too.
		 */
		async pageData(request: Request, waitUntil: WaitUntil): Promise<Response> {
			try {
				const response = await fetch(request);
				if (isStorablePageData(response)) waitUntil(storePageData(request.url, response.clone()));
				return response;
			} catch (error) {
				const cached = (await cachedPage(request.url)) ?? (await clientShellCopy(request.url, true));
				if (cached) return cached;
				throw error;
			}
		},

		async asset(request: Request): Promise<Response> {
			const shell = await caches.open(names.shell);
			return (await shell.match(request, { ignoreSearch: true })) ?? fetch(request);
		},

		async tile(request: Request, waitUntil: WaitUntil): Promise<Response> {
			const tiles = await caches.open(names.tiles);
			const cached = await tiles.match(request);
			if (cached) return cached;
			try {
				const response = await fetch(request);
				if (isStorableTile(response)) waitUntil(putTile(request, response.clone()));
				return response;
			} catch {
				// Offline and not cached: the map shows the embedded outline where the tile would be.
				return Response.error();
			}
		}
	};
}

/**
 * Copies the pages an older version kept (and the open windows' pages) into this version's cache
 * while installing, which happens online. Without this, switching versions offline would leave
 * no page to open; with it, every page keeps working across the update.
 */
export async function carryOverPages(names: CacheNames, urls: Iterable<string>): Promise<void> {
	const pages = await caches.open(names.pages);
	const unique = [...new Set([...urls].map(pageKey))].filter(mayKeep).slice(0, MAX_PAGES);
	await Promise.all(
		unique.map(async (url) => {
			try {
				const response = await fetch(url, { credentials: 'same-origin' });
				if (isStorablePage(response)) await pages.put(url, response);
				else if (isStorablePageData(response) && isClientRendered(dataOfPage(new URL(url).pathname) ?? '')) {
					const body = await response.text();
					if (carriesPageData(body)) await pages.put(url, new Response(body, { headers: response.headers }));
				}
			} catch {
				// A page that cannot be fetched now is fetched again when it is next visited.
			}
		})
	);
}

/**
 * Deletes every kept copy of a person-level address (personLevelRoutes.ts) from the page caches
 * (the only ones holding the app's own addresses besides the build). Run when a version activates: a version before this rule kept `/inspections/<id>` and
 * the like in clear, and they must not outlive the update.
 */
export async function forgetPersonLevelCopies(cacheNamesInUse: readonly string[]): Promise<void> {
	await Promise.all(
		cacheNamesInUse.map(async (name) => {
			const cache = await caches.open(name);
			const keys = await cache.keys();
			await Promise.all(keys.filter((key) => !mayKeep(key.url)).map((key) => cache.delete(key)));
		})
	);
}
