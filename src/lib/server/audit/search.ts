/** Searching the audit log for the admin screen: newest first, filtered, in bounded pages. */
import { and, desc, eq, gte, ilike, lt, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { auditLog, users } from '../db/schema.ts';
import type { AuditPage } from '../../domain/views/admin.ts';

export const auditQuerySchema = z.object({
	username: z
		.string()
		.trim()
		.max(40)
		.optional()
		.transform((v) => v || undefined),
	action: z
		.string()
		.trim()
		.max(80)
		.optional()
		.transform((v) => v || undefined),
	recordId: z
		.string()
		.trim()
		.max(80)
		.optional()
		.transform((v) => v || undefined),
	from: z.iso
		.date('from must be a date (YYYY-MM-DD)')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	to: z.iso
		.date('to must be a date (YYYY-MM-DD)')
		.optional()
		.or(z.literal('').transform(() => undefined)),
	before: z.coerce.number().int().positive().optional()
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const AUDIT_PAGE = 100;

export async function searchAudit(db: Db, query: AuditQuery): Promise<AuditPage> {
	const conditions: SQL[] = [];
	if (query.username) conditions.push(eq(users.username, query.username.toLowerCase()));
	if (query.action) conditions.push(ilike(auditLog.action, `${likeLiteral(query.action)}%`));
	if (query.recordId) conditions.push(eq(auditLog.recordId, query.recordId));
	if (query.from) conditions.push(gte(auditLog.at, new Date(`${query.from}T00:00:00Z`)));
	if (query.to) conditions.push(lte(auditLog.at, new Date(`${query.to}T23:59:59.999Z`)));
	if (query.before) conditions.push(lt(auditLog.seq, query.before));
	const rows = await db
		.select({
			seq: auditLog.seq,
			at: auditLog.at,
			username: users.username,
			action: auditLog.action,
			entity: auditLog.entity,
			recordId: auditLog.recordId,
			summary: auditLog.summary,
			hash: auditLog.hash
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(conditions.length ? and(...conditions) : undefined)
		.orderBy(desc(auditLog.seq))
		.limit(AUDIT_PAGE + 1);
	return {
		entries: rows.slice(0, AUDIT_PAGE).map((row) => ({ ...row, at: row.at.toISOString() })),
		nextBefore: rows.length > AUDIT_PAGE ? rows[AUDIT_PAGE - 1]!.seq : null
	};
}

/**
 * The text as a LIKE pattern matching exactly itself: `_` and `%` are wildcards, escaped with a
 * backslash (PostgreSQL's default escape character); most actions hold a `_` (`auth.sign_in`).
 */
export function likeLiteral(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
