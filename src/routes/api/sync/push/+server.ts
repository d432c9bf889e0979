import { json } from '@sveltejs/kit';
import { pushRequestSchema } from '$lib/domain/sync/wire.ts';
import { db } from '$lib/server/db/index.ts';
import { scopeOf } from '$lib/server/sync/scope.ts';
import { applyPush } from '$lib/server/sync/push.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	handleErrors(async () => {
		// A value the database cannot store refuses its mutation alone (push.ts), not the batch.
		const body = await readJson(request, pushRequestSchema, { perRecordText: true });
		const database = await db();
		const results = await applyPush(database, await scopeOf(database, locals.user!), body);
		return json({ results }, { headers: { 'cache-control': 'no-store' } });
	});
