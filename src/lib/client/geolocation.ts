/**
 * One GPS fix for a check-in. Indoors and in basements a phone may never get one, so the wait is
 * bounded and every failure is a value the screen can show (and answer with a manual check-in).
 */
import type { Fix } from '../domain/field/checkIn.ts';

export type FixFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';
export type FixResult = { ok: true; fix: Fix } | { ok: false; failure: FixFailure };

/** Long enough for a cold GPS start outdoors; a team indoors should not stand waiting longer. */
export const FIX_TIMEOUT_MS = 20_000;

export function currentFix(timeoutMs = FIX_TIMEOUT_MS): Promise<FixResult> {
	if (typeof navigator === 'undefined' || !navigator.geolocation)
		return Promise.resolve({ ok: false, failure: 'unsupported' });
	return new Promise((resolve) => {
		navigator.geolocation.getCurrentPosition(
			(position) =>
				resolve({
					ok: true,
					fix: { lat: position.coords.latitude, lng: position.coords.longitude, accuracy: position.coords.accuracy }
				}),
			(error) =>
				resolve({
					ok: false,
					failure:
						error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable'
				}),
			// A fix a minute old is still where the team stands; a fresh one may take long to come.
			{ enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 }
		);
	});
}
