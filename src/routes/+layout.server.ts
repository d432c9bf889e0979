import { readConfig } from '$lib/server/config.ts';
import { startup } from '$lib/server/startup.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const { demoData } = await startup();
	return { user: locals.user, demoData, tileUrl: readConfig().tileUrl };
};
