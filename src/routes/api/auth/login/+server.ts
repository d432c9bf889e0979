import { json } from '@sveltejs/kit';
import { loginRequestSchema } from '$lib/domain/auth.ts';
import { db } from '$lib/server/db/index.ts';
import { signIn } from '$lib/server/auth/signIn.ts';
import { setSessionCookie } from '$lib/server/auth/sessions.ts';
import { errorResponse, handleErrors, readJson } from '$lib/server/http.ts';
import type { RevokedDevice, SignedIn, SignInThrottled } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, cookies, getClientAddress }) =>
	handleErrors(async () => {
		const body = await readJson(request, loginRequestSchema);
		const result = await signIn(await db(), body, getClientAddress(), request.headers.get('user-agent'));
		if (result.status === 'throttled') {
			const wait = result.retryAfterSeconds;
			return json(
				{ error: `too many failed sign-ins; try again in ${wait} seconds`, retryAfter: wait } satisfies SignInThrottled,
				{ status: 429, headers: { 'retry-after': String(wait) } }
			);
		}
		// Another user's phone: signing in on it takes that user's sign-out (which wipes it) or an admin's release.
		if (result.status === 'deviceTaken')
			return errorResponse(409, 'this device is registered to another user', 'deviceId');
		if (result.status === 'invalid') return errorResponse(401, 'wrong username or password');
		if (result.status === 'revokedDevice')
			return json({ error: 'this device was revoked', wipe: true } satisfies RevokedDevice, { status: 401 });
		setSessionCookie(cookies, result.token);
		return json({ user: result.user } satisfies SignedIn);
	});
