import { error } from '@sveltejs/kit';
import { mapData } from '$lib/server/register/mapVenues.ts';
import { deploymentBounds } from '$lib/server/register/settings.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	if (!locals.user) error(401, 'Sign in required');
	const [{ tileUrl }, map] = await Promise.all([parent(), mapData()]);
	const keepsRegister = locals.user.role === 'planner' || locals.user.role === 'admin';
	const exports = keepsRegister || locals.user.role === 'supervisor';
	return {
		...map,
		tileUrl,
		bounds: deploymentBounds(),
		can: { edit: keepsRegister, import: keepsRegister, export: exports }
	};
};
