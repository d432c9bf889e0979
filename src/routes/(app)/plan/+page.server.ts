import { redirect } from '@sveltejs/kit';
import { planInputSchema } from '$lib/domain/planning/schemas.ts';
import { readPlanListQuery } from '$lib/domain/planning/planList.ts';
import { OPERATIONS_TIME_ZONE } from '$lib/domain/field/teamDays.ts';
import { todayIn } from '$lib/domain/coverage/filters.ts';
import { db } from '$lib/server/db/index.ts';
import { planOverviews } from '$lib/server/planning/overview.ts';
import { createPlan } from '$lib/server/planning/plans.ts';
import { municipalityChoices } from '$lib/server/planning/operationDetail.ts';
import { formAction } from '$lib/server/formAction.ts';
import { followUpsDue } from '$lib/server/labour/followUps.ts';
import { possibleReopenings } from '$lib/server/register/networks.ts';
import { keepsRegister } from '$lib/server/register/access.ts';
import { readForm } from '$lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

/** The planners' queue shows the newest few; the register lists them all. */
const REOPENINGS_SHOWN = 5;

export const load: PageServerLoad = async ({ url, locals }) => {
	const { query, error } = readPlanListQuery(url.searchParams);
	const database = await db();
	const today = todayIn(OPERATIONS_TIME_ZONE);
	const overview = await planOverviews(database, query, today, locals.user!);
	return {
		...overview,
		// The page actually shown: a page past the last one shows the last.
		query: { ...query, page: overview.page },
		queryError: error,
		municipalities: await municipalityChoices(database),
		followUps: await followUpsDue(database, today, undefined, locals.user!),
		reopenings: keepsRegister(locals.user!) ? await reopeningsQueue(database) : null
	};
};

async function reopeningsQueue(database: Awaited<ReturnType<typeof db>>) {
	const all = await possibleReopenings(database);
	return { shown: all.slice(0, REOPENINGS_SHOWN), more: Math.max(all.length - REOPENINGS_SHOWN, 0) };
}

export const actions: Actions = {
	createPlan: ({ request, locals }) =>
		formAction('createPlan', async () => {
			const { id } = await createPlan(await db(), locals.user!, await readForm(request, planInputSchema));
			redirect(303, `/plan/${id}`);
		})
};
