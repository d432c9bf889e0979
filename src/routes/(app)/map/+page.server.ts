import { error } from '@sveltejs/kit';
import { mapData } from '$lib/server/register/mapVenues.ts';
import { deploymentBounds } from '$lib/server/register/settings.ts';
import { possibleReopenings } from '$lib/server/register/networks.ts';
import { db } from '$lib/server/db/index.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	if (!locals.user) error(401, 'Sign in required');
	const keepsRegister = locals.user.role === 'planner' || locals.user.role === 'admin';
	const [{ tileUrl }, map, reopenings] = await Promise.all([
		parent(),
		mapData(),
		// Flagged to those who keep the register only: the links behind them are owners and phones.
		keepsRegister ? possibleReopenings(await db()) : []
	]);
	const exports = keepsRegister || locals.user.role === 'supervisor';
	return {
		...map,
		reopenings,
		tileUrl,
		bounds: deploymentBounds(),
		can: { edit: keepsRegister, import: keepsRegister, export: exports }
	};
};
