import { reportingToday } from '$lib/server/coverage/counted.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { coverageReportTables } from '$lib/server/coverage/views.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { filters, error } = readFilterQuery(url.searchParams);
	return {
		filters,
		filterError: error,
		...(await coverageReportTables(await db(), filters, reportingToday()))
	};
};
