import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { deviceKeyFor } from '$lib/server/auth/deviceKey.ts';
import { errorResponse, handleErrors, readJson } from '$lib/server/http.ts';
import type { DeviceKey, RevokedDevice } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

// The device asking: recorded for a session signed in before the page's script ran (deviceKey.ts).
const deviceKeyRequestSchema = z.object({ deviceId: z.uuid('deviceId must be a UUID').optional() });

// POST, not GET: a key is never left in a cache or a browser history, and the same-origin check of
// hooks.server.ts applies.
export const POST: RequestHandler = ({ locals, request }) =>
	handleErrors(async () => {
		const hasBody = request.headers.get('content-type')?.includes('application/json') ?? false;
		const body = hasBody ? await readJson(request, deviceKeyRequestSchema) : {};
		const answer = await deviceKeyFor(await db(), locals.user!, locals.sessionHash!, {
			id: body.deviceId,
			userAgent: request.headers.get('user-agent')
		});
		if ('refused' in answer) {
			if (answer.refused === 'revokedDevice')
				return json({ error: 'this device was revoked', wipe: true } satisfies RevokedDevice, { status: 401 });
			if (answer.refused === 'deviceTaken')
				return errorResponse(409, 'this device is registered to another user', 'deviceId');
			return answer.refused === 'noDevice'
				? errorResponse(409, 'this session was not started on a registered device; sign in again', 'deviceId')
				: errorResponse(403, 'sign in again: the device key is given only just after signing in', 'session');
		}
		return json({ key: answer.key } satisfies DeviceKey, { headers: { 'cache-control': 'no-store' } });
	});
