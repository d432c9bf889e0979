import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { reportingToday } from '$lib/server/coverage/counted.ts';
import { readFilterQuery } from '$lib/domain/coverage/query.ts';
import { db } from '$lib/server/db/index.ts';
import { municipalityDrillDown } from '$lib/server/coverage/views.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, 'Not found');
	const { filters, error: filterError } = readFilterQuery(url.searchParams, { municipalityId: params.id });
	const drillDown = await municipalityDrillDown(await db(), filters, reportingToday());
	if (!drillDown) error(404, 'Not found');
	return { filters, filterError, ...drillDown };
};
