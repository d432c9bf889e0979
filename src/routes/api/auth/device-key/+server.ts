import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { deviceKeyFor } from '$lib/server/auth/deviceKey.ts';
import { errorResponse, handleErrors } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

// POST, not GET: a key is never left in a cache or a browser history, and the same-origin check of
// hooks.server.ts applies.
export const POST: RequestHandler = ({ locals }) =>
	handleErrors(async () => {
		const answer = await deviceKeyFor(await db(), locals.user!, locals.sessionHash!);
		if ('refused' in answer) {
			return answer.refused === 'noDevice'
				? errorResponse(409, 'this session was not started on a registered device; sign in again', 'deviceId')
				: errorResponse(403, 'sign in again: the device key is given only just after signing in', 'session');
		}
		return json({ key: answer.key }, { headers: { 'cache-control': 'no-store' } });
	});
