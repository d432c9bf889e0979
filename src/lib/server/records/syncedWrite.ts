/**
 * The one way server code writes a synced record. A write stores the row at its new version and,
 * in the same transaction, the change-feed row devices pull it by (with the scope they are
 * filtered by), the audit entry and, where a device may edit from the version replaced, both
 * versions in `record_versions` as merge bases. A version on the feed is then always a version in
 * the audit trail, whichever module wrote it: the register, planning, templates, anonymisation or a
 * device's push.
 *
 * Writes to tables devices never receive (accounts, sessions, a photo's stored bytes) add only
 * their audit entry, through `audited` here too, so that the audit chain has one writer.
 */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { recordVersions } from '../db/schema.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import { appendChanges, type ChangeInput } from '../sync/changeFeed.ts';
import { appendAuditEntries, type AuditEntry } from '../audit/log.ts';
import { entityTables, toWire } from '../sync/wireRecords.ts';
import { versionsOfChange, type VersionRow } from '../sync/versions.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type SyncedTable<E extends SyncEntity> = (typeof entityTables)[E];
export type SyncedRow<E extends SyncEntity> = SyncedTable<E>['$inferSelect'];

/** Columns every synced table carries (db/schema.ts `synced`): set here, never by the caller. */
type Bookkept = 'id' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt';
/** The columns a change sets. */
export type SyncedColumns<E extends SyncEntity> = Partial<Omit<SyncedTable<E>['$inferInsert'], Bookkept>>;
/** A new record: its own columns and the id it is created under. */
export type NewSynced<E extends SyncEntity> = Omit<SyncedTable<E>['$inferInsert'], Bookkept> & { id: string };

/** Who may pull a change (sync/pull.ts). */
export type FeedScope = Pick<ChangeInput, 'teamId' | 'operationId' | 'userId' | 'restricted'>;

export type WriteAudit = {
	/** Who acted; null for the server itself (retention). */
	userId: string | null;
	action: string;
	/**
	 * What the entry says after the record's new version (`version=3 from=planned to=active`); or,
	 * for writers with a summary of their own (a device's push, a template's publication), a function
	 * of the version that gives all of it. Never personal data: ids, counts and field names only.
	 */
	summary?: string | ((version: number) => string);
};

type Write<E extends SyncEntity> = {
	entity: E;
	scope: FeedScope;
	/** The action's audit entry; null only for a record changed as part of an action audited once (a merge). */
	audit: WriteAudit | null;
};

type Change<E extends SyncEntity> = Write<E> & {
	id: string;
	/** Feed rows appended just before the record's own (a delete for the team an assignment left). */
	before?: ChangeInput[];
	/** When the change is made; by default now (retention runs on its own clock). */
	at?: Date;
} & (
		| {
				/** The record as the caller locked it: its version is the one replaced. Read here when absent. */
				replaces?: SyncedRow<E>;
				mergeBases?: undefined;
		  }
		| {
				replaces: SyncedRow<E>;
				/**
				 * For a record a device may still edit from the version replaced (push's three-way merge):
				 * both versions are kept in `record_versions`, the new one with `data` (by default the
				 * stored row's wire form) and `userId` as its author (null: the server itself).
				 */
				mergeBases: { userId: string | null; data?: Record<string, unknown> };
		  }
	);

/**
 * Where a write's rows besides its own go. Server modules write them at once (`ledger(tx)`); a
 * pushed batch holds them and writes them together at its end (sync/bookkeeping.ts).
 */
export type Ledger = {
	insert(entity: SyncEntity, rows: Record<string, unknown>[]): Promise<void>;
	versions(rows: VersionRow[]): Promise<void>;
	changes(rows: ChangeInput[]): Promise<void>;
	audits(entries: AuditEntry[]): Promise<void>;
};

/** Writes at once, in the caller's transaction. */
export function ledger(tx: Tx): Ledger {
	return {
		insert: (entity, rows) => bulkInsert(tx, entityTables[entity], rows),
		versions: (rows) => bulkInsert(tx, recordVersions, rows, { onConflictDoNothing: true }),
		changes: async (rows) => void (await appendChanges(tx, rows)),
		audits: (entries) => appendAuditEntries(tx, entries)
	};
}

/**
 * Every synced table has id, version, updatedAt and deletedAt; drizzle cannot build a query over a
 * union of tables, so the queries here are built over one of them.
 */
const tableOf = (entity: SyncEntity) => entityTables[entity] as typeof entityTables.team;

/**
 * Inserts new records at version 1 with a feed row each. The audit entry is the action's: about
 * the record when `values` is one, about the batch (no record id) when it is a list (an import).
 */
export async function insertSynced<E extends SyncEntity>(
	tx: Tx,
	write: Write<E> & { values: NewSynced<E> | NewSynced<E>[] },
	book: Ledger = ledger(tx)
): Promise<void> {
	const { values } = write;
	const batch = Array.isArray(values);
	const rows = batch ? values : [values];
	if (rows.length === 0) return;
	await book.insert(
		write.entity,
		rows.map((row) => ({ ...row, version: 1 }))
	);
	await book.changes(
		rows.map((row): ChangeInput => ({
			entity: write.entity,
			recordId: row.id,
			op: 'upsert',
			version: 1,
			...write.scope
		}))
	);
	if (write.audit) await book.audits([auditEntry(write.entity, batch ? null : values.id, 1, write.audit)]);
}

/** Changes a record; returns its new version. */
export function updateSynced<E extends SyncEntity>(
	tx: Tx,
	write: Change<E> & { set: SyncedColumns<E> },
	book: Ledger = ledger(tx)
): Promise<number> {
	return writeVersion(tx, write, 'upsert', book);
}

/** Tombstones a record (never deleted: devices may hold it) and sends devices a delete; returns its last version. */
export function tombstone<E extends SyncEntity>(
	tx: Tx,
	write: Change<E> & { set?: SyncedColumns<E> },
	book: Ledger = ledger(tx)
): Promise<number> {
	return writeVersion(tx, write, 'delete', book);
}

async function writeVersion<E extends SyncEntity>(
	tx: Tx,
	write: Change<E> & { set?: SyncedColumns<E> },
	op: 'upsert' | 'delete',
	book: Ledger
): Promise<number> {
	const table = tableOf(write.entity);
	const version = Number(write.replaces?.version ?? (await currentVersion(tx, write.entity, write.id))) + 1;
	const at = write.at ?? new Date();
	const update = tx
		.update(table)
		.set({ ...write.set, version, updatedAt: at, ...(op === 'delete' ? { deletedAt: at } : {}) })
		.where(eq(table.id, write.id));
	if (write.mergeBases?.data) {
		await update;
		await book.versions(
			versionsOfChange(write.entity, write.replaces, {
				version,
				data: write.mergeBases.data,
				userId: write.mergeBases.userId
			})
		);
	} else if (write.mergeBases) {
		const [stored] = await update.returning();
		await book.versions(
			versionsOfChange(write.entity, write.replaces, {
				version,
				data: toWire(write.entity, stored!).data,
				userId: write.mergeBases.userId
			})
		);
	} else {
		await update;
	}
	await book.changes([
		...(write.before ?? []),
		{ entity: write.entity, recordId: write.id, op, version, ...write.scope }
	]);
	if (write.audit) await book.audits([auditEntry(write.entity, write.id, version, write.audit)]);
	return version;
}

async function currentVersion(tx: Tx, entity: SyncEntity, id: string): Promise<number> {
	const table = tableOf(entity);
	const [current] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
	return Number(current?.version ?? 0);
}

/** The record, tombstoned or not, locked for the rest of the transaction; null when there is none. */
export async function lockSynced<E extends SyncEntity>(tx: Tx, entity: E, id: string): Promise<SyncedRow<E> | null> {
	const table = tableOf(entity);
	const [row] = await tx.select().from(table).where(eq(table.id, id)).for('update');
	return (row as SyncedRow<E> | undefined) ?? null;
}

/** The record, tombstoned or not, unlocked: for reads outside a write. */
export async function readSynced<E extends SyncEntity>(db: Db, entity: E, id: string): Promise<SyncedRow<E> | null> {
	const table = tableOf(entity);
	const [row] = await db.select().from(table).where(eq(table.id, id));
	return (row as SyncedRow<E> | undefined) ?? null;
}

function auditEntry(entity: SyncEntity, recordId: string | null, version: number, audit: WriteAudit): AuditEntry {
	const summary =
		typeof audit.summary === 'function'
			? audit.summary(version)
			: `version=${version}${audit.summary ? ` ${audit.summary}` : ''}`;
	return { userId: audit.userId, action: audit.action, entity, recordId, summary };
}

/**
 * Feed rows for records that did not change but must reach devices that lacked them, or leave
 * devices that should no longer hold them: a team's new and former members.
 */
export async function announce(tx: Tx, changes: ChangeInput[]): Promise<void> {
	await appendChanges(tx, changes);
}

/**
 * The audit entries of a write to a table devices never receive (accounts, devices, sessions, a
 * photo's stored bytes), or of reads on the record, in the caller's transaction.
 */
export async function audited(tx: Tx, ...entries: AuditEntry[]): Promise<void> {
	await appendAuditEntries(tx, entries);
}
