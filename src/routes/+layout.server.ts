import { readConfig } from '$lib/server/config.ts';
import { startup } from '$lib/server/startup.ts';
import { childRadiusMetres } from '$lib/server/register/settings.ts';
import { mapSources } from '$lib/server/basemap/file.ts';
import { decideAccess } from '$lib/server/auth/routeAccess.ts';
import type { AppShell } from '$lib/domain/views/auth.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { demoData } = await startup();
	const config = readConfig();
	const { basemap, tileUrl } = await mapSources(config);
	const readsMaps = locals.user !== null && decideAccess('/api/basemap', locals.user.role) === 'allow';
	return {
		user: locals.user,
		demoData,
		tileUrl,
		basemap: basemap && readsMaps ? { url: '/api/basemap', etag: basemap.etag } : null,
		deploymentBounds: config.deploymentBounds,
		lockAfterMs: config.lockAfterMinutes * 60_000,
		childRadiusMetres: childRadiusMetres(),
		reportingTimeZone: config.reportingTimeZone
	} satisfies AppShell;
};
