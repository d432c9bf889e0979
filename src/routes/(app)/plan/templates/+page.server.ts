import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { SessionUser } from '$lib/domain/auth.ts';
import { defaultTemplate } from '$lib/domain/checklist/defaultTemplate.ts';
import {
	listPublishedTemplates,
	nextVersion,
	publishedDefinition,
	publishTemplate,
	TemplateRejected,
	type TemplateIssue
} from '$lib/server/templates/publish.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

// The route guard already limits the page; checking again means a change to the guard table
// cannot open template publishing to other roles.
function requirePublisher(locals: App.Locals): SessionUser {
	if (locals.user?.role !== 'planner' && locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	return locals.user;
}

const startFrom = z.object({ from: z.uuid(), version: z.coerce.number().int().min(1) });

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePublisher(locals);
	const published = await listPublishedTemplates();
	const asked = startFrom.safeParse({ from: url.searchParams.get('from'), version: url.searchParams.get('version') });
	const base = asked.success
		? asked.data
		: published[0]
			? { from: published[0].templateId, version: published[0].version }
			: null;
	const definition = (base && (await publishedDefinition(base.from, base.version))) ?? defaultTemplate;
	// A new template keeps the chosen one's content as a starting point, under a new id.
	const fresh = url.searchParams.has('new') || !base;
	const id = fresh ? randomUUID() : definition.id;
	const version = fresh ? 1 : await nextVersion(definition.id);
	return { published, draft: JSON.stringify({ ...definition, id, version }, null, 2) };
};

export const actions: Actions = {
	publish: async ({ locals, request }) => {
		const actor = requirePublisher(locals);
		const form = await request.formData();
		const draft = String(form.get('definition') ?? '');
		const failWith = (status: 400 | 422, issues: TemplateIssue[]) => fail(status, { draft, issues });
		if (draft.trim() === '') return failWith(400, [{ path: '', message: m.template_error_empty() }]);
		let definition: unknown;
		try {
			definition = JSON.parse(draft);
		} catch (thrown) {
			return failWith(400, [{ path: '', message: m.template_error_json({ reason: (thrown as Error).message }) }]);
		}
		try {
			const published = await publishTemplate(actor, definition);
			const title = (definition as { title: Record<string, string> }).title;
			return { published: { ...published, title } };
		} catch (thrown) {
			if (thrown instanceof TemplateRejected) return failWith(422, thrown.issues);
			throw thrown;
		}
	}
};
