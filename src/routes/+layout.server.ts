import { readConfig } from '$lib/server/config.ts';
import { startup } from '$lib/server/startup.ts';
import { childRadiusMetres } from '$lib/server/register/settings.ts';
import type { AppShell } from '$lib/domain/views/auth.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { demoData } = await startup();
	const config = readConfig();
	return {
		user: locals.user,
		demoData,
		tileUrl: config.tileUrl,
		deploymentBounds: config.deploymentBounds,
		lockAfterMs: config.lockAfterMinutes * 60_000,
		childRadiusMetres: childRadiusMetres()
	} satisfies AppShell;
};
