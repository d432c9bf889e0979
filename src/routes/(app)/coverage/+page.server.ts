import { reportingToday } from '$lib/server/coverage/counted.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { coverageDashboard } from '$lib/server/coverage/views.ts';
import { overdueControls } from '$lib/server/labour/followUps.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { filters, error } = readFilterQuery(url.searchParams);
	const database = await db();
	const today = reportingToday();
	return {
		filters,
		filterError: error,
		...(await coverageDashboard(database, filters, today)),
		// Flagged to supervisors: an order to remedy nobody went back to check.
		overdueControls: await overdueControls(database, today)
	};
};
