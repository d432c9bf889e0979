/**
 * Publishing checklist templates. A published version is immutable: a change is a new version of
 * the same template id (the next number), or a new template id starting at 1. Rows are only ever
 * inserted, each with its change-feed row (templates are reference data every device pulls) and
 * its audit entry, in one transaction. Inspections name the version they were begun with, and the
 * server validates their answers against that version, so old drafts stay valid.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, max } from 'drizzle-orm';
import { db as openDb, type Db } from '../db/index.ts';
import { checklistTemplates, users } from '../db/schema.ts';
import { templateSchema, type ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { Text } from '../../domain/text.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { insertSynced } from '../records/syncedWrite.ts';

export type PublishedTemplate = {
	rowId: string;
	templateId: string;
	version: number;
	title: Text;
	publishedAt: Date;
	publishedBy: string | null;
};

/** A problem with a template, at a path a person can find in the JSON (`sections[2].items[0].id`). */
export type TemplateIssue = { path: string; message: string };

export class TemplateRejected extends Error {
	constructor(readonly issues: TemplateIssue[]) {
		super(issues.map((issue) => `${issue.path || '(template)'}: ${issue.message}`).join('; '));
		this.name = 'TemplateRejected';
	}
}

/** Newest first: the order in which a planner looks for the version to build on. */
export async function listPublishedTemplates(database?: Db): Promise<PublishedTemplate[]> {
	const db = database ?? (await openDb());
	const rows = await db
		.select({
			rowId: checklistTemplates.id,
			templateId: checklistTemplates.templateId,
			version: checklistTemplates.templateVersion,
			definition: checklistTemplates.definition,
			publishedAt: checklistTemplates.publishedAt,
			publishedBy: users.displayName
		})
		.from(checklistTemplates)
		.leftJoin(users, eq(users.id, checklistTemplates.publishedBy))
		.orderBy(desc(checklistTemplates.publishedAt), desc(checklistTemplates.templateVersion));
	return rows.map(({ definition, ...row }) => ({ ...row, title: (definition as ChecklistTemplate).title }));
}

/** One published version's definition, to start the next version from. */
export async function publishedDefinition(
	templateId: string,
	version: number,
	database?: Db
): Promise<ChecklistTemplate | null> {
	const db = database ?? (await openDb());
	const [row] = await db
		.select({ definition: checklistTemplates.definition })
		.from(checklistTemplates)
		.where(and(eq(checklistTemplates.templateId, templateId), eq(checklistTemplates.templateVersion, version)));
	return row ? (row.definition as ChecklistTemplate) : null;
}

/** The version the next publication of `templateId` must carry: one more than the highest, or 1. */
export async function nextVersion(templateId: string, database?: Db): Promise<number> {
	const db = database ?? (await openDb());
	const [row] = await db
		.select({ highest: max(checklistTemplates.templateVersion) })
		.from(checklistTemplates)
		.where(eq(checklistTemplates.templateId, templateId));
	return (row?.highest ?? 0) + 1;
}

export function issuePath(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(joined, key) =>
			typeof key === 'number' ? `${joined}[${key}]` : joined ? `${joined}.${String(key)}` : String(key),
		''
	);
}

/**
 * Validates and publishes. The version in the definition must be the next one: asking for it
 * (rather than assigning it silently) means two planners editing at once cannot both publish
 * "the next version" with different contents — the second is told to start from the first's.
 */
export async function publishTemplate(
	actor: SessionUser,
	definition: unknown,
	database?: Db
): Promise<{ rowId: string; templateId: string; version: number }> {
	const parsed = templateSchema.safeParse(definition);
	if (!parsed.success) {
		throw new TemplateRejected(
			parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), message: issue.message }))
		);
	}
	const template = parsed.data;
	const db = database ?? (await openDb());
	try {
		return await db.transaction(async (tx) => {
			const expected = await nextVersion(template.id, tx);
			if (template.version !== expected) {
				throw new TemplateRejected([
					{
						path: 'version',
						message:
							expected === 1
								? 'a new template id starts at version 1'
								: `published versions never change: the next version of this template is ${expected}`
					}
				]);
			}
			const rowId = randomUUID();
			await insertSynced(tx, {
				entity: 'checklistTemplate',
				values: {
					id: rowId,
					templateId: template.id,
					templateVersion: template.version,
					definition: template,
					publishedBy: actor.id
				},
				scope: {},
				// The template's own version, not the row's: a published row never changes.
				audit: {
					userId: actor.id,
					action: 'template.publish',
					summary: () => `templateId=${template.id} version=${template.version} sections=${template.sections.length}`
				}
			});
			return { rowId, templateId: template.id, version: template.version };
		});
	} catch (error) {
		if (error instanceof TemplateRejected) throw error;
		// Another planner published the same version between our check and our insert.
		if ((await nextVersion(template.id, db)) > template.version) {
			throw new TemplateRejected([
				{ path: 'version', message: `version ${template.version} was published meanwhile; start from it` }
			]);
		}
		throw error;
	}
}
