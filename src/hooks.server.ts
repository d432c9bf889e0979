import { randomUUID } from 'node:crypto';
import { error, json, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { refuseUnstorableInput } from '$lib/server/unstorableInput.ts';
import { paraglideMiddleware } from '$lib/paraglide/server.js';
import { database, db } from '$lib/server/db/index.ts';
import { startup } from '$lib/server/startup.ts';
import { checkpointAudit } from '$lib/server/audit/checkpointer.ts';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/sessions.ts';
import { decideAccess } from '$lib/server/auth/routeAccess.ts';
import { configWarnings, readConfig } from '$lib/server/config.ts';
import { mapSources } from '$lib/server/basemap/file.ts';
import { isBrowserRendered } from '$lib/server/browserRendered.ts';
import { noscriptNotice } from '$lib/server/noscriptNotice.ts';
import { tileSource, withTileSource } from '$lib/server/csp.ts';
import { isPersonLevelRoute } from '$lib/domain/personLevelRoutes.ts';
import { describeError, stackFrames } from '$lib/server/errorLog.ts';
import { formBodies } from '$lib/server/formBody.ts';
import { log } from '$lib/server/log.ts';
import { observeRequests } from '$lib/server/requestLog.ts';
import { beginShutdown } from '$lib/server/readiness.ts';
import type { RevokedDevice } from '$lib/domain/views/auth.ts';

export const init: ServerInit = async () => {
	for (const warning of configWarnings()) log.warn(warning);
	// Before the HTTP server drains (scripts/serve.js, adapter-node): /api/ready answers 503 from now.
	for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, beginShutdown);
	await startup();
	// The basemap's ETag hashes the whole archive once: done now rather than on the first page.
	// A failure here is met again, and answered, by the first request that needs the archive.
	void mapSources(config).catch(() => undefined);
	// adapter-node emits this after the HTTP server has drained on SIGTERM/SIGINT: close the pool
	// (it would keep the process alive) and let PGlite write its last pages.
	process.once('sveltekit:shutdown', () => {
		// A last checkpoint first: the entries of the final minute are anchored outside the database too.
		void database().then(async (opened) => {
			await checkpointAudit(opened.db);
			await opened.close();
		});
	});
};

const config = readConfig();

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	// Person-level answers (personLevelRoutes.ts) are kept by no cache: not the browser's, not a
	// proxy's, not the service worker's (which refuses anything marked no-store).
	if (isPersonLevelRoute(event.route.id)) response.headers.set('Cache-Control', 'private, no-store');
	const policy = response.headers.get('content-security-policy');
	// The tile server, unless a basemap is served (then no other host: basemap/file.ts, mapSources).
	if (policy)
		response.headers.set(
			'content-security-policy',
			withTileSource(policy, tileSource((await mapSources(config)).tileUrl))
		);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'geolocation=(self), camera=(self), microphone=()');
	if (config.secureCookies) response.headers.set('Strict-Transport-Security', 'max-age=31536000');
	return response;
};

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		// A browser-rendered page's shell is empty: without JavaScript it says why, in the reader's language.
		const notice = isBrowserRendered(event.route.id) ? noscriptNotice(locale) : '';
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale).replace('%kontrolla.noscript%', notice)
		});
	});

const session: Handle = async ({ event, resolve }) => {
	await startup();
	event.locals.user = null;
	event.locals.sessionHash = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSession(await db(), token);
		if (valid && 'revokedDevice' in valid) {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
			// The app wipes its local copy when it reads `wipe` (a lost or stolen device).
			if (event.url.pathname.startsWith('/api/'))
				return json({ error: 'this device was revoked', wipe: true } satisfies RevokedDevice, { status: 401 });
			redirect(303, '/login?wiped=1');
		}
		if (valid) {
			event.locals.user = valid.user;
			event.locals.sessionHash = valid.tokenHash;
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * State-changing requests from another site are refused. SvelteKit checks form posts itself; this
 * covers JSON and upload endpoints too. Requests without an Origin (not from a browser) pass: a
 * cross-site request forgery needs a browser, and browsers send Origin on every cross-site write.
 */
const sameOrigin: Handle = ({ event, resolve }) => {
	const origin = event.request.headers.get('origin');
	if (!['GET', 'HEAD', 'OPTIONS'].includes(event.request.method) && origin !== null && origin !== event.url.origin) {
		return json({ error: 'cross-site request refused' }, { status: 403 });
	}
	return resolve(event);
};

/** The server-side role check for every page, form action and endpoint (routeAccess.ts). */
const guard: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event);
	const isApi = routeId.startsWith('/api/');
	const decision = decideAccess(routeId, event.locals.user?.role ?? null);
	if (decision === 'allow') return resolve(event);
	if (isApi) {
		const status = decision === 'signIn' ? 401 : decision === 'forbidden' ? 403 : 404;
		const message =
			decision === 'signIn' ? 'sign in required' : decision === 'forbidden' ? 'not allowed for your role' : 'not found';
		return json({ error: message }, { status });
	}
	if (decision === 'signIn') {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/login?next=${encodeURIComponent(next)}`);
	}
	error(decision === 'forbidden' ? 403 : 404, decision === 'forbidden' ? 'Not allowed for your role' : 'Not found');
};

// A body that is not a form is refused before anything reads it as one (formBodies), then what
// the database cannot store (refuseUnstorableInput).
export const handle = sequence(
	observeRequests,
	securityHeaders,
	sameOrigin,
	i18n,
	session,
	guard,
	formBodies,
	refuseUnstorableInput
);

/**
 * Unexpected errors are logged by kind and code only (errorLog.ts), never by message: a failed
 * database write's message holds the query's parameters, person-level values among them. The id
 * in the log (the request's id) is the one the answer carries, so a report from a user finds its line.
 */
export const handleError: HandleServerError = ({ error: thrown, event, status, message }) => {
	if (status === 404) return { message };
	// The request's own id when it has one, so the access line and the error line go together.
	const id = event.locals.requestId ?? randomUUID();
	const route = event.route.id ?? '(no route)';
	log.error(`error ${id}: ${status} ${event.request.method} ${route}: ${describeError(thrown)}`, {
		requestId: id,
		status,
		method: event.request.method,
		route,
		stack: stackFrames(thrown) || undefined
	});
	return { message, id };
};
