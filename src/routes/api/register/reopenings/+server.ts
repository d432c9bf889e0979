import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { handleErrors } from '$lib/server/http.ts';
import { possibleReopenings } from '$lib/server/register/networks.ts';
import type { RequestHandler } from './$types';

/** Open venues that may be closed ones reopened: for those who keep the register (auth/routeAccess.ts). */
export const GET: RequestHandler = () =>
	handleErrors(async () => json(await possibleReopenings(await db()), { headers: { 'cache-control': 'no-store' } }));
