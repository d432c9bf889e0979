import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { operationInputSchema, planInputSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { createOperation, deletePlan, updatePlan } from '$lib/server/planning/plans.ts';
import { agencyChoices, municipalityChoices, planDetail } from '$lib/server/planning/operationDetail.ts';
import { formText, planningAction } from '$lib/server/planning/formAction.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const database = await db();
	const plan = await planDetail(database, params.planId);
	if (!plan) error(404, 'No such plan');
	return { plan, agencies: await agencyChoices(database), municipalities: await municipalityChoices(database) };
};

export const actions: Actions = {
	updatePlan: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = {
			title: formText(form, 'title'),
			objective: formText(form, 'objective'),
			periodStart: formText(form, 'periodStart'),
			periodEnd: formText(form, 'periodEnd'),
			municipalityIds: form.getAll('municipalityIds').filter((v) => typeof v === 'string')
		};
		return planningAction('updatePlan', planInputSchema, input, async (plan) => updatePlan(await db(), locals.user!, params.planId, plan));
	},
	createOperation: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = Object.fromEntries(['title', 'date', 'startTime', 'endTime', 'area', 'leadAgencyId'].map((k) => [k, formText(form, k)]));
		const result = await planningAction('createOperation', operationInputSchema, input, async (operation) =>
			createOperation(await db(), locals.user!, params.planId, operation)
		);
		if ('ok' in result && result.ok) redirect(303, `/plan/operations/${(result.data as { id: string }).id}`);
		return result;
	},
	deletePlan: async ({ request, locals, params }) => {
		const form = await request.formData();
		// The planner ticks a box naming what goes with the plan: a stray click deletes nothing.
		const result = await planningAction('deletePlan', z.object({ confirm: z.literal('yes', 'tick the box to confirm') }), { confirm: formText(form, 'confirm') }, async () =>
			deletePlan(await db(), locals.user!, params.planId)
		);
		if ('ok' in result && result.ok) redirect(303, '/plan');
		return result;
	}
};
