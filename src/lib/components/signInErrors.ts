/** What a refused sign-in tells the person, for the sign-in page and the lock screen alike. */
import { m } from '$lib/paraglide/messages.js';
import type { SignInRefusal } from '$lib/client/session.svelte.ts';

/** The wait the server named (`retryAfter`, seconds): in seconds under two minutes, in minutes above. */
export function throttledMessage(retryAfter: unknown): string {
	const seconds =
		typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null;
	if (seconds === null) return m.login_error_throttled();
	return seconds < 120
		? m.login_error_throttled_seconds({ seconds })
		: m.login_error_throttled_minutes({ minutes: Math.ceil(seconds / 60) });
}

/**
 * A refused sign-in as one sentence, the same on both screens; null where the screen says it in its
 * own way (a field to fix, a server failure).
 */
export function signInRefusal(refusal: SignInRefusal): string | null {
	switch (refusal.reason) {
		case 'network':
			return m.login_error_network();
		case 'throttled':
			return throttledMessage(refusal.retryAfter);
		case 'deviceTaken':
			return m.login_error_device_taken();
		case 'invalid':
		case 'revoked':
			return m.login_error_invalid();
		case 'wiped':
			return m.login_device_wiped();
		default:
			return null;
	}
}
