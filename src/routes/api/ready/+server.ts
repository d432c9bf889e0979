import { json } from '@sveltejs/kit';
import { readiness } from '$lib/server/readiness.ts';
import type { RequestHandler } from './$types';

/** 200 while this process should get traffic; 503 with a reason code (never an error's text) otherwise. */
export const GET: RequestHandler = async () => {
	const state = await readiness();
	const headers = { 'cache-control': 'no-store' };
	if (state.ready) return json({ status: 'ready' }, { headers });
	return json({ status: 'unavailable', reason: state.reason }, { status: 503, headers });
};
