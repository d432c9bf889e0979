import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { operationInputSchema, planInputSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { createOperation, deletePlan, updatePlan } from '$lib/server/planning/plans.ts';
import { agencyChoices, municipalityChoices, planDetail } from '$lib/server/planning/operationDetail.ts';
import { formAction } from '$lib/server/formAction.ts';
import { readForm } from '$lib/server/http.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const database = await db();
	const plan = await planDetail(database, params.planId, locals.user!);
	if (!plan) error(404, 'No such plan');
	return { plan, agencies: await agencyChoices(database), municipalities: await municipalityChoices(database) };
};

// The planner ticks a box naming what goes with the plan: a stray click deletes nothing.
const deleteConfirmSchema = z.object({ confirm: z.literal('yes', 'tick the box to confirm') });

export const actions: Actions = {
	updatePlan: ({ request, locals, params }) =>
		formAction('updatePlan', async () =>
			updatePlan(await db(), locals.user!, params.planId, await readForm(request, planInputSchema))
		),
	createOperation: ({ request, locals, params }) =>
		formAction('createOperation', async () => {
			const { id } = await createOperation(
				await db(),
				locals.user!,
				params.planId,
				await readForm(request, operationInputSchema)
			);
			redirect(303, `/plan/operations/${id}`);
		}),
	deletePlan: ({ request, locals, params }) =>
		formAction('deletePlan', async () => {
			await readForm(request, deleteConfirmSchema);
			await deletePlan(await db(), locals.user!, params.planId);
			redirect(303, '/plan');
		})
};
