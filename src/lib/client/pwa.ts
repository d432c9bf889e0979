/**
 * Registers the service worker with workbox-window and reports when a new version is waiting.
 * A waiting worker takes over only when the user says so (UpdatePrompt), because taking over
 * reloads the page: drafts are safe in Dexie, but the user chooses the moment.
 */
import { dev } from '$app/environment';
import { PAGE_CACHE_PREFIX } from './sw/cacheNames.ts';
import { dataOfPage, isClientRendered } from './sw/routing.ts';
import type { WorkerMessage } from './sw/messages.ts';

export type UpdateHandlers = {
	/** A new version is installed and waiting; call `apply` to switch to it and reload. */
	onUpdateWaiting: (apply: () => void) => void;
};

/** Checking at most this often when the app comes back to the foreground. */
const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** Call from `onMount`: workbox-window must not load during server rendering. */
export async function registerServiceWorker(handlers: UpdateHandlers): Promise<void> {
	if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
	const { Workbox } = await import('workbox-window');
	// In development Vite serves the worker as an ES module; the build emits a classic script.
	const workbox = new Workbox('/service-worker.js', { type: dev ? 'module' : 'classic' });

	workbox.addEventListener('waiting', () => {
		handlers.onUpdateWaiting(() => {
			workbox.addEventListener('controlling', () => window.location.reload());
			workbox.messageSkipWaiting();
		});
	});

	await workbox.register();

	let lastCheck = Date.now();
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState !== 'visible' || Date.now() - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
		lastCheck = Date.now();
		workbox.update().catch(() => {
			// Offline: the next return to the foreground tries again.
		});
	});
}

/**
 * Asks the worker in control to keep this page for offline use. Pages reached by client-side
 * navigation never pass through the worker as page loads, so the app reports each one; before a
 * worker controls the page (first visit) the report waits for it.
 */
export function rememberPageForOffline(url: URL): void {
	if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return;
	const message: WorkerMessage = { type: 'REMEMBER_PAGE', url: url.href };
	const container = navigator.serviceWorker;
	if (container.controller) container.controller.postMessage(message);
	else container.addEventListener('controllerchange', () => container.controller?.postMessage(message), { once: true });
}

/**
 * Waits (at most `timeoutMs`) until a service worker controls this page: its install, which
 * precaches the app shell, is done, and what the page loads from now on passes through it.
 */
export function controlledByWorker(timeoutMs: number): Promise<boolean> {
	if (typeof window === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve(false);
	const container = navigator.serviceWorker;
	if (container.controller) return Promise.resolve(true);
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		container.addEventListener(
			'controllerchange',
			() => {
				clearTimeout(timer);
				resolve(true);
			},
			{ once: true }
		);
	});
}

/** Stores a page's HTML for offline use and answers once it is stored (false: not stored in time). */
export function storePageForOffline(path: string, timeoutMs: number): Promise<boolean> {
	const controller = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : null;
	if (!controller) return Promise.resolve(false);
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(false), timeoutMs);
		channel.port1.onmessage = (event: MessageEvent<{ stored?: boolean }>) => {
			clearTimeout(timer);
			resolve(event.data?.stored === true);
		};
		const message: WorkerMessage = { type: 'REMEMBER_PAGE', url: new URL(path, window.location.origin).href };
		controller.postMessage(message, [channel.port2]);
	});
}

/**
 * Whether the app can start from the cache alone: a worker controls the page, and it holds the
 * shell of a browser-rendered page (Today, Sync, a visit) and that page's data (who is signed in).
 * Only then does the app say it is ready for offline work.
 */
export async function readyOffline(): Promise<boolean> {
	if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller) return false;
	for (const name of await caches.keys()) {
		if (!name.startsWith(PAGE_CACHE_PREFIX)) continue;
		const paths = (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
		const shell = paths.some((path) => isClientRendered(path));
		const data = paths.some((path) => {
			const page = dataOfPage(path);
			return page !== null && isClientRendered(page);
		});
		if (shell && data) return true;
	}
	return false;
}

/**
 * Drops the pages the service worker kept for offline use. They hold the signed-in user's view
 * (name, role, page data), so signing out must call this before the next user signs in.
 */
export async function forgetCachedPages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter((name) => name.startsWith(PAGE_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
