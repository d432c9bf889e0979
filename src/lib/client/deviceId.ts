/**
 * The device id ties sessions and pushed changes to this browser. It is kept for good, across
 * sign-ins. Where storage is unavailable (private mode) an id lives for the page's life: pushes
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
