import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '$lib/domain/auth.ts';
import { isPersonLanguage, personLanguages, type PersonLanguage } from '$lib/domain/personInfo/languages.ts';
import { personTextEditSchema } from '$lib/domain/personInfo/texts.ts';
import { helplineEditSchema } from '$lib/domain/personInfo/helplines.ts';
import type { AdminTextsPage } from '$lib/domain/views/personInfo.ts';
import { db } from '$lib/server/db/index.ts';
import { readForm } from '$lib/server/http.ts';
import { formAction } from '$lib/server/formAction.ts';
import { editPersonText, listPersonTexts, setPersonTextReviewed } from '$lib/server/personInfo/texts.ts';
import { listHelplines, removeHelpline, saveHelpline } from '$lib/server/personInfo/helplines.ts';
import type { Actions, PageServerLoad } from './$types';

// The route guard already limits this page to admins; checking again here means a change to the
// guard table cannot silently open the texts people are shown to other roles.
function requireAdmin(locals: App.Locals): SessionUser {
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	return locals.user;
}

const reviewSchema = z.object({ id: z.string(), reviewed: z.enum(['true', 'false']) });
const helplineSchema = helplineEditSchema.extend({ id: z.string() });
const removeSchema = z.object({ id: z.string() });

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const asked = url.searchParams.get('language') ?? '';
	const language: PersonLanguage = isPersonLanguage(asked) ? asked : personLanguages[0];
	const database = await db();
	const all = await listPersonTexts(database);
	const unreviewed = Object.fromEntries(
		personLanguages.map((code) => [
			code,
			latestOnly(all.filter((row) => row.language === code)).filter((row) => !row.reviewed).length
		])
	) as Record<PersonLanguage, number>;
	return {
		language,
		unreviewed,
		texts: all
			.filter((row) => row.language === language)
			.map((row) => ({
				...row,
				reviewedAt: row.reviewedAt?.toISOString() ?? null,
				createdAt: row.createdAt.toISOString()
			})),
		helplines: await listHelplines(database)
	} satisfies AdminTextsPage;
};

/** The newest version of each text. */
function latestOnly<T extends { kind: string; key: string; textVersion: number }>(rows: T[]): T[] {
	const newest = new Map<string, T>();
	for (const row of rows) {
		const held = newest.get(`${row.kind}:${row.key}`);
		if (!held || held.textVersion < row.textVersion) newest.set(`${row.kind}:${row.key}`, row);
	}
	return [...newest.values()];
}

export const actions: Actions = {
	edit: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('edit', async () =>
			editPersonText(await db(), admin, await readForm(request, personTextEditSchema))
		);
	},
	review: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('review', async () => {
			const { id, reviewed } = await readForm(request, reviewSchema);
			await setPersonTextReviewed(await db(), admin, id, reviewed === 'true');
			return { id };
		});
	},
	helpline: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('helpline', async () => {
			const { id, ...edit } = await readForm(request, helplineSchema);
			return { id: await saveHelpline(await db(), admin, edit, id || undefined) };
		});
	},
	removeHelpline: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		return formAction('removeHelpline', async () => {
			const { id } = await readForm(request, removeSchema);
			await removeHelpline(await db(), admin, id);
			return { id };
		});
	}
};
