/**
 * Where a pushed mutation's bookkeeping goes. A mutation applied alone writes it at once. A batch
 * keeps its record versions, feed rows and audit entries and writes them together at its end (one
 * counter step, one audit-head lock, multi-row inserts), inserts its new inspections and persons
 * together, and locks and reads the records it names up front, one query per entity.
 */
import { inArray } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import type { Mutation } from '../../domain/sync/wire.ts';
import type { ChangeInput } from './changeFeed.ts';
import type { AuditEntry } from '../audit/log.ts';
import { ledger, type SyncedRow } from '../records/syncedWrite.ts';
import type { VersionRow } from './versions.ts';
import { cacheLookups, isFieldEntity, type FieldEntity } from './fieldRules.ts';
import { entityTables } from './wireRecords.ts';
import type { Bookkeeping } from './applyMutation.ts';

type Row = Record<string, unknown>;

/** For a mutation applied in its own transaction. */
export function immediate(tx: Tx): Bookkeeping {
	return { ...ledger(tx), pendingVersion: () => null, prefetched: () => undefined, written: () => {} };
}

export type BatchBookkeeping = Bookkeeping & {
	/** Inserts the new records held back, unless the mutation is one of them: its checks may read them. */
	readyFor(mutation: Mutation): Promise<void>;
	/** Writes everything held: the end of the batch. */
	flush(): Promise<void>;
};

// New records of these kinds are inserted together: nothing in a batch reads them back except a
// person's parent inspection, which the lookup cache holds. Any other kind of mutation writes
// them out first, so its checks see every record of the batch before it.
const heldKinds = ['inspection', 'screenedPerson'] as const satisfies readonly FieldEntity[];
const isHeld = (entity: string): entity is (typeof heldKinds)[number] =>
	(heldKinds as readonly string[]).includes(entity);

/** For a batch applied in one transaction; `mutations` are those not applied before. */
export async function batchBookkeeping(tx: Tx, mutations: readonly Mutation[]): Promise<BatchBookkeeping> {
	const out = ledger(tx);
	const lookups = cacheLookups(tx);
	const named = namedCounts(mutations);
	const prefetched = await prefetchRecords(tx, mutations, named);
	const held = new Map<string, Row[]>(heldKinds.map((kind) => [kind, []]));
	const versions: VersionRow[] = [];
	const changes: ChangeInput[] = [];
	const audits: AuditEntry[] = [];
	const insertHeld = async () => {
		// Parents first: a person's inspection may be among them.
		for (const kind of heldKinds) {
			await out.insert(kind, held.get(kind)!);
			held.set(kind, []);
		}
	};
	return {
		insert: async (entity, rows) => {
			const [row] = rows;
			if (rows.length === 1 && isHeld(entity) && named.get(`${entity}:${row!.id}`) === 1) {
				held.get(entity)!.push(row!);
				if (entity === 'inspection') lookups.remember(row!.id as string, { deletedAt: null, ...row });
				return;
			}
			await out.insert(entity, rows);
		},
		versions: async (rows) => void versions.push(...rows),
		changes: async (rows) => void changes.push(...rows),
		audits: async (entries) => void audits.push(...entries),
		pendingVersion: (entity, recordId, version) =>
			(versions.find((v) => v.entity === entity && v.recordId === recordId && v.version === version)?.data as
				Row | undefined) ?? null,
		prefetched: <E extends FieldEntity>(entity: E, recordId: string) =>
			prefetched.get(`${entity}:${recordId}`) as SyncedRow<E> | null | undefined,
		written: (recordId) => lookups.forget(recordId),
		readyFor: async (mutation) => {
			if (!isHeld(mutation.entity)) await insertHeld();
		},
		flush: async () => {
			await insertHeld();
			await out.versions(versions);
			await out.changes(changes);
			await out.audits(audits);
		}
	};
}

/** How often each record (`entity:id`) is named by the mutations. */
function namedCounts(mutations: readonly Mutation[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const m of mutations) counts.set(`${m.entity}:${m.id}`, (counts.get(`${m.entity}:${m.id}`) ?? 0) + 1);
	return counts;
}

/**
 * Locks and reads, one query per entity, the records the batch names once each (a record named
 * twice is read when its turn comes, as it may have changed in between).
 */
async function prefetchRecords(
	tx: Tx,
	mutations: readonly Mutation[],
	named: Map<string, number>
): Promise<Map<string, Row | null>> {
	const byEntity = new Map<FieldEntity, string[]>();
	for (const m of mutations) {
		if (named.get(`${m.entity}:${m.id}`) !== 1 || !isFieldEntity(m.entity)) continue;
		byEntity.set(m.entity, [...(byEntity.get(m.entity) ?? []), m.id]);
	}
	const found = new Map<string, Row | null>();
	for (const [entity, ids] of byEntity) {
		const table = entityTables[entity] as typeof entityTables.inspection;
		for (const id of ids) found.set(`${entity}:${id}`, null);
		const rows: Row[] = await tx.select().from(table).where(inArray(table.id, ids)).orderBy(table.id).for('update');
		for (const row of rows) found.set(`${entity}:${row.id as string}`, row);
	}
	return found;
}
