/**
 * Publishes the default checklist, dated before the oldest demo inspection that answers it. A
 * version already published (by the server itself, say) is left untouched: published is immutable.
 */
import type { ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { Tx } from '../db/index.ts';
import { checklistTemplates } from '../db/schema.ts';
import { announce } from '../records/syncedWrite.ts';

export async function seedTemplate(
	tx: Tx,
	rowId: string,
	template: ChecklistTemplate,
	publishedAt: Date,
	publishedBy: string
): Promise<number> {
	const inserted = await tx
		.insert(checklistTemplates)
		.values({
			id: rowId,
			templateId: template.id,
			templateVersion: template.version,
			definition: template,
			publishedAt,
			publishedBy,
			createdAt: publishedAt,
			updatedAt: publishedAt
		})
		.onConflictDoNothing({ target: [checklistTemplates.templateId, checklistTemplates.templateVersion] })
		.returning({ id: checklistTemplates.id });
	await announce(
		tx,
		inserted.map((row) => ({
			entity: 'checklistTemplate' as const,
			recordId: row.id,
			op: 'upsert' as const,
			version: 1
		}))
	);
	return inserted.length;
}
