import { fail, redirect } from '@sveltejs/kit';
import { loginRequestSchema } from '$lib/domain/auth.ts';
import { destinationAfterSignIn, homePathFor } from '$lib/domain/navigation.ts';
import { db } from '$lib/server/db/index.ts';
import { signIn } from '$lib/server/auth/signIn.ts';
import { setSessionCookie } from '$lib/server/auth/sessions.ts';
import type { LoginFormError } from '$lib/domain/views/auth.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homePathFor(locals.user.role));
};

/**
 * The same sign-in as `POST /api/auth/login`, for a form sent before the page's script has run
 * (a slow phone, a script that failed to load). Without it the browser would send the form as a
 * GET and put the password in the address bar, the history and the server's access log.
 */
export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await request.formData();
		// The device id lives in the page's script: a form sent before it ran names no device, which
		// the app records when it asks for the PIN lock's key (auth/deviceKey.ts).
		const username = String(form.get('username') ?? '').slice(0, 100);
		const parsed = loginRequestSchema.safeParse({ username, password: String(form.get('password') ?? '') });
		if (!parsed.success) {
			const path = parsed.error.issues[0]?.path[0];
			return fail(400, { username, error: (path === 'password' ? 'password' : 'username') satisfies LoginFormError });
		}
		const result = await signIn(await db(), parsed.data, getClientAddress(), request.headers.get('user-agent'));
		if (result.status === 'throttled')
			return fail(429, { username, error: 'throttled' satisfies LoginFormError, retryAfter: result.retryAfterSeconds });
		if (result.status === 'invalid') return fail(401, { username, error: 'invalid' satisfies LoginFormError });
		if (result.status === 'revokedDevice') redirect(303, '/login?wiped=1');
		// The plain form names no device, so no device can be another user's here; said plainly if so.
		if (result.status === 'deviceTaken') return fail(409, { username, error: 'deviceTaken' satisfies LoginFormError });
		setSessionCookie(cookies, result.token);
		redirect(303, destinationAfterSignIn(result.user.role, url.searchParams.get('next')));
	}
};
