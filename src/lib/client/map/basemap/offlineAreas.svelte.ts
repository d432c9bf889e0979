/**
 * The offline map areas of this device, and the one queue that downloads them. Team areas follow
 * the target lists on the device (domain/geo/offlineAreas.ts): made when an assignment arrives,
 * fetched on their own unless the browser says the connection is metered, and removed when the
 * operation leaves the device. The user (or a planner at a desk) may add the whole country or the
 * area in view, after seeing its size. A download cut by a lost connection resumes when the
 * browser is back online; a new archive on the server (a new ETag) replaces every area, the old
 * copy kept until the new one is complete so the map is never left without one.
 */
import {
	COUNTRY_MAX_ZOOM,
	mayDownloadUnasked,
	teamAreaChanges,
	teamAreaRequests,
	type TeamTarget
} from '$lib/domain/geo/offlineAreas.ts';
import type { LngLatBox } from '$lib/domain/geo/tiles.ts';
import type { BasemapSettings } from './deviceSource.ts';
// The archive reader and the download code load with the first download, not with every page.
import type { AreaRequest } from './download.ts';
import { AreaStore, forgetOfflineAreas, isComplete, type AreaRecord } from './store.ts';

export type ActiveDownload = { id: string; kind: AreaRecord['kind']; storedBytes: number; bytes: number };
export type StorageFacts = { usage: number; quota: number; persisted: boolean };

let settings = $state<BasemapSettings | null>(null);
let areas = $state<AreaRecord[]>([]);
let active = $state<ActiveDownload | null>(null);
let waiting = $state<'offline' | 'metered' | null>(null);
let failed = $state(false);
let storage = $state<StorageFacts | null>(null);

let store: AreaStore | null = null;
let queue: AreaRequest[] = [];
let running = false;
let listening = false;

export const offlineMap = {
	get enabled() {
		return settings !== null && store !== null;
	},
	get areas() {
		return areas;
	},
	get active() {
		return active;
	},
	/** Why nothing downloads although an area is incomplete. */
	get waiting() {
		return waiting;
	},
	get failed() {
		return failed;
	},
	get storage() {
		return storage;
	}
};

/**
 * Sign-out and the device wipe: every area goes, and so does what this page remembers of them, so
 * the next user of the phone starts from nothing (a sign-out does not reload the page).
 */
export async function forgetOfflineMap(): Promise<void> {
	queue = [];
	areas = [];
	active = null;
	waiting = null;
	failed = false;
	store = null;
	settings = null;
	await forgetOfflineAreas();
}

/** The deployment's vector basemap, or null (the maps then use the raster TILE_URL). */
export function basemapSettings(): BasemapSettings | null {
	return settings;
}

/** Set once per page load by the root layout, from the server's answer (AppShell.basemap). */
export function useBasemap(next: BasemapSettings | null): void {
	if (next?.url === settings?.url && next?.etag === settings?.etag) return;
	settings = next;
	if (!next || !AreaStore.available()) return;
	store ??= new AreaStore();
	if (!listening && typeof window !== 'undefined') {
		listening = true;
		window.addEventListener('online', () => void resume());
	}
	void refresh().then(() => resume());
}

async function refresh(): Promise<void> {
	if (!store) return;
	areas = [...(await store.areas())];
	const estimate = await navigator.storage?.estimate?.().catch(() => null);
	const persisted = (await navigator.storage?.persisted?.().catch(() => false)) ?? false;
	storage = estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted } : null;
}

function connection() {
	return (navigator as Navigator & { connection?: { saveData?: boolean; type?: string; effectiveType?: string } })
		.connection;
}

/**
 * The team areas the device's target lists call for: new ones queued, widened ones replaced,
 * those of operations no longer on the device removed.
 */
export async function keepTeamAreas(targets: readonly TeamTarget[]): Promise<void> {
	if (!store || !settings) return;
	const changes = teamAreaChanges(await store.areas(), teamAreaRequests(targets), settings.etag);
	for (const gone of changes.remove) await store.remove(gone.id, gone.etag);
	for (const request of changes.fetch) enqueue({ ...request, kind: 'team' });
	await refresh();
	await resume();
}

/** The size of an area before it is downloaded (reads only the archive's directories). */
export async function sizeOf(box: LngLatBox | null): Promise<number> {
	if (!settings) return 0;
	const { planArea } = await import('./download.ts');
	const plan = await planArea(settings, { id: 'size', kind: 'view', box, maxZoom: COUNTRY_MAX_ZOOM });
	return plan.bytes;
}

/** The user's own choice: downloads even on a metered connection. */
export async function downloadArea(box: LngLatBox | null): Promise<void> {
	if (!store) return;
	void requestPersistence();
	enqueue({
		id: box ? `view:${Date.now()}` : 'country',
		kind: box ? 'view' : 'country',
		box,
		maxZoom: COUNTRY_MAX_ZOOM
	});
	await resume({ asked: true });
}

/** "Save now" on a metered connection: the user accepts the cost of what waits. */
export async function downloadWaitingNow(): Promise<void> {
	await resume({ asked: true });
}

export async function removeArea(id: string): Promise<void> {
	if (!store) return;
	queue = queue.filter((request) => request.id !== id);
	for (const area of await store.areas()) if (area.id === id) await store.remove(area.id, area.etag);
	await refresh();
}

/** Asks the browser not to evict the areas under storage pressure (granted to installed apps). */
export async function requestPersistence(): Promise<void> {
	await navigator.storage?.persist?.().catch(() => false);
	await refresh();
}

function enqueue(request: AreaRequest): void {
	queue = [...queue.filter((queued) => queued.id !== request.id), request];
}

/** Areas to finish: queued ones, stored ones cut short, and ones of an older archive. */
async function pending(): Promise<AreaRequest[]> {
	const stored = await store!.areas();
	const outdated = stored
		.filter((area) => area.etag !== settings!.etag)
		.filter((area) => !stored.some((other) => other.id === area.id && other.etag === settings!.etag))
		.map((area) => ({
			id: area.id,
			kind: area.kind,
			operationId: area.operationId,
			date: area.date,
			box: area.kind === 'country' ? null : area.box,
			maxZoom: area.maxZoom
		}));
	return [...queue, ...outdated.filter((request) => !queue.some((queued) => queued.id === request.id))];
}

/**
 * Asked while a round runs (a user's "Download" as the start-up round ends, a sync's new area):
 * that round may already have looked at the queue, so another round follows it.
 */
let again: { asked?: boolean } | null = null;

async function resume(options: { asked?: boolean } = {}): Promise<void> {
	if (running) {
		again = { asked: Boolean(again?.asked || options.asked) };
		return;
	}
	if (!store || !settings) return;
	running = true;
	failed = false;
	try {
		for (;;) {
			const unfinished = (await store.areas()).find((area) => area.etag === settings!.etag && !isComplete(area));
			const next = unfinished ? null : ((await pending())[0] ?? null);
			if (!unfinished && !next) break;
			if (!navigator.onLine) {
				waiting = 'offline';
				break;
			}
			if (!options.asked && !mayDownloadUnasked(connection())) {
				waiting = 'metered';
				break;
			}
			waiting = null;
			await downloadOne(unfinished, next);
		}
	} catch (error) {
		console.warn('offline map download stopped', error instanceof Error ? error.message : error);
		failed = navigator.onLine;
		if (!navigator.onLine) waiting = 'offline';
	} finally {
		running = false;
		active = null;
		await refresh();
		const next = again;
		again = null;
		if (next) void resume(next);
	}
}

async function downloadOne(unfinished: AreaRecord | undefined, next: AreaRequest | null): Promise<void> {
	const current = settings!;
	const { continueDownload, planArea } = await import('./download.ts');
	let area = unfinished;
	if (!area) {
		area = await planArea(current, next!);
		await store!.save(area);
		queue = queue.filter((queued) => queued.id !== next!.id);
	}
	active = { id: area.id, kind: area.kind, storedBytes: area.storedBytes, bytes: area.bytes };
	await refresh();
	const done = await continueDownload(current, store!, area, (progress) => {
		active = { id: area.id, kind: area.kind, ...progress };
	});
	// The copy of an older archive goes once the new one is whole.
	for (const old of await store!.areas())
		if (old.id === done.id && old.etag !== done.etag) await store!.remove(old.id, old.etag);
}
