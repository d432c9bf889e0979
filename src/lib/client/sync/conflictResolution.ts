/**
 * Resolving a conflict the server reported: per conflicting field the user keeps the device's
 * value or the server's. Field names follow the server's merge: a top-level field (`notes`) or
 * one item of a map merged per key (`answers.<itemId>`). The result is written as a new local
 * change on top of the record as the device now holds it (the server's version, or newer), so it
 * goes through the outbox and the server's merge like any other edit.
 */
import type { ConflictEntry, LocalDb } from '../db.ts';
import { outboxTables, recordLocalChange } from './outbox.ts';

export type Side = 'device' | 'server';
type Fields = Record<string, unknown>;

function isMap(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `answers.q7` → ['answers', 'q7']; a top-level name that itself holds a dot stays whole. */
function splitField(record: Fields, field: string): [string] | [string, string] {
	const dot = field.indexOf('.');
	if (dot < 0 || field in record) return [field];
	return [field.slice(0, dot), field.slice(dot + 1)];
}

/** The value a conflicting field has in one side's record; undefined where that side has none. */
export function valueAt(record: Fields, field: string): unknown {
	const [key, item] = splitField(record, field);
	if (item === undefined) return record[key];
	const map = record[key];
	return isMap(map) ? map[item] : undefined;
}

function withValue(record: Fields, field: string, value: unknown): Fields {
	const [key, item] = splitField(record, field);
	if (item === undefined) return { ...record, [key]: value };
	const map = isMap(record[key]) ? (record[key] as Fields) : {};
	const next = { ...map };
	if (value === undefined) delete next[item];
	else next[item] = value;
	return { ...record, [key]: next };
}

/**
 * The fields the device writes for this record, as they should be after resolving: the current
 * record's values with the device's value put back where the user chose it. Null when every
 * choice is the server's: the record already holds those values and there is nothing to send.
 */
export function resolvedData(
	conflict: Pick<ConflictEntry, 'fields' | 'device' | 'server'>,
	current: Fields | null,
	choices: Record<string, Side>
): Fields | null {
	const keep = conflict.fields.filter((field) => choices[field] === 'device');
	if (keep.length === 0) return null;
	const base = current ?? conflict.server;
	// Only the fields the device authors: server-kept columns (version, audit times) are not ours to send.
	let data: Fields = Object.fromEntries(
		Object.keys(conflict.device).map((key) => [key, base[key] ?? conflict.server[key] ?? null])
	);
	for (const field of keep) data = withValue(data, field, valueAt(conflict.device, field));
	return data;
}

/** Writes the chosen values as a local change and removes the conflict entry, in one transaction. */
export async function resolveConflict(
	db: LocalDb,
	key: number,
	choices: Record<string, Side>,
	userId: string
): Promise<void> {
	const entry = await db.conflicts.get(key);
	if (!entry) return;
	const table = db.records(entry.entity);
	await db.transaction('rw', [db.conflicts, ...outboxTables(db), table], async () => {
		const conflict = await db.conflicts.get(key);
		if (!conflict) return;
		const data = resolvedData(conflict, (await table.get(conflict.recordId)) ?? null, choices);
		if (data) await recordLocalChange(db, { entity: conflict.entity, id: conflict.recordId, data, userId });
		await db.conflicts.delete(key);
	});
}
