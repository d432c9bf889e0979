/**
 * The `record_versions` rows of a change to a device-authored record: the version it replaces (a
 * record's first version lives only in its row until then) and the new one, both merge bases for a
 * device that edits from them. Write them with ON CONFLICT DO NOTHING: the replaced one is usually
 * stored already.
 */
import type { recordVersions } from '../db/schema.ts';
import { toWire } from './wireRecords.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type VersionRow = typeof recordVersions.$inferInsert;

export function versionsOfChange(
	entity: SyncEntity,
	before: Record<string, unknown>,
	after: { version: number; data: Record<string, unknown>; userId: string | null }
): VersionRow[] {
	const replaced = Number(before.version);
	// The author of a first version is the record's; a later one's row is already stored with its own.
	const author = replaced === 1 ? ((before.createdBy as string | undefined) ?? null) : null;
	const recordId = before.id as string;
	return [
		{ entity, recordId, version: replaced, data: toWire(entity, before).data, userId: author },
		{ entity, recordId, version: after.version, data: after.data, userId: after.userId }
	];
}
