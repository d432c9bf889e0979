import { error } from '@sveltejs/kit';
import { mapData } from '$lib/server/queries/mapVenues.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	if (!locals.user) error(401, 'Sign in required');
	const [{ tileUrl }, { venues, childSites }] = await Promise.all([parent(), mapData()]);
	return { venues, childSites, tileUrl };
};
