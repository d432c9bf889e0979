import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { readForm } from '$lib/server/http.ts';
import { formAction } from '$lib/server/formAction.ts';
import { referralUpdateSchema, referredPerson, updateReferredReferral } from '$lib/server/victimServices/referred.ts';
import { mayReadPerson } from '$lib/server/auth/accessPolicy.ts';
import { isFetchedCopy } from '$lib/server/viewRequest.ts';
import type { ReferredPersonPage } from '$lib/domain/views/referred.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	if (locals.user?.role !== 'victim_services') error(403, 'Not allowed for your role');
	// A person outside the scope is answered as missing, before anything else is read.
	if (!(await mayReadPerson(await db(), locals.user, { id: params.personId }))) error(404, 'Not found');
	if (isFetchedCopy(event)) return { copy: true as const };
	const page = await referredPerson(await db(), locals.user, params.personId);
	if (!page) error(404, 'Not found');
	return { copy: false as const, ...(page satisfies ReferredPersonPage) };
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		if (locals.user?.role !== 'victim_services') error(403, 'Not allowed for your role');
		const user = locals.user;
		if (!(await mayReadPerson(await db(), user, { id: params.personId }))) error(404, 'Not found');
		return formAction('update', async () => {
			const input = await readForm(request, referralUpdateSchema);
			return { referralId: input.referralId, version: await updateReferredReferral(await db(), user, input) };
		});
	}
};
