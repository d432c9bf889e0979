import { json } from '@sveltejs/kit';
import { pullQuerySchema } from '$lib/domain/sync/wire.ts';
import { db } from '$lib/server/db/index.ts';
import { scopeOf } from '$lib/server/sync/scope.ts';
import { CursorExpired, pullPage } from '$lib/server/sync/pull.ts';
import { errorResponse } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = pullQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return errorResponse(400, issue?.message ?? 'invalid query', String(issue?.path[0] ?? 'cursor'));
	}
	const database = await db();
	try {
		const page = await pullPage(database, await scopeOf(database, locals.user!), parsed.data.cursor, parsed.data.limit);
		return json(page, { headers: { 'cache-control': 'no-store' } });
	} catch (error) {
		if (error instanceof CursorExpired) return errorResponse(410, 'cursor too old: start a full resync', 'cursor');
		throw error;
	}
};
