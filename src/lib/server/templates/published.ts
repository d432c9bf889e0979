/**
 * A published checklist template read by its id and version, parsed once: published templates never
 * change (templates/publish.ts), so a parsed one is valid for the life of the process. Parsing, with
 * its cross-item checks, on every pushed or pulled record was the largest cost of a sync.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { checklistTemplates } from '../db/schema.ts';
import { templateSchema, type ChecklistTemplate } from '../../domain/checklist/template.ts';

const parsed = new Map<string, ChecklistTemplate>();

/** Null when that version is not published. */
export async function publishedTemplate(
	db: Db,
	templateId: string,
	version: number
): Promise<ChecklistTemplate | null> {
	const key = `${templateId}@${version}`;
	const known = parsed.get(key);
	if (known) return known;
	const [row] = await db
		.select({ definition: checklistTemplates.definition })
		.from(checklistTemplates)
		.where(and(eq(checklistTemplates.templateId, templateId), eq(checklistTemplates.templateVersion, version)));
	if (!row) return null;
	const template = templateSchema.parse(row.definition);
	parsed.set(key, template);
	return template;
}
