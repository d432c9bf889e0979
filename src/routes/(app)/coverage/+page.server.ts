import { REPORTING_TIME_ZONE, todayIn } from '$lib/domain/coverage/filters.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { coverageDashboard } from '$lib/server/coverage/views.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { filters, error } = readFilterQuery(url.searchParams);
	return {
		filters,
		filterError: error,
		...(await coverageDashboard(await db(), filters, todayIn(REPORTING_TIME_ZONE)))
	};
};
