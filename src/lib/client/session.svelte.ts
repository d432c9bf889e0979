/**
 * Signing in and out on this device, and emptying it. The screens ask and show; what is sent, what
 * stays on the device and what goes is decided here.
 *
 * The login page loads this module: the device database (Dexie) and the sync service are loaded
 * only by the steps that need them, so the page stays light.
 */
import { sessionUserSchema, type SessionUser } from '../domain/auth.ts';
import { auth, call, type Problem } from './api.ts';
import { deviceId, forgetDeviceId, storedDeviceId } from './deviceId.ts';
import { stopLock } from './lock/lock.svelte.ts';
import { forgetCachedPages } from './pwa.ts';
import { forgetOfflineMap } from './map/basemap/offlineAreas.svelte.ts';

/**
 * Why a sign-in did not go through. `revoked`: the device was reported lost or stolen; `wiped`: so
 * it was, and it has been emptied. `field`: the server named the field to fix.
 */
export type SignInRefusal =
	| { reason: 'network' | 'invalid' | 'revoked' | 'wiped' | 'deviceTaken' | 'server' }
	| { reason: 'throttled'; retryAfter: unknown }
	| { reason: 'field'; field: string | undefined };

export type SignInResult<T> = { ok: true; value: T } | { ok: false; refusal: SignInRefusal };

type SignInProblem = Problem<{ retryAfter: unknown; wipe: boolean }>;

/** The device id is another user's (server/auth/devices.ts). */
const isDeviceTaken = (problem: SignInProblem) => problem.status === 409 && problem.field === 'deviceId';

function refusalOf(problem: SignInProblem): SignInRefusal {
	if (problem.status === 0) return { reason: 'network' };
	if (problem.status === 401) return { reason: problem.details?.wipe === true ? 'revoked' : 'invalid' };
	if (problem.status === 429) return { reason: 'throttled', retryAfter: problem.details?.retryAfter };
	if (isDeviceTaken(problem)) return { reason: 'deviceTaken' };
	if (problem.status === 400) return { reason: 'field', field: problem.field };
	return { reason: 'server' };
}

/**
 * The sign-in page's sign-in. A phone still registered to another user (left signed in) is emptied
 * when nothing of theirs is unsent, and the sign-in is asked again as a new device; a device
 * reported lost or stolen is emptied, whoever is holding it.
 */
export async function signIn(username: string, password: string): Promise<SignInResult<SessionUser>> {
	// The device id is read at each try: emptying the phone drops it, and the next try makes a new one.
	const send = () => call(auth.signIn, { username, password, deviceId: deviceId() });
	let result = await send();
	if (!result.ok && isDeviceTaken(result.problem) && (await emptyIfNothingUnsent().catch(() => false)))
		result = await send();
	if (result.ok) {
		const user = sessionUserSchema.safeParse(result.value?.user);
		return user.success ? { ok: true, value: user.data } : { ok: false, refusal: { reason: 'server' } };
	}
	const refusal = refusalOf(result.problem);
	if (refusal.reason !== 'revoked') return { ok: false, refusal };
	await wipeDevice();
	return { ok: false, refusal: { reason: 'wiped' } };
}

/**
 * The lock screen's sign-in, after too many wrong PINs: the same user again, on the device id this
 * device already has. Nothing on the device changes here; a new PIN is chosen next.
 */
export async function signInAgain(username: string, password: string): Promise<SignInResult<void>> {
	const result = await call(auth.signIn, { username, password, deviceId: storedDeviceId() });
	return result.ok ? { ok: true, value: undefined } : { ok: false, refusal: refusalOf(result.problem) };
}

/** `stayed`: the user chose to stay and send their work first. */
export type SignOutOutcome = 'signedOut' | 'stayed' | 'failed';

/**
 * An inspector's work lives on this device until the server has it: send it first. What still has
 * not reached the server is never deleted by signing out: after the counted warning
 * (`confirmKeeping`, true to sign out keeping it) it stays sealed on the phone for its author (with
 * their PIN's wrapped key), and everything else of theirs goes. With nothing unsent, the local
 * database, the cached pages and the device id go whole once the session has ended.
 */
export async function signOut(confirmKeeping: (unsent: number) => Promise<boolean>): Promise<SignOutOutcome> {
	const sync = await import('./sync/service.svelte.ts');
	const deviceData = sync.syncStatus.active;
	const unsent = deviceData ? await sync.sendBeforeSignOut() : 0;
	if (unsent > 0 && !(await confirmKeeping(unsent))) return 'stayed';
	if (!(await call(auth.signOut, undefined)).ok) return 'failed';
	if (unsent > 0) await sync.keepOnlyUnsentDeviceData();
	else if (deviceData) await sync.deleteDeviceData();
	// The device id stays only with the work it still holds for this user (server/auth/devices.ts).
	if (unsent === 0) forgetDeviceId();
	stopLock({ forget: unsent === 0 });
	await forgetCachedPages();
	// A team's map area shows where its targets are: it leaves with the session.
	await forgetOfflineMap();
	return 'signedOut';
}

/**
 * Empties this device: the local database (with anyone's unsent work and person-level records),
 * every user's PIN lock material, the cached pages and the device id. For a device reported lost
 * or stolen, and for a phone handed over with nothing unsent.
 */
export async function wipeDevice(): Promise<void> {
	const [{ Dexie }, { DATABASE_NAME }] = await Promise.all([import('dexie'), import('./db.ts')]);
	await Dexie.delete(DATABASE_NAME);
	stopLock({ forget: true, everyone: true });
	await forgetCachedPages();
	await forgetOfflineMap();
	forgetDeviceId();
}

/**
 * A phone passing to a colleague whose last user's session ended without signing out: the server
 * refuses the new user on the old user's device id. When the phone holds nothing the server lacks,
 * it is emptied as that sign-out would have done. Work not yet sent is never deleted: its author
 * signs in to send it, or an admin releases the phone. True when the phone was emptied.
 */
async function emptyIfNothingUnsent(): Promise<boolean> {
	const [{ Dexie }, { DATABASE_NAME, LocalDb }] = await Promise.all([import('dexie'), import('./db.ts')]);
	if (await Dexie.exists(DATABASE_NAME)) {
		const db = new LocalDb(DATABASE_NAME);
		try {
			const unsent = (await db.outbox.count()) + (await db.photos.filter((photo) => photo.uploadedAt === null).count());
			if (unsent > 0) return false;
		} finally {
			db.close();
		}
	}
	await wipeDevice();
	return true;
}
