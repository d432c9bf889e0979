/**
 * The inspector's PIN lock (docs/ARCHITECTURE.md, README "Data protection"): person-level data on the device is readable only while the
 * app is unlocked. State for the shell, and the steps between the phases:
 *
 * - `setup`: no PIN on this device for this user yet. Nothing person-level may be stored before one
 *   is chosen, so device sync waits too.
 * - `locked`: on every start (the data key lives in memory only), after `lockAfterMs` without a touch
 *   or a key, and on demand.
 * - `unlocked`: the data key is held; person-level records are sealed and opened as they are used.
 * - `signIn`: too many wrong PINs. The PIN is no longer tried; the device key the server escrows for a
 *   fresh sign-in of this user on this device unwraps the data key instead, and a new PIN is chosen.
 *
 * What is stored (localStorage): the user it belongs to, the PBKDF2 salt and iteration count, and the
 * data key wrapped twice — by the PIN's key and by the device key. Never the PIN or the key itself.
 */
import {
	derivePinKey,
	importDeviceKey,
	newDataKey,
	PIN_ITERATIONS,
	unwrapKey,
	wrapKey,
	type Sealed
} from './cipher.ts';
import { currentDataKey, dropDataKey, holdDataKey } from './dataKey.ts';
import { deviceId } from '../deviceId.ts';
import { auth, call } from '../api.ts';

const STORE_KEY = 'kontrolla.lock';
export const PIN_MIN_LENGTH = 6;
/** Wrong PINs before the PIN stops being tried; each one waits longer before the next try. */
export const MAX_FAILURES = 5;

type Stored = {
	userId: string;
	salt: string;
	iterations: number;
	byPin: SealedText;
	byDevice: SealedText;
	failures: number;
};
type SealedText = { iv: string; ct: string };
export type LockPhase = 'off' | 'setup' | 'locked' | 'unlocked' | 'signIn';

let phase = $state<LockPhase>('off');
let failures = $state(0);
let userId: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
let lockAfterMs = 5 * 60_000;
let onUnlocked: (() => void) | null = null;

export const lockState = {
	get phase() {
		return phase;
	},
	get failures() {
		return failures;
	},
	/** Person-level data may be shown and written. */
	get open() {
		return phase === 'off' || phase === 'unlocked';
	}
};

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const bytes = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const toText = (sealed: Sealed): SealedText => ({ iv: b64(sealed.iv), ct: b64(sealed.ct) });
const fromText = (sealed: SealedText): Sealed => ({ iv: bytes(sealed.iv), ct: bytes(sealed.ct) });

/**
 * One entry per user of the device: a user who signs out with work the server does not have yet
 * keeps the wrapped key that opens it, while a colleague signs in on the same phone with their own.
 * (Before, one entry served the last user only: `STORE_KEY` itself, still read for them.)
 */
const storeKeyOf = (user: string) => `${STORE_KEY}.${user}`;

function readStored(): Stored | null {
	if (!userId) return null;
	try {
		const stored = JSON.parse(
			localStorage.getItem(storeKeyOf(userId)) ?? localStorage.getItem(STORE_KEY) ?? 'null'
		) as Stored | null;
		return stored && stored.userId === userId ? stored : null;
	} catch {
		return null;
	}
}

function writeStored(stored: Stored): void {
	localStorage.setItem(storeKeyOf(stored.userId), JSON.stringify(stored));
	forgetSingleEntryOf(stored.userId);
}

function forgetSingleEntryOf(user: string): void {
	try {
		if ((JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null') as Stored | null)?.userId === user)
			localStorage.removeItem(STORE_KEY);
	} catch {
		localStorage.removeItem(STORE_KEY);
	}
}

/**
 * Starts the lock for the signed-in user; `resealAll` seals records stored before the lock existed
 * and `afterUnlock` lets sync go on. Users other than inspectors keep nothing on the device.
 */
export function startLock(
	user: { id: string; role: string } | null,
	options: { lockAfterMs: number; afterUnlock: () => void }
): void {
	if (typeof window === 'undefined') return;
	if (!user || user.role !== 'inspector') {
		stopLock();
		return;
	}
	if (userId === user.id && phase !== 'off') return;
	userId = user.id;
	lockAfterMs = options.lockAfterMs;
	onUnlocked = options.afterUnlock;
	dropDataKey();
	const stored = readStored();
	failures = stored?.failures ?? 0;
	phase = !stored ? 'setup' : failures >= MAX_FAILURES ? 'signIn' : 'locked';
	for (const event of ['pointerdown', 'keydown'] as const)
		window.addEventListener(event, noteActivity, { passive: true });
}

/** Sign-out and wipes: the key material goes with the data it protected. */
export function stopLock({ forget = false, everyone = false } = {}): void {
	clearTimeout(timer);
	dropDataKey();
	// A wiped device keeps no one's key: the data they opened is gone with it.
	if (everyone)
		for (const key of Object.keys(localStorage))
			if (key === STORE_KEY || key.startsWith(`${STORE_KEY}.`)) localStorage.removeItem(key);
	if (forget && userId) {
		localStorage.removeItem(storeKeyOf(userId));
		forgetSingleEntryOf(userId);
	}
	if (typeof window !== 'undefined')
		for (const event of ['pointerdown', 'keydown'] as const) window.removeEventListener(event, noteActivity);
	phase = 'off';
	userId = null;
}

export function lockNow(): void {
	if (phase !== 'unlocked') return;
	clearTimeout(timer);
	dropDataKey();
	phase = 'locked';
}

function noteActivity(): void {
	if (phase !== 'unlocked') return;
	clearTimeout(timer);
	timer = setTimeout(lockNow, lockAfterMs);
}

function opened(key: Uint8Array): void {
	holdDataKey(key);
	phase = 'unlocked';
	noteActivity();
	onUnlocked?.();
}

async function deviceKey(): Promise<CryptoKey> {
	// The device's id lets a session signed in before the page's script ran record this device.
	const answer = await call(auth.deviceKey, { deviceId: deviceId() });
	if (!answer.ok) throw new Error(`device key: ${answer.problem.status || answer.problem.error}`);
	return importDeviceKey(answer.value.key);
}

/** Chooses the PIN: a new data key on a fresh device, or a new PIN for the key already there. */
export async function choosePin(pin: string): Promise<void> {
	if (!userId) throw new Error('no one is signed in');
	if (!/^\d+$/.test(pin) || pin.length < PIN_MIN_LENGTH) throw new Error('pin');
	// Recovering after too many wrong PINs: the escrowed device key unwraps the key already in use.
	const previous = readStored();
	const byDevice = await deviceKey();
	const key = previous ? await unwrapKey(byDevice, fromText(previous.byDevice)) : (currentDataKey() ?? newDataKey());
	const salt = crypto.getRandomValues(new Uint8Array(16));
	const pinKey = await derivePinKey(pin, salt, PIN_ITERATIONS);
	writeStored({
		userId,
		salt: b64(salt),
		iterations: PIN_ITERATIONS,
		byPin: toText(await wrapKey(pinKey, key)),
		byDevice: toText(await wrapKey(byDevice, key)),
		failures: 0
	});
	failures = 0;
	opened(key);
}

/** True when the PIN opened the lock; a wrong one counts, and the last allowed one ends the tries. */
export async function unlock(pin: string): Promise<boolean> {
	const stored = readStored();
	if (!stored || phase !== 'locked') return false;
	try {
		const key = await unwrapKey(await derivePinKey(pin, bytes(stored.salt), stored.iterations), fromText(stored.byPin));
		writeStored({ ...stored, failures: 0 });
		failures = 0;
		opened(key);
		return true;
	} catch {
		failures = stored.failures + 1;
		writeStored({ ...stored, failures });
		if (failures >= MAX_FAILURES) phase = 'signIn';
		return false;
	}
}

/** The wait before the next try after `count` wrong PINs: none for the first two, then doubling. */
export function retryDelayMs(count: number): number {
	return count < 3 ? 0 : 1000 * 2 ** (count - 2);
}
