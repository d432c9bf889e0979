import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { erasePerson, searchPersons } from '$lib/server/privacy/personRecord.ts';
import { isFetchedCopy } from '$lib/server/viewRequest.ts';
import { UserInputError } from '$lib/server/errors.ts';
import { mapNationality, unmappedNationalities } from '$lib/server/nationality/mappings.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { url, locals } = event;
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	const q = (url.searchParams.get('q') ?? '').trim();
	const nationalities = await unmappedNationalities(await db());
	// The worker's copy of a page already seen (and audited) gets no records (viewRequest.ts).
	if (!q || isFetchedCopy(event)) return { q, persons: [], nationalities };
	return { q, persons: await searchPersons(await db(), locals.user.id, q), nationalities };
};

const eraseSchema = z.object({
	personId: z.uuid('personId must be a person id'),
	reason: z.string().trim().min(5, 'give the reason for the erasure (at least 5 characters)').max(200),
	confirm: z.literal('yes', 'tick the box to confirm')
});

const mapSchema = z.object({
	written: z.string().min(1, 'choose the value to map').max(200),
	code: z.string().min(1, 'choose a country')
});

export const actions: Actions = {
	mapNationality: async ({ request, locals }) => {
		if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
		const form = await request.formData();
		const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
		const parsed = mapSchema.safeParse({ written: text('written'), code: text('code') });
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, {
				written: text('written'),
				field: String(issue?.path[0] ?? 'body'),
				error: issue?.message ?? 'invalid'
			});
		}
		const { written, code } = parsed.data;
		try {
			const mapped = await mapNationality(await db(), locals.user.id, written, code);
			return { written, code, mapped };
		} catch (thrown) {
			if (thrown instanceof UserInputError)
				return fail(thrown.status, { written, field: thrown.field, error: thrown.message });
			throw thrown;
		}
	},
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
