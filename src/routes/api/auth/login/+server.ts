import { json } from '@sveltejs/kit';
import { loginRequestSchema } from '$lib/domain/auth.ts';
import { db } from '$lib/server/db/index.ts';
import { signIn } from '$lib/server/auth/signIn.ts';
import { setSessionCookie } from '$lib/server/auth/sessions.ts';
import { errorResponse, handleErrors, readJson } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, cookies, getClientAddress }) =>
	handleErrors(async () => {
		const body = await readJson(request, loginRequestSchema);
		const result = await signIn(await db(), body, getClientAddress(), request.headers.get('user-agent'));
		if (result.status === 'throttled') return errorResponse(429, 'too many failed sign-ins; try again in 15 minutes');
		if (result.status === 'invalid') return errorResponse(401, 'wrong username or password');
		if (result.status === 'revokedDevice') return json({ error: 'this device was revoked', wipe: true }, { status: 401 });
		setSessionCookie(cookies, result.token);
		return json({ user: result.user });
	});
