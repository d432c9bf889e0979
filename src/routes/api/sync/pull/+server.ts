import { json } from '@sveltejs/kit';
import { pullQuerySchema } from '$lib/domain/sync/wire.ts';
import { db } from '$lib/server/db/index.ts';
import { scopeOf } from '$lib/server/sync/scope.ts';
import { CursorExpired, pullPage } from '$lib/server/sync/pull.ts';
import { errorResponse, handleErrors, readQuery } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, locals }) =>
	handleErrors(async () => {
		const { cursor, limit } = readQuery(url, pullQuerySchema);
		const database = await db();
		try {
			const page = await pullPage(database, await scopeOf(database, locals.user!), cursor, limit);
			return json(page, { headers: { 'cache-control': 'no-store' } });
		} catch (error) {
			if (error instanceof CursorExpired) return errorResponse(410, 'cursor too old: start a full resync', 'cursor');
			throw error;
		}
	});
