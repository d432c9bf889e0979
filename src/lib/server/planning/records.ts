/**
 * Reading plans, operations, teams and assignments by id: locked for a write (which goes through
 * records/syncedWrite.ts), or plain for a page.
 */
import type { Db, Tx } from '../db/index.ts';
import { lockSynced, readSynced, type SyncedRow } from '../records/syncedWrite.ts';
import { isUuid, requireUuid, UserInputError } from '../errors.ts';

export type PlanningEntity = 'plan' | 'operation' | 'team' | 'assignment';

/** The live row, locked for the rest of the transaction; a missing or tombstoned one answers 404. */
export async function lockRow<E extends PlanningEntity>(tx: Tx, entity: E, id: string): Promise<SyncedRow<E>> {
	requireUuid(id, 'id', entity);
	const row = await lockSynced(tx, entity, id);
	if (!row || row.deletedAt) throw new UserInputError('id', `no such ${entity}`, 404);
	return row;
}

/** The live row, unlocked, or null: for reads outside a write. */
export async function readRow<E extends PlanningEntity>(db: Db, entity: E, id: string): Promise<SyncedRow<E> | null> {
	if (!isUuid(id)) return null;
	const row = await readSynced(db, entity, id);
	return row && !row.deletedAt ? row : null;
}
