/**
 * The typed client of the sync endpoints. `fetch` is injected so tests can route it through a
 * faulty proxy or an in-process server; every failure becomes a `SyncHttpError` with a kind the
 * scheduler acts on.
 */
import { readProblem } from '../problem.ts';
import {
	pullResponseSchema,
	pushResponseSchema,
	type Mutation,
	type PullResponse,
	type PushResponse
} from '../../domain/sync/wire.ts';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type FailureKind = 'network' | 'auth' | 'wipe' | 'gone' | 'client' | 'server';

export class SyncHttpError extends Error {
	constructor(
		readonly kind: FailureKind,
		message: string,
		readonly status: number | null = null
	) {
		super(message);
		this.name = 'SyncHttpError';
	}
}

// A request that never answers (a dead connection the phone has not noticed) must not stall the
// queue forever: it fails like a dropped one and is retried.
export const REQUEST_TIMEOUT_MS = 60_000;

async function call(
	fetchFn: Fetch,
	url: string,
	init?: RequestInit,
	timeoutMs = REQUEST_TIMEOUT_MS
): Promise<Response> {
	let response: Response;
	try {
		response = await fetchFn(url, {
			...init,
			credentials: 'same-origin',
			cache: 'no-store',
			signal: AbortSignal.timeout(timeoutMs)
		});
	} catch (error) {
		throw new SyncHttpError('network', error instanceof Error ? error.message : 'network error');
	}
	if (response.ok) return response;
	// The app's one failure shape (problem.ts); a body that is not JSON leaves the status.
	const problem = await readProblem<{ wipe: boolean }>(response);
	const kind: FailureKind =
		response.status === 401
			? problem.details?.wipe === true
				? 'wipe'
				: 'auth'
			: response.status === 410
				? 'gone'
				: response.status >= 500
					? 'server'
					: 'client';
	throw new SyncHttpError(kind, problem.error, response.status);
}

const outboxHeader = (size: number | undefined): Record<string, string> =>
	size === undefined ? {} : { 'x-outbox-size': String(size) };

export class SyncTransport {
	constructor(
		private fetchFn: Fetch,
		private baseUrl = '',
		private timeoutMs = REQUEST_TIMEOUT_MS
	) {}

	/**
	 * `outboxSize`: entries waiting on the device, sent as `X-Outbox-Size` so the server's metrics
	 * show devices falling behind (a count only: nothing of the entries).
	 */
	async push(deviceId: string, mutations: Mutation[], outboxSize?: number): Promise<PushResponse> {
		const response = await call(
			this.fetchFn,
			`${this.baseUrl}/api/sync/push`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json', ...outboxHeader(outboxSize) },
				body: JSON.stringify({ deviceId, mutations })
			},
			this.timeoutMs
		);
		return this.parse(pushResponseSchema, response);
	}

	async pull(cursor: string, limit: number, outboxSize?: number): Promise<PullResponse> {
		const response = await call(
			this.fetchFn,
			`${this.baseUrl}/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${limit}`,
			{ headers: outboxHeader(outboxSize) },
			this.timeoutMs
		);
		return this.parse(pullResponseSchema, response);
	}

	async upload(id: string, blob: Blob, sha256: string, mime: string): Promise<void> {
		await call(
			this.fetchFn,
			`${this.baseUrl}/api/attachments/${id}`,
			{ method: 'PUT', headers: { 'content-type': mime, 'x-content-sha256': sha256 }, body: blob },
			this.timeoutMs
		);
	}

	private async parse<T>(
		schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
		response: Response
	): Promise<T> {
		let body: unknown;
		try {
			body = await response.json();
		} catch {
			// A cut-off body is a network failure: the request may or may not have been applied.
			throw new SyncHttpError('network', 'incomplete answer from the server');
		}
		const parsed = schema.safeParse(body);
		if (!parsed.success) throw new SyncHttpError('server', 'unexpected answer from the server');
		return parsed.data;
	}
}
