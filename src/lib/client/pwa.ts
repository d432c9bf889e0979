/**
 * Registers the service worker with workbox-window and reports when a new version is waiting.
 * A waiting worker takes over only when the user says so (UpdatePrompt), because taking over
 * reloads the page: drafts are safe in Dexie, but the user chooses the moment.
 */
import { dev } from '$app/environment';
import { PAGE_CACHE_PREFIX } from './sw/cacheNames.ts';
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
 * Drops the pages the service worker kept for offline use. They hold the signed-in user's view
 * (name, role, page data), so signing out must call this before the next user signs in.
 */
export async function forgetCachedPages(): Promise<void> {
	if (typeof caches === 'undefined') return;
	const names = await caches.keys();
	await Promise.all(names.filter((name) => name.startsWith(PAGE_CACHE_PREFIX)).map((name) => caches.delete(name)));
}
