/**
 * The unwrapped data key, held in memory only while the app is unlocked. A plain module (no runes)
 * so the database layer and tests can use it; the lock (lock.svelte.ts) puts it here and takes it
 * away.
 */
let dataKey: Uint8Array | null = null;

export function currentDataKey(): Uint8Array | null {
	return dataKey;
}

export function holdDataKey(key: Uint8Array): void {
	dataKey = key;
}

/** Overwrites the bytes before letting go, so the key does not linger in the heap. */
export function dropDataKey(): void {
	dataKey?.fill(0);
	dataKey = null;
}
