/**
 * Appends rows to the change feed. `seq` comes from the one-row counter updated inside the caller's
 * transaction, so feed order equals commit order and a cursor never skips a late commit.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { changes } from '../db/schema.ts';
import { firstRow } from '../db/rows.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type ChangeInput = {
	entity: SyncEntity;
	recordId: string;
	op: 'upsert' | 'delete';
	version: number;
	teamId?: string | null;
	operationId?: string | null;
	userId?: string | null;
	restricted?: boolean;
};

/** `tx` must be a transaction: the counter row stays locked until it commits. */
export async function appendChanges(tx: Db, rows: ChangeInput[]): Promise<number[]> {
	if (rows.length === 0) return [];
	const result = await tx.execute(sql`UPDATE sync_counter SET seq = seq + ${rows.length} WHERE id = 1 RETURNING seq`);
	const last = Number(firstRow<{ seq: string | number }>(result).seq);
	const first = last - rows.length + 1;
	const values = rows.map((row, i) => ({
		seq: first + i,
		entity: row.entity,
		recordId: row.recordId,
		op: row.op,
		version: row.version,
		teamId: row.teamId ?? null,
		operationId: row.operationId ?? null,
		userId: row.userId ?? null,
		restricted: row.restricted ?? false
	}));
	await bulkInsert(tx, changes, values);
	return values.map((v) => v.seq);
}
