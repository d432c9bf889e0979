import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { revokeSession, SESSION_COOKIE } from '$lib/server/auth/sessions.ts';
import { audit } from '$lib/server/audit/log.ts';
import type { Done } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionHash && locals.user) {
		const database = await db();
		await revokeSession(database, locals.sessionHash);
		await audit(database, {
			userId: locals.user.id,
			action: 'auth.sign_out',
			entity: 'user',
			recordId: locals.user.id
		});
	}
	cookies.delete(SESSION_COOKIE, { path: '/' });
	return json({ ok: true } satisfies Done);
};
