import { error } from '@sveltejs/kit';
import { upcomingTeamDays, DAYS_AHEAD } from '$lib/server/queries/today.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'Sign in required');
	return { teamDays: await upcomingTeamDays(locals.user.id), daysAhead: DAYS_AHEAD };
};
