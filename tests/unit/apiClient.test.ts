/**
 * The browser's client of the app's endpoints (client/api.ts) over an injected fetch: what it sends,
 * and every failure read as the one problem shape the sync transport reads too (client/problem.ts).
 */
import { describe, expect, it, vi } from 'vitest';
import { auth, call, planning, register, type Fetch } from '../../src/lib/client/api.ts';
import { problemOf } from '../../src/lib/client/problem.ts';
import { SyncHttpError, SyncTransport } from '../../src/lib/client/sync/transport.ts';

const venueId = '10000000-0000-4000-8000-000000000001';
const venue = { name: 'Bar Dardania', kind: 'bar', lat: 42.66, lng: 21.16 } as never;

/** A fetch that answers once with `body` (JSON unless a string) and remembers what it was asked. */
function answering(status: number, body: unknown, statusText = '') {
	const fetch = vi.fn<Fetch>(
		async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText })
	);
	return { fetch, request: () => ({ url: fetch.mock.calls[0]![0], init: fetch.mock.calls[0]![1]! }) };
}

describe('an answered call', () => {
	it('sends the input as JSON to the endpoint and gives back the answer', async () => {
		const { fetch, request } = answering(200, { assigned: ['a1'], alreadyAssigned: [], venuesTwice: [] });
		const result = await call(planning.assign, { operationId: 'op1', teamId: 't1', locationIds: ['l1'] }, { fetch });
		expect(result).toEqual({ ok: true, value: { assigned: ['a1'], alreadyAssigned: [], venuesTwice: [] } });
		const { url, init } = request();
		expect(url).toBe('/api/plans/operations/op1/assignments');
		expect(init.method).toBe('POST');
		expect(init.headers).toEqual({ 'content-type': 'application/json' });
		// The path carries the operation; the body only what the endpoint reads.
		expect(JSON.parse(init.body as string)).toEqual({ teamId: 't1', locationIds: ['l1'] });
	});

	it('sends no body (and no content type) where the endpoint takes none', async () => {
		const { fetch, request } = answering(200, { version: 3 });
		expect(await call(register.verify, { id: venueId }, { fetch })).toEqual({ ok: true, value: { version: 3 } });
		expect(request()).toEqual({ url: `/api/locations/${venueId}/verify`, init: { method: 'POST' } });

		const signOut = answering(200, { ok: true });
		expect((await call(auth.signOut, undefined, { fetch: signOut.fetch })).ok).toBe(true);
		expect(signOut.request()).toEqual({ url: '/api/auth/logout', init: { method: 'POST' } });
	});

	it('takes a refusal whose body is still the answer as one (a refused import carries its preview)', async () => {
		const preview = {
			written: false,
			preview: { rows: [], errors: [{ row: 2, field: 'lat', message: 'out of bounds' }] }
		};
		const { fetch } = answering(422, preview);
		expect(
			await call(register.importFile, { layer: 'venues', format: 'csv', text: 'x', confirm: true } as never, { fetch })
		).toEqual({ ok: true, value: preview });
	});
});

describe('a refused call', () => {
	it('names the status, the error and the field to fix', async () => {
		const { fetch } = answering(400, { error: 'name: required', field: 'name' });
		const result = await call(register.createVenue, venue, { fetch });
		expect(result).toEqual({ ok: false, problem: { status: 400, error: 'name: required', field: 'name' } });
	});

	it('carries what the endpoint adds to the failure in details', async () => {
		const duplicates = [{ id: venueId, name: 'Bar Dardania', distance: 12 }];
		const { fetch, request } = answering(409, {
			error: 'a venue with the same or a similar name is within 50 m',
			field: 'name',
			duplicates
		});
		const result = await call(register.updateVenue, { id: venueId, venue }, { fetch });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem).toEqual({
			status: 409,
			error: 'a venue with the same or a similar name is within 50 m',
			field: 'name',
			details: { duplicates }
		});
		expect(result.problem.details?.duplicates?.[0]?.id).toBe(venueId);
		expect(request().init.method).toBe('PUT');

		const throttled = answering(429, { error: 'too many failed sign-ins; try again in 30 seconds', retryAfter: 30 });
		const signIn = await call(auth.signIn, { username: 'police1', password: 'x' }, { fetch: throttled.fetch });
		expect(signIn).toEqual({
			ok: false,
			problem: { status: 429, error: 'too many failed sign-ins; try again in 30 seconds', details: { retryAfter: 30 } }
		});
	});

	it('falls back to the status when the body says nothing readable', async () => {
		expect(
			await call(
				planning.remove,
				{ assignmentId: 'a1' },
				{ fetch: answering(502, '<html>Bad gateway</html>', 'Bad Gateway').fetch }
			)
		).toEqual({
			ok: false,
			problem: { status: 502, error: 'Bad Gateway' }
		});
		expect(
			await call(planning.remove, { assignmentId: 'a1' }, { fetch: answering(500, { message: 'oops' }).fetch })
		).toEqual({
			ok: false,
			problem: { status: 500, error: 'HTTP 500', details: { message: 'oops' } }
		});
	});
});

describe('a call that never reaches the server', () => {
	it('is a network problem with status 0, never a thrown error', async () => {
		const fetch = vi.fn<Fetch>(async () => {
			throw new TypeError('Failed to fetch');
		});
		expect(await call(register.venue, { id: venueId }, { fetch })).toEqual({
			ok: false,
			problem: { status: 0, error: 'network' }
		});
		expect(fetch).toHaveBeenCalledWith(`/api/locations/${venueId}`, { method: 'GET' });
	});

	it('counts an answer cut off on the way as a network problem', async () => {
		const { fetch } = answering(200, '{"id": "10000000-');
		expect(await call(register.createVenue, venue, { fetch })).toEqual({
			ok: false,
			problem: { status: 200, error: 'network' }
		});
	});
});

describe('the one problem shape', () => {
	it('reads error and field, and keeps everything else as details', () => {
		expect(problemOf(401, { error: 'this device was revoked', wipe: true }, 'HTTP 401')).toEqual({
			status: 401,
			error: 'this device was revoked',
			details: { wipe: true }
		});
		expect(problemOf(400, { error: 42, field: ['x'] }, 'Bad Request')).toEqual({ status: 400, error: 'Bad Request' });
		expect(problemOf(500, null, 'HTTP 500')).toEqual({ status: 500, error: 'HTTP 500' });
		expect(problemOf(500, ['a'], 'HTTP 500')).toEqual({ status: 500, error: 'HTTP 500' });
	});

	it('is what the sync transport reads its failures from', async () => {
		const revoked = new SyncTransport(answering(401, { error: 'this device was revoked', wipe: true }).fetch);
		await expect(revoked.pull('', 10)).rejects.toMatchObject({
			kind: 'wipe',
			message: 'this device was revoked',
			status: 401
		});
		await expect(revoked.pull('', 10)).rejects.toBeInstanceOf(SyncHttpError);
		const expired = new SyncTransport(answering(401, { error: 'sign in again' }).fetch);
		await expect(expired.pull('', 10)).rejects.toMatchObject({ kind: 'auth', message: 'sign in again', status: 401 });
		const broken = new SyncTransport(answering(503, 'upstream down').fetch);
		await expect(broken.pull('', 10)).rejects.toMatchObject({ kind: 'server', message: 'HTTP 503', status: 503 });
	});
});
