import { reportingToday } from '$lib/server/coverage/counted.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { coverageMap } from '$lib/server/coverage/views.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { filters, error } = readFilterQuery(url.searchParams);
	const [{ tileUrl }, map] = await Promise.all([parent(), coverageMap(await db(), filters, reportingToday())]);
	return { filters, filterError: error, tileUrl, ...map };
};
