/**
 * The audit entry of an export (domain/privacy/purposes.ts): who received what — which tables,
 * which fields, how many rows — for which purpose. Field names and counts only, never values.
 */
import type { Db } from '../db/index.ts';
import { audit } from '../audit/log.ts';
import type { ExportPurpose } from '../../domain/privacy/purposes.ts';

export type ExportedPart = {
	/** The table or entity as the export names it (`referral`, `coverage.totals`). */
	table: string;
	count: number;
	/** The fields that went out; omitted when the part is an aggregate table (its columns are counts). */
	fields?: readonly string[];
	/** Tagged fields left out for the purpose. */
	withheld?: readonly string[];
};

export function exportSummary(purpose: ExportPurpose, parts: readonly ExportedPart[], extra = ''): string {
	const described = parts.map((part) =>
		[
			`${part.table}:count=${part.count}`,
			part.fields ? `fields=${part.fields.join('|')}` : '',
			part.withheld?.length ? `withheld=${part.withheld.join('|')}` : ''
		]
			.filter(Boolean)
			.join(';')
	);
	return [`purpose=${purpose}`, `parts=${described.join(',')}`, extra].filter(Boolean).join(' ');
}

export async function auditExport(
	db: Db,
	entry: {
		userId: string;
		action: string;
		entity?: string;
		recordId?: string;
		purpose: ExportPurpose;
		parts: readonly ExportedPart[];
		extra?: string;
	}
): Promise<void> {
	await audit(db, {
		userId: entry.userId,
		action: entry.action,
		entity: entry.entity ?? null,
		recordId: entry.recordId ?? null,
		summary: exportSummary(entry.purpose, entry.parts, entry.extra)
	});
}
