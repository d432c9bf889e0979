/** What a refused sign-in tells the person, for the sign-in page and the lock screen alike. */
import { m } from '$lib/paraglide/messages.js';

/** The wait the server named (`retryAfter`, seconds): in seconds under two minutes, in minutes above. */
export function throttledMessage(retryAfter: unknown): string {
	const seconds = typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null;
	if (seconds === null) return m.login_error_throttled();
	return seconds < 120 ? m.login_error_throttled_seconds({ seconds }) : m.login_error_throttled_minutes({ minutes: Math.ceil(seconds / 60) });
}

/** A sign-in answer that is not a success, as one sentence (null: a field error, said at the field). */
export function signInRefusal(status: number, body: unknown): string | null {
	const answer = (body ?? {}) as { retryAfter?: unknown; field?: unknown };
	if (status === 429) return throttledMessage(answer.retryAfter);
	if (status === 409 && answer.field === 'deviceId') return m.login_error_device_taken();
	if (status === 401) return m.login_error_invalid();
	return null;
}
