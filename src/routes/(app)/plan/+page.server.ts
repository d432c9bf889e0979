import { redirect } from '@sveltejs/kit';
import { planInputSchema } from '$lib/domain/planning/schemas.ts';
import { readPlanListQuery } from '$lib/domain/planning/planList.ts';
import { OPERATIONS_TIME_ZONE } from '$lib/domain/field/teamDays.ts';
import { todayIn } from '$lib/domain/coverage/filters.ts';
import { db } from '$lib/server/db/index.ts';
import { planOverviews } from '$lib/server/planning/overview.ts';
import { createPlan } from '$lib/server/planning/plans.ts';
import { municipalityChoices } from '$lib/server/planning/operationDetail.ts';
import { formText, planningAction } from '$lib/server/planning/formAction.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const { query, error } = readPlanListQuery(url.searchParams);
	const database = await db();
	const overview = await planOverviews(database, query, todayIn(OPERATIONS_TIME_ZONE));
	return {
		...overview,
		// The page actually shown: a page past the last one shows the last.
		query: { ...query, page: overview.page },
		queryError: error,
		municipalities: await municipalityChoices(database)
	};
};

export const actions: Actions = {
	createPlan: async ({ request, locals }) => {
		const form = await request.formData();
		const input = {
			title: formText(form, 'title'),
			objective: formText(form, 'objective'),
			periodStart: formText(form, 'periodStart'),
			periodEnd: formText(form, 'periodEnd'),
			municipalityIds: form.getAll('municipalityIds').filter((v) => typeof v === 'string')
		};
		const result = await planningAction('createPlan', planInputSchema, input, async (plan) => createPlan(await db(), locals.user!, plan));
		if ('ok' in result && result.ok) redirect(303, `/plan/${(result.data as { id: string }).id}`);
		return result;
	}
};
