/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * The offline shell (docs/ARCHITECTURE.md, "Offline shell and maps"). Precaches this build and
 * static/, keeps visited pages and viewed map tiles, and never touches /api/ or keeps a page with
 * person-level data (personLevelRoutes.ts). A new version waits until the page asks it to take
 * over (UpdatePrompt), so an open form is never reloaded under the user; the very first install
 * takes control at once so the first visit already works offline.
 */
import { build, files, prerendered, version } from '$service-worker';
import { cacheNames, isOutdated, PAGE_CACHE_PREFIX } from '$lib/client/sw/cacheNames.ts';
import { routeFor } from '$lib/client/sw/routing.ts';
import { parseMessage } from '$lib/client/sw/messages.ts';
import { carryOverPages, createStrategies, forgetPersonLevelCopies } from '$lib/client/sw/strategies.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const names = cacheNames(version);
const precached = new Set([...build, ...files, ...prerendered]);
const strategies = createStrategies(names);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const shell = await caches.open(names.shell);
			await shell.addAll([...precached]);
			await carryOverPages(names, await pagesToCarryOver());
			// Already here, not only on activate: the version still in control (which may have kept
			// person-level pages) goes on serving until the user accepts the update.
			await forgetPersonLevelCopies(await pageCaches());
		})()
	);
});

async function pageCaches(): Promise<string[]> {
	return (await caches.keys()).filter((name) => name.startsWith(PAGE_CACHE_PREFIX));
}

async function pagesToCarryOver(): Promise<string[]> {
	const urls: string[] = [];
	for (const name of await caches.keys()) {
		if (!name.startsWith(PAGE_CACHE_PREFIX) || name === names.pages) continue;
		const cache = await caches.open(name);
		urls.push(...(await cache.keys()).map((request) => request.url));
	}
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	for (const client of windows) {
		if (new URL(client.url).origin === sw.location.origin) urls.push(client.url);
	}
	return urls;
}

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			const outdated = (await caches.keys()).filter((name) => isOutdated(name, names));
			await Promise.all(outdated.map((name) => caches.delete(name)));
			await forgetPersonLevelCopies(await pageCaches());
			// Lets the network request of a page start while the worker boots (page strategy).
			await sw.registration.navigationPreload?.enable();
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const message = parseMessage(event.data);
	if (message?.type === 'SKIP_WAITING') {
		void sw.skipWaiting();
	} else if (message?.type === 'REMEMBER_PAGE') {
		const url = new URL(message.url, sw.location.origin);
		const facts = { method: 'GET', mode: 'navigate', destination: 'document', url } as const;
		// A page that waits for the answer (sign-in, before the app says it works offline) gets one.
		const reply = (stored: boolean) => event.ports[0]?.postMessage({ stored });
		if (routeFor(facts, sw.location.origin, precached) !== 'page') return reply(false);
		event.waitUntil(
			strategies.rememberPage(url).then(
				() => reply(true),
				() => reply(false)
			)
		);
	}
});

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	const url = new URL(request.url);
	const route = routeFor(
		{ method: request.method, mode: request.mode, destination: request.destination, url },
		sw.location.origin,
		precached
	);
	if (route === 'network') return;

	const waitUntil = (work: Promise<unknown>) => event.waitUntil(work);
	switch (route) {
		case 'page':
			event.respondWith(strategies.page(request, event.preloadResponse as Promise<Response | undefined>, waitUntil));
			break;
		case 'personal':
			event.respondWith(strategies.personal(request, event.preloadResponse as Promise<Response | undefined>));
			break;
		case 'asset':
			event.respondWith(strategies.asset(request));
			break;
		case 'tile':
			event.respondWith(strategies.tile(request, waitUntil));
			break;
		case 'pageData':
			event.respondWith(strategies.pageData(request, waitUntil));
			break;
	}
});
