/**
 * The one way planning writes touch a synced row: bump its version, append its change-feed row with
 * the scope devices are filtered by, and append the audit entry — all in the caller's transaction.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignments, operations, plans, teams } from '../db/schema.ts';
import { appendChanges, type ChangeInput } from '../sync/changeFeed.ts';
import { appendAudit } from '../audit/log.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { isUuid, requireUuid, UserInputError } from '../errors.ts';

const tables = { plan: plans, operation: operations, team: teams, assignment: assignments } as const;

/**
 * The four tables share id, version, updatedAt and deletedAt; drizzle cannot build a query over a
 * union of tables, so the query is built over one of them and the row typed by the caller's entity.
 */
const anyTable = (entity: PlanningEntity) => tables[entity] as unknown as typeof teams;
export type PlanningEntity = keyof typeof tables;

export { requireUuid };

/** Scope of a row on the feed: who may pull it (see sync/pull.ts). */
export type FeedScope = Pick<ChangeInput, 'teamId' | 'operationId' | 'userId'>;

export async function lockRow<E extends PlanningEntity>(tx: Db, entity: E, id: string): Promise<(typeof tables)[E]['$inferSelect']> {
	requireUuid(id, 'id', entity);
	const table = anyTable(entity);
	const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
	if (!row || row.deletedAt) throw new UserInputError('id', `no such ${entity}`, 404);
	return row as unknown as (typeof tables)[E]['$inferSelect'];
}

/** The live row, unlocked, or null: for reads outside a write. */
export async function readRow<E extends PlanningEntity>(db: Db, entity: E, id: string): Promise<(typeof tables)[E]['$inferSelect'] | null> {
	if (!isUuid(id)) return null;
	const table = anyTable(entity);
	const [row] = await db.select().from(table).where(eq(table.id, id));
	return row && !row.deletedAt ? (row as unknown as (typeof tables)[E]['$inferSelect']) : null;
}

type Write = {
	actor: SessionUser;
	entity: PlanningEntity;
	id: string;
	set?: Record<string, unknown>;
	/** Tombstones the row and sends devices a delete. */
	remove?: boolean;
	scope: FeedScope;
	action: string;
	summary?: string;
	/** Extra feed rows written before the row's own (e.g. a delete for the team it left). */
	before?: ChangeInput[];
};

/** Updates an existing row; returns its new version. */
export async function writeRow(tx: Db, write: Write): Promise<number> {
	const table = anyTable(write.entity);
	const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, write.id));
	const version = Number(current?.version ?? 0) + 1;
	const now = new Date();
	await tx
		.update(table)
		.set({ ...write.set, version, updatedAt: now, ...(write.remove ? { deletedAt: now } : {}) })
		.where(eq(table.id, write.id));
	await appendChanges(tx, [
		...(write.before ?? []),
		{ entity: write.entity, recordId: write.id, op: write.remove ? 'delete' : 'upsert', version, ...write.scope }
	]);
	await appendAudit(tx, {
		userId: write.actor.id,
		action: write.action,
		entity: write.entity,
		recordId: write.id,
		summary: `version=${version}${write.summary ? ` ${write.summary}` : ''}`
	});
	return version;
}

/** Records a row just inserted at version 1. */
export async function recordInsert(tx: Db, actor: SessionUser, entity: PlanningEntity, id: string, scope: FeedScope, summary = ''): Promise<void> {
	await appendChanges(tx, [{ entity, recordId: id, op: 'upsert', version: 1, ...scope }]);
	await appendAudit(tx, { userId: actor.id, action: `${entity}.create`, entity, recordId: id, summary: `version=1${summary ? ` ${summary}` : ''}` });
}

export function transaction<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
	return db.transaction((tx) => run(tx as unknown as Db));
}
