import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '$lib/domain/auth.ts';
import { violationKindEditSchema } from '$lib/domain/labour/violationKinds.ts';
import { db } from '$lib/server/db/index.ts';
import { readForm } from '$lib/server/http.ts';
import { formAction } from '$lib/server/formAction.ts';
import { listViolationKinds, saveViolationKind, setViolationKindActive } from '$lib/server/labour/violationKinds.ts';
import type { Actions, PageServerLoad } from './$types';

// The route guard already limits this page to admins; checked again so a change to the guard
// table cannot open the catalogue every labour inspector works from to other roles.
function requireAdmin(locals: App.Locals): SessionUser {
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	return locals.user;
}

const saveSchema = violationKindEditSchema.extend({ id: z.string() });
const activeSchema = z.object({ id: z.string(), active: z.enum(['true', 'false']) });

export const load: PageServerLoad = async ({ locals }) => {
	requireAdmin(locals);
	return { kinds: await listViolationKinds(await db()) };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('save', async () => {
			const { id, ...edit } = await readForm(request, saveSchema);
			return { id: await saveViolationKind(await db(), admin, edit, id || undefined) };
		});
	},
	active: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('active', async () => {
			const { id, active } = await readForm(request, activeSchema);
			await setViolationKindActive(await db(), admin, id, active === 'true');
			return { id };
		});
	}
};
