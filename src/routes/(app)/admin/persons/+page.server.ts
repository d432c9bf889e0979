import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { erasePerson, searchPersons } from '$lib/server/privacy/personRecord.ts';
import { isFetchedCopy } from '$lib/server/viewRequest.ts';
import { UserInputError } from '$lib/server/errors.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url, locals } = event;
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	const q = (url.searchParams.get('q') ?? '').trim();
	// The worker's copy of a page already seen (and audited) gets no records (viewRequest.ts).
	if (!q || isFetchedCopy(event)) return { q, persons: [] };
	return { q, persons: await searchPersons(await db(), locals.user.id, q) };
};

const eraseSchema = z.object({
	personId: z.uuid('personId must be a person id'),
	reason: z.string().trim().min(5, 'give the reason for the erasure (at least 5 characters)').max(200),
	confirm: z.literal('yes', 'tick the box to confirm')
});

export const actions: Actions = {
	erase: async ({ request, locals }) => {
		if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
		const form = await request.formData();
		const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
		const parsed = eraseSchema.safeParse({
			personId: text('personId'),
			reason: text('reason'),
			confirm: text('confirm')
		});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, {
				personId: text('personId'),
				field: String(issue?.path[0] ?? 'body'),
				error: issue?.message ?? 'invalid'
			});
		}
		try {
			const erased = await erasePerson(await db(), locals.user.id, parsed.data.personId, parsed.data.reason);
			return { personId: parsed.data.personId, erased, already: !erased };
		} catch (thrown) {
			if (thrown instanceof UserInputError)
				return fail(thrown.status, { personId: parsed.data.personId, field: thrown.field, error: thrown.message });
			throw thrown;
		}
	}
};
