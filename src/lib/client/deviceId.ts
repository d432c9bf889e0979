/**
 * The device id ties sessions and pushed changes to this browser. The server binds it to the
 * first user who signs in with it; it is kept across that user's sign-ins and dropped when the
 * device is emptied at sign-out, so the next user of a shared phone starts with a new one. Where storage is unavailable (private mode) an id lives for the page's life: pushes
 * stay idempotent by mutation id, so a fresh device id per page costs nothing but a line in the
 * audit. Where randomUUID is unavailable (plain http) there is none and sign-in proceeds without.
 */
const DEVICE_ID_KEY = 'kontrolla.deviceId';

let pageLifetimeId: string | undefined;

export function deviceId(): string | undefined {
	try {
		const stored = localStorage.getItem(DEVICE_ID_KEY);
		if (stored) return stored;
		const created = crypto.randomUUID();
		localStorage.setItem(DEVICE_ID_KEY, created);
		return created;
	} catch {
		try {
			pageLifetimeId ??= crypto.randomUUID();
		} catch {
			return undefined;
		}
		return pageLifetimeId;
	}
}

/**
 * The id this device already has, without making one: the lock screen's sign-in is the same user
 * again, on the device they signed in on.
 */
export function storedDeviceId(): string | undefined {
	try {
		return localStorage.getItem(DEVICE_ID_KEY) ?? undefined;
	} catch {
		return pageLifetimeId;
	}
}

/** A sign-out that left nothing on the device (or a wipe): the next sign-in here is a new device. */
export function forgetDeviceId(): void {
	pageLifetimeId = undefined;
	try {
		localStorage.removeItem(DEVICE_ID_KEY);
	} catch {
		/* storage unavailable: only the page's id existed */
	}
}
