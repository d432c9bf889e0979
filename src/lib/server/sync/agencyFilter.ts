/**
 * What of the checklist leaves the server for one user: the items their agency may not read
 * (server/auth/accessPolicy.ts) are taken out of the templates and their answers out of the visits
 * and persons, in the pull and in a push's `server` copy. A labour inspector's phone never holds the
 * police's observations; the push keeps them as stored (applyMutation.ts, `keepWithheldAnswers`).
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { Change } from '../../domain/sync/wire.ts';
import { templateSchema } from '../../domain/checklist/template.ts';
import { answersFor, templateFor, withheldAnswers } from '../../domain/checklist/ownership.ts';
import { checklistOwnersFor } from '../../domain/accessPolicy.ts';
import { itemsClosedTo, itemsHiddenFrom } from '../auth/accessPolicy.ts';
import { reject } from './rejection.ts';
import { publishedTemplate } from '../templates/published.ts';

type Data = Record<string, unknown>;
type TemplateRef = { templateId: string; templateVersion: number };

const refOf = (data: Data): TemplateRef => ({
	templateId: String(data.templateId),
	templateVersion: Number(data.templateVersion)
});

export async function limitToAgency(db: Db, user: SessionUser, changes: Change[]): Promise<Change[]> {
	const parents = await templatesOfParents(db, changes);
	const out: Change[] = [];
	for (const change of changes) {
		if (change.op !== 'upsert' || !change.data) {
			out.push(change);
			continue;
		}
		out.push({ ...change, data: await limitRecord(db, user, change.entity, change.data, parents) });
	}
	return out;
}

/** One record's wire data as the user may see it; `parents` gives a person's visit's template. */
export async function limitRecord(
	db: Db,
	user: SessionUser,
	entity: string,
	data: Data,
	parents: ReadonlyMap<string, TemplateRef> = new Map()
): Promise<Data> {
	if (entity === 'checklistTemplate') {
		const template = templateSchema.safeParse(data.definition);
		if (!template.success) return data;
		return { ...data, definition: templateFor(template.data, checklistOwnersFor(user, 'read')) };
	}
	const ref =
		entity === 'inspection'
			? refOf(data)
			: entity === 'screenedPerson'
				? (parents.get(String(data.inspectionId)) ?? (await parentTemplate(db, String(data.inspectionId))))
				: undefined;
	if (!ref || typeof data.answers !== 'object' || data.answers === null) return data;
	const template = await publishedTemplate(db, ref.templateId, Number(ref.templateVersion));
	if (!template) return data;
	return { ...data, answers: answersFor(data.answers as Data, itemsHiddenFrom(user, template)) };
}

/** The template each person's visit was recorded with: from the same page when it is there, else read. */
async function templatesOfParents(db: Db, changes: Change[]): Promise<Map<string, TemplateRef>> {
	const refs = new Map<string, TemplateRef>();
	for (const change of changes)
		if (change.entity === 'inspection' && change.data) refs.set(change.id, refOf(change.data));
	const missing = [
		...new Set(
			changes
				.filter((change) => change.entity === 'screenedPerson' && change.data)
				.map((change) => String(change.data!.inspectionId))
				.filter((id) => !refs.has(id))
		)
	];
	if (missing.length) {
		const rows = await db
			.select({ id: inspections.id, templateId: inspections.templateId, templateVersion: inspections.templateVersion })
			.from(inspections)
			.where(inArray(inspections.id, missing));
		for (const row of rows) refs.set(row.id, row);
	}
	return refs;
}

async function parentTemplate(db: Db, inspectionId: string): Promise<TemplateRef | undefined> {
	const change: Change = { entity: 'screenedPerson', id: '', op: 'upsert', version: 0, data: { inspectionId } };
	return (await templatesOfParents(db, [change])).get(inspectionId);
}

/**
 * A pushed visit's or person's answers as the server stores them: an answer to an item the user may
 * not write is refused naming it, and the stored answers the user's device never received are kept
 * as stored. Without this a labour inspector's push of the visit would wipe the police's answers: the
 * device sends its whole answers map, and the three-way merge reads a key it lacks as deleted.
 */
export async function keepWithheldAnswers<D extends { answers: Data }>(
	db: Db,
	user: SessionUser,
	entity: string,
	data: D,
	stored: { answers: unknown } | null
): Promise<D> {
	const fields: Data = data;
	const ref =
		entity === 'inspection'
			? refOf(fields)
			: entity === 'screenedPerson'
				? await parentTemplate(db, String(fields.inspectionId))
				: undefined;
	if (!ref) return data;
	// An unpublished version is refused by the entity's rule, naming it.
	const template = await publishedTemplate(db, ref.templateId, Number(ref.templateVersion));
	if (!template) return data;
	const closed = itemsClosedTo(user, template);
	const refused = Object.keys(data.answers).find((id) => closed.has(id));
	if (refused !== undefined) reject(`data.answers.${refused}`, 'this checklist item is not your agency’s to answer');
	const hidden = itemsHiddenFrom(user, template);
	const withheld = stored && typeof stored.answers === 'object' ? withheldAnswers(stored.answers as Data, hidden) : {};
	return Object.keys(withheld).length ? { ...data, answers: { ...data.answers, ...withheld } } : data;
}
