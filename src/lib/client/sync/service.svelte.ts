/**
 * The one place the browser app runs sync: it opens the device's database for the signed-in
 * inspector, runs the engine through the scheduler (on start, on `online`, every minute while the
 * page is visible, shortly after each local write) and exposes the outcome as rune state for the
 * shell and the sync screen.
 *
 * Only inspectors sync a device database. Planners and supervisors work online on server-rendered
 * pages that read the server's database directly; keeping a local copy of everything they may see
 * would put the whole register on a laptop for nothing, and the server refuses their pushes anyway.
 */
import type { SessionUser } from '../../domain/auth.ts';
import { syncEntities } from '../../domain/sync/entities.ts';
import { DATABASE_NAME, LocalDb } from '../db.ts';
import { deviceId } from '../deviceId.ts';
import { fromLiveQuery, type LiveValue } from '../liveQuery.svelte.ts';
import { SyncEngine } from './engine.ts';
import { onLocalChange, outboxCounts, WRITE_SEQ_KEY } from './outbox.ts';
import { SyncScheduler, type SchedulerState, type SyncPhase } from './scheduler.ts';
import { SyncTransport } from './transport.ts';
import { currentDataKey } from '../lock/dataKey.ts';
import { stopLock } from '../lock/lock.svelte.ts';

/** Whose pulled data the database holds: pulls are scoped per user, so another user starts over. */
const PULLED_FOR_KEY = 'pulledFor';

type Counts = { pending: number; rejected: number; otherUsers: number; conflicts: number };

type Session = {
	user: SessionUser;
	db: LocalDb;
	scheduler: SyncScheduler;
	counts: LiveValue<Counts>;
	dispose: () => void;
};

let session = $state.raw<Session | null>(null);
/** How the last finished round ended; a round in progress does not replace it on screen. */
let outcome = $state.raw<{ phase: SyncPhase; error: string | null } | null>(null);
let syncing = $state(false);
let lastSyncedAt = $state<string | null>(null);
let persistenceRequested = false;

export type SyncStatus = {
	/** Device sync runs (an inspector is signed in); nothing else here means anything otherwise. */
	readonly active: boolean;
	/** The outcome of the last finished round; `syncing` only before the first one ends. */
	readonly phase: SyncPhase;
	/** A round is in progress right now. */
	readonly syncing: boolean;
	readonly pending: number;
	readonly rejected: number;
	readonly conflicts: number;
	/** Unsent changes made by someone else on this device: kept for them, never sent as this user. */
	readonly otherUsers: number;
	readonly error: string | null;
	readonly lastSyncedAt: string | null;
};

export const syncStatus: SyncStatus = {
	get active() {
		return session !== null;
	},
	get phase() {
		return outcome?.phase ?? 'syncing';
	},
	get syncing() {
		return syncing;
	},
	get pending() {
		return session?.counts.value.pending ?? 0;
	},
	get rejected() {
		return session?.counts.value.rejected ?? 0;
	},
	get conflicts() {
		return session?.counts.value.conflicts ?? 0;
	},
	get otherUsers() {
		return session?.counts.value.otherUsers ?? 0;
	},
	get error() {
		return outcome?.error ?? null;
	},
	get lastSyncedAt() {
		return lastSyncedAt;
	}
};

/** The open database and its user, for the sync screen; reactive, null while sync is not running. */
export function deviceSync(): { db: LocalDb; userId: string } | null {
	return session ? { db: session.db, userId: session.user.id } : null;
}

/** Why a round did not run while the app was locked: not a failure, and never shown as one. */
const LOCKED = 'locked';

export function startDeviceSync(user: SessionUser | null): void {
	if (typeof window === 'undefined') return;
	if (session?.user.id === user?.id) return;
	stopDeviceSync();
	if (!user || user.role !== 'inspector') return;

	const db = new LocalDb(DATABASE_NAME);
	const engine = new SyncEngine(
		db,
		new SyncTransport((input, init) => fetch(input, init)),
		deviceId() ?? crypto.randomUUID(),
		user.id
	);
	const bound = bindToUser(db, user.id);
	const scheduler = new SyncScheduler({
		runRound: async () => {
			await bound;
			// Person-level records arrive and leave sealed: without the PIN's key nothing can be stored
			// or sent. The shell shows the lock; unlocking starts a round at once.
			if (!currentDataKey()) throw new Error(LOCKED);
			return engine.run();
		},
		onState: showState,
		setTimer: setVisibleTimer,
		clearTimer: (timer) => clearVisibleTimer(timer as VisibleTimer)
	});

	let counts: LiveValue<Counts> | undefined;
	const disposeEffects = $effect.root(() => {
		counts = fromLiveQuery<Counts>(
			async () => ({ ...(await outboxCounts(db, user.id)), conflicts: await db.conflicts.count() }),
			{ pending: 0, rejected: 0, otherUsers: 0, conflicts: 0 }
		);
	});
	const onOnline = () => void scheduler.syncNow();
	window.addEventListener('online', onOnline);
	// Every committed local write: the scheduler sends it shortly, together with any burst of edits.
	const stopListening = onLocalChange((changed) => {
		if (changed === db) scheduler.requestSoon();
	});

	session = {
		user,
		db,
		scheduler,
		counts: counts!,
		dispose: () => {
			window.removeEventListener('online', onOnline);
			stopListening();
			scheduler.stop();
			disposeEffects();
		}
	};
	requestPersistentStorage();
	void scheduler.syncNow();
}

export function stopDeviceSync(): void {
	if (!session) return;
	session.dispose();
	session.db.close();
	session = null;
	outcome = null;
	syncing = false;
	lastSyncedAt = null;
}

/** Runs a round now (the "Sync now" button, sign-out); settles when it ends, whatever its outcome. */
export async function syncNow(): Promise<void> {
	await session?.scheduler.syncNow();
}

/** A server that takes the full request timeout must not hold the user at the sign-out button. */
const SIGN_OUT_SYNC_WAIT_MS = 20_000;

/**
 * Before signing out: one last round (bounded in time), then how much the server still lacks.
 * A round still running when the wait ends is counted as unsent: the warning errs on the safe side.
 */
export async function sendBeforeSignOut(): Promise<number> {
	let waited: ReturnType<typeof setTimeout> | undefined;
	await Promise.race([
		syncNow(),
		new Promise<void>((resolve) => (waited = setTimeout(resolve, SIGN_OUT_SYNC_WAIT_MS)))
	]);
	clearTimeout(waited);
	return unsentOnDevice();
}

/**
 * Everything on this device that the server does not have: this user's waiting and refused
 * changes, another user's kept changes and photos not yet uploaded. Deleting the database loses
 * exactly these, so the sign-out warning counts them all.
 */
export async function unsentOnDevice(): Promise<number> {
	if (!session) return 0;
	const { db, user } = session;
	const counts = await outboxCounts(db, user.id);
	const photos = await db.photos.filter((photo) => photo.uploadedAt === null).count();
	return counts.pending + counts.rejected + counts.otherUsers + photos;
}

/** Stops sync and deletes the device database. Only after sign-out, and after the counted warning. */
export async function deleteDeviceData(): Promise<void> {
	if (!session) return;
	const { db } = session;
	stopDeviceSync();
	await db.delete();
}

function showState(state: SchedulerState): void {
	syncing = state.phase === 'syncing';
	// While locked the shell says what waits for the PIN; once unlocked, until the round that
	// unlocking starts, sync is about to start (no outcome yet), not "Sync error: locked".
	if (!syncing)
		outcome = state.phase === 'error' && state.error === LOCKED ? null : { phase: state.phase, error: state.error };
	lastSyncedAt = state.lastSyncedAt;
	if (state.phase === 'wiped') void wipeRevokedDevice();
}

/**
 * The server said this device was reported lost or stolen: its local copy (including unsent work
 * and person-level records) must not stay on it. Unlike a sign-out there is no one to warn — the
 * holder of the phone is presumed not to be its owner.
 */
async function wipeRevokedDevice(): Promise<void> {
	await deleteDeviceData();
	stopLock({ forget: true, everyone: true });
	const { forgetCachedPages } = await import('../pwa.ts');
	await forgetCachedPages();
	const { forgetOfflineMap } = await import('../map/basemap/offlineAreas.svelte.ts');
	await forgetOfflineMap();
	window.location.assign('/login?wiped=1');
}

/**
 * A database last synced for someone else (their session expired and another user signed in on
 * this device) holds that user's pulled records and a cursor into their scope. Both go: the new
 * user pulls their own scope from the start. Records with unsent changes stay for their author,
 * and so do photos not yet uploaded. Conflict entries go too: the server keeps every conflict
 * copy, and leaving them would let the new user resolve someone else's record in their own name.
 */
async function bindToUser(db: LocalDb, userId: string): Promise<void> {
	await db.transaction('rw', deviceTables(db), async () => {
		const pulledFor = (await db.syncState.get(PULLED_FOR_KEY))?.value;
		if (pulledFor === userId) return;
		if (pulledFor !== undefined) await dropAllButUnsent(db);
		await db.syncState.put({ key: PULLED_FOR_KEY, value: userId });
	});
}

function deviceTables(db: LocalDb) {
	return [...syncEntities.map((entity) => db.records(entity)), db.outbox, db.conflicts, db.syncState, db.photos];
}

/**
 * Everything but what the server does not have yet: records with an outbox entry (waiting or
 * refused, anyone's) and photos not uploaded. The pull cursor goes with the pulled records; the
 * device's write counter stays, as the submission lock's order must never go back.
 */
async function dropAllButUnsent(db: LocalDb): Promise<void> {
	const unsent = new Set((await db.outbox.toArray()).map((entry) => `${entry.entity}:${entry.recordId}`));
	for (const entity of syncEntities) {
		await db
			.records(entity)
			.filter((record) => !unsent.has(`${entity}:${record.id}`))
			.delete();
	}
	await db.photos.filter((photo) => photo.uploadedAt !== null).delete();
	await db.conflicts.clear();
	await db.syncState.filter((entry) => entry.key !== WRITE_SEQ_KEY).delete();
}

/**
 * Signing out with changes the server lacks: they stay (sealed, for their author, sent when they
 * sign in here again); everything else of this user's goes — the venues, plans and records pulled
 * for them — and sync stops.
 */
export async function keepOnlyUnsentDeviceData(): Promise<void> {
	if (!session) return;
	const { db, scheduler } = session;
	// No round may start (and pull records back) while they go.
	scheduler.stop();
	await db.transaction('rw', deviceTables(db), () => dropAllButUnsent(db));
	stopDeviceSync();
}

/** Asked once per page: without it the browser may evict field data when storage runs low. */
function requestPersistentStorage(): void {
	if (persistenceRequested || !navigator.storage?.persist) return;
	persistenceRequested = true;
	navigator.storage
		.persisted()
		.then((persisted) => (persisted ? true : navigator.storage.persist()))
		.catch((error: unknown) => console.warn('persistent storage request failed', error));
}

/**
 * The scheduler's timers, held back while the page is hidden: a phone in a pocket should not
 * wake the radio every minute. A timer that falls due while hidden fires when the page is shown.
 */
type VisibleTimer = { timeout: ReturnType<typeof setTimeout>; onVisible: (() => void) | null };

function setVisibleTimer(fire: () => void, ms: number): VisibleTimer {
	const timer: VisibleTimer = { timeout: setTimeout(due, ms), onVisible: null };
	function due() {
		if (document.visibilityState === 'visible') return fire();
		timer.onVisible = () => {
			if (document.visibilityState !== 'visible') return;
			clearVisibleTimer(timer);
			fire();
		};
		document.addEventListener('visibilitychange', timer.onVisible);
	}
	return timer;
}

function clearVisibleTimer(timer: VisibleTimer): void {
	clearTimeout(timer.timeout);
	if (timer.onVisible) document.removeEventListener('visibilitychange', timer.onVisible);
	timer.onVisible = null;
}
