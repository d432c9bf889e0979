/**
 * Every request gets an id (the caller's `X-Request-Id` when it is a sane one, so a proxy's id runs
 * through, else a new one), answered in `X-Request-Id` and kept in `locals` for the error log; and
 * one access line and the request metrics when it is answered. The line names the route id, never
 * the path (paths carry record ids), and no query string, body, user or address.
 */
import { randomUUID } from 'node:crypto';
import { isHttpError, isRedirect, type Handle } from '@sveltejs/kit';
import { log } from './log.ts';
import { isSyncRoute, readOutboxSize, recordOutboxSize, recordRequest } from './metrics/index.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function requestIdFrom(header: string | null): string {
	return header !== null && REQUEST_ID.test(header) ? header : randomUUID();
}

export const observeRequests: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdFrom(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	const route = event.route.id ?? 'unmatched';
	const method = event.request.method;
	const answered = (status: number) => {
		const seconds = (performance.now() - started) / 1000;
		recordRequest(route, method, status, seconds);
		log.info('request', { requestId, method, route, status, ms: Math.round(seconds * 10_000) / 10 });
	};
	if (isSyncRoute(route)) {
		const outbox = readOutboxSize(event.request.headers.get('x-outbox-size'));
		if (outbox !== null) recordOutboxSize(outbox);
	}
	let response: Response;
	try {
		response = await resolve(event);
	} catch (thrown) {
		// A redirect or error thrown by a later hook (the route guard) is answered by SvelteKit.
		answered(isRedirect(thrown) || isHttpError(thrown) ? thrown.status : 500);
		throw thrown;
	}
	answered(response.status);
	// A response from fetch or a static file has immutable headers: then the id goes unanswered.
	try {
		response.headers.set('X-Request-Id', requestId);
	} catch {
		/* immutable headers */
	}
	return response;
};
