import { redirect } from '@sveltejs/kit';
import { homePathFor } from '$lib/domain/navigation.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, homePathFor(locals.user.role));
};
