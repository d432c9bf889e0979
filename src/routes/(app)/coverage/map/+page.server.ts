import { REPORTING_TIME_ZONE, todayIn } from '$lib/domain/coverage/filters.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { coverageMap } from '$lib/server/coverage/views.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, parent }) => {
	const { filters, error } = readFilterQuery(url.searchParams);
	const [{ tileUrl }, map] = await Promise.all([
		parent(),
		coverageMap(await db(), filters, todayIn(REPORTING_TIME_ZONE))
	]);
	return { filters, filterError: error, tileUrl, ...map };
};
