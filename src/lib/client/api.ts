/**
 * The browser's one client for the app's JSON endpoints (the device sync keeps its own,
 * sync/transport.ts). An endpoint is described once — method, URL and body, built from a typed
 * input — and `call` sends it: the answer comes back as `{ ok: true, value }`, every failure as
 * `{ ok: false, problem }` in the server's one failure shape (problem.ts), a request that never
 * reached the server as `status: 0, error: 'network'`. Components never build requests themselves.
 * `fetch` is injected in tests.
 */
import type { LikelyDuplicate } from '$lib/domain/register/duplicates.ts';
import type { ImportRequest } from '$lib/domain/register/importRows.ts';
import type { VenueFieldsInput, VenueStatusChange } from '$lib/domain/register/venue.ts';
import type { ImportResult, VenueDetail } from '$lib/domain/views/register.ts';
import { readProblem, type Problem } from './problem.ts';

export type { Problem } from './problem.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** `D`: what the endpoint adds to a failure besides `{ error, field }` (`problem.details`). */
export type Result<T, D = Record<string, unknown>> = { ok: true; value: T } | { ok: false; problem: Problem<D> };

/** `I` the caller's input, `O` the answer, `D` a failure's details. */
export interface Endpoint<I, O, D = Record<string, unknown>> {
	readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	readonly url: (input: I) => string;
	/** Sent as JSON; without it the request has no body. */
	readonly body?: (input: I) => unknown;
	/** Failure statuses whose body is still the answer (a refused import carries its preview). */
	readonly answers?: readonly number[];
	/** Never set: carries the answer's and the details' types to `call`. */
	readonly types?: { answer: O; details: D };
}

const define = <I, O, D = Record<string, unknown>>(spec: Omit<Endpoint<I, O, D>, 'types'>): Endpoint<I, O, D> => spec;

export async function call<I, O, D>(
	endpoint: Endpoint<I, O, D>,
	input: I,
	options: { fetch?: Fetch } = {}
): Promise<Result<O, D>> {
	// Called as a plain function: a browser's `fetch` refuses to run as another object's method.
	const send: Fetch = options.fetch ?? ((url, init) => fetch(url, init));
	const body = endpoint.body?.(input);
	let response: Response;
	try {
		response = await send(endpoint.url(input), {
			method: endpoint.method,
			...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
		});
	} catch {
		return { ok: false, problem: { status: 0, error: 'network' } };
	}
	if (!response.ok && !endpoint.answers?.includes(response.status)) {
		return { ok: false, problem: await readProblem<D>(response, response.statusText || `HTTP ${response.status}`) };
	}
	try {
		return { ok: true, value: (await response.json()) as O };
	} catch {
		// Cut off on the way: the request may or may not have been applied.
		return { ok: false, problem: { status: response.status, error: 'network' } };
	}
}

export type SignInRequest = { username: string; password: string; deviceId?: string };

export const auth = {
	/** Refusals add `retryAfter` (seconds, when throttled) and `wipe` (the device was revoked). */
	signIn: define<SignInRequest, { user: unknown }, { retryAfter: unknown; wipe: boolean }>({
		method: 'POST',
		url: () => '/api/auth/login',
		body: (request) => request
	}),
	signOut: define<void, { ok: true }>({ method: 'POST', url: () => '/api/auth/logout' }),
	/** The escrowed device key, given only just after a sign-in; the device id records a device signed in before the page's script ran. */
	deviceKey: define<{ deviceId?: string }, { key: string }, { wipe: boolean }>({
		method: 'POST',
		url: () => '/api/auth/device-key',
		body: (request) => request
	})
};

export type VenueSave = VenueFieldsInput & { confirmDuplicate?: boolean };
type Saved = { id: string; version: number };
/** A save refused (409) for venues with the same or a similar name nearby. */
type DuplicateDetails = { duplicates: LikelyDuplicate[] };

export const register = {
	venue: define<{ id: string }, VenueDetail>({ method: 'GET', url: ({ id }) => `/api/locations/${id}` }),
	createVenue: define<VenueSave, Saved, DuplicateDetails>({
		method: 'POST',
		url: () => '/api/locations',
		body: (venue) => venue
	}),
	updateVenue: define<{ id: string; venue: VenueSave }, Saved, DuplicateDetails>({
		method: 'PUT',
		url: ({ id }) => `/api/locations/${id}`,
		body: ({ venue }) => venue
	}),
	changeStatus: define<{ id: string; change: VenueStatusChange }, { version: number }>({
		method: 'POST',
		url: ({ id }) => `/api/locations/${id}/status`,
		body: ({ change }) => change
	}),
	verify: define<{ id: string }, { version: number }>({
		method: 'POST',
		url: ({ id }) => `/api/locations/${id}/verify`
	}),
	merge: define<{ id: string; targetId: string }, { targetId: string; inspections: number }>({
		method: 'POST',
		url: ({ id }) => `/api/locations/${id}/merge`,
		body: ({ targetId }) => ({ targetId })
	}),
	// A refused confirmation (422) still carries the preview with its per-row errors.
	importFile: define<ImportRequest, ImportResult>({
		method: 'POST',
		url: () => '/api/register/import',
		body: (request) => request,
		answers: [422]
	})
};

export type AssignAnswer = {
	assigned: string[];
	alreadyAssigned: string[];
	venuesTwice: { venueName: string; date: string }[];
};

export const planning = {
	assign: define<{ operationId: string; teamId: string; locationIds: string[] }, AssignAnswer>({
		method: 'POST',
		url: ({ operationId }) => `/api/plans/operations/${operationId}/assignments`,
		body: ({ teamId, locationIds }) => ({ teamId, locationIds })
	}),
	move: define<{ assignmentId: string; teamId: string }, { version: number }>({
		method: 'PATCH',
		url: ({ assignmentId }) => `/api/plans/assignments/${assignmentId}`,
		body: ({ teamId }) => ({ teamId })
	}),
	remove: define<{ assignmentId: string }, { removed: true }>({
		method: 'DELETE',
		url: ({ assignmentId }) => `/api/plans/assignments/${assignmentId}`
	}),
	reorder: define<{ teamId: string; assignmentIds: string[] }, { changed: number }>({
		method: 'PUT',
		url: ({ teamId }) => `/api/plans/teams/${teamId}/order`,
		body: ({ assignmentIds }) => ({ assignmentIds })
	})
};
