/**
 * Keeps the change feed from growing for ever (docs/ARCHITECTURE.md, "Sync contract").
 *
 * The window: rows changed within the last `retentionDays` are kept as written. Its start is a
 * seq, `windowStart`: the lowest seq changed at or after the window's first moment (`changed_at`).
 * Every row below it was changed before the window — `changed_at` is the writing transaction's
 * start, so a row above it may be older still; it waits for a later run, nothing is lost by that.
 *
 * Below the window two kinds of rows go:
 * - **Superseded** rows: a later row (higher seq) of the same record with the same audience (team,
 *   user, operation, restricted) exists. A pull reads a record as it is now, whichever of its rows
 *   it meets, so whoever would have read the older row reads the later one at or after the same
 *   cursor and ends in the same state. Removing them loses nothing for any cursor: they do not move
 *   the horizon. (Same audience, not just same record: a team's delete addressed to a member who
 *   left is not superseded by the team's later upsert, which that member no longer receives.)
 * - **Tombstones** (`op = 'delete'`) that are the record's last row for their audience: the only
 *   way a device that held the record learns it is gone. After them a device whose cursor is below
 *   the tombstone may hold a deleted record: the horizon (`app_meta.sync_horizon`) rises to the
 *   highest such seq, and a pull from a cursor below it gets 410 and starts from empty (pull.ts).
 *   A cursor at or above it has seen every pruned tombstone (a cursor is the last seq seen).
 *
 * In batches of `batchSize` rows, one transaction each, so a large feed never holds a long lock.
 * The horizon rises in the transaction that deletes the tombstones; pull.ts reads it after the
 * page's rows, so a page read without them always sees the horizon that explains their absence.
 */
import { and, asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appMeta, changes } from '../db/schema.ts';
import { rowsOf } from '../db/rows.ts';

export const SYNC_HORIZON_KEY = 'sync_horizon';
export const PRUNE_BATCH = 2000;
const DAY_MS = 86_400_000;

export type PruneOptions = { now: Date; retentionDays: number; batchSize?: number };
export type PruneResult = { pruned: number; horizon: number };

export async function pruneChangeFeed(db: Db, options: PruneOptions): Promise<PruneResult> {
	const { now, retentionDays, batchSize = PRUNE_BATCH } = options;
	const windowStart = await windowStartSeq(db, new Date(now.getTime() - retentionDays * DAY_MS));
	let pruned = 0;
	let after = 0;
	while (windowStart !== null) {
		const batch = await db.transaction((tx) => pruneBatch(tx, after, windowStart, batchSize));
		if (batch.last === null) break;
		pruned += batch.pruned;
		after = batch.last;
	}
	return { pruned, horizon: await syncHorizon(db) };
}

/** The horizon pulls are checked against; 0 before any tombstone was pruned. */
export async function syncHorizon(db: Db): Promise<number> {
	const [stored] = await db.select().from(appMeta).where(eq(appMeta.key, SYNC_HORIZON_KEY));
	return Number(stored?.value ?? 0);
}

/**
 * The first seq of the window, or the seq after the last row when the whole feed is older; null
 * for an empty feed. One scan of the feed a day: `changed_at` has no index, and one would cost
 * every write of the feed for a daily read.
 */
async function windowStartSeq(db: Db, since: Date): Promise<number | null> {
	const [row] = rowsOf<{ start: string | number | null }>(
		await db.execute(
			sql`select coalesce(min(seq) filter (where changed_at >= ${since.toISOString()}::timestamptz), max(seq) + 1) as start from changes`
		)
	);
	return row?.start === null || row?.start === undefined ? null : Number(row.start);
}

/** The rows after `after` below the window, up to `limit` of them: what of them goes goes now. */
async function pruneBatch(
	tx: Db,
	after: number,
	windowStart: number,
	limit: number
): Promise<{ last: number | null; pruned: number }> {
	const rows = await tx
		.select({
			seq: changes.seq,
			op: changes.op,
			// The same record, later, for the same audience. Spelled out: drizzle leaves a lone table's
			// columns unqualified, and the inner table's would shadow them.
			superseded: sql<boolean>`exists (select 1 from changes later
				where later.entity = changes.entity and later.record_id = changes.record_id
					and later.seq > changes.seq
					and later.team_id is not distinct from changes.team_id
					and later.user_id is not distinct from changes.user_id
					and later.operation_id is not distinct from changes.operation_id
					and later.restricted = changes.restricted)`
		})
		.from(changes)
		.where(and(gt(changes.seq, after), lt(changes.seq, windowStart)))
		.orderBy(asc(changes.seq))
		.limit(limit);
	if (rows.length === 0) return { last: null, pruned: 0 };
	const superseded = rows.filter((row) => row.superseded).map((row) => Number(row.seq));
	const tombstones = rows.filter((row) => !row.superseded && row.op === 'delete').map((row) => Number(row.seq));
	if (tombstones.length > 0) await raiseHorizon(tx, Math.max(...tombstones));
	const doomed = [...superseded, ...tombstones];
	if (doomed.length > 0) await tx.delete(changes).where(inArray(changes.seq, doomed));
	return { last: Number(rows.at(-1)!.seq), pruned: doomed.length };
}

/** Never lowers it: a later run over a feed already pruned finds lower tombstones no longer there. */
async function raiseHorizon(tx: Db, seq: number): Promise<void> {
	await tx
		.insert(appMeta)
		.values({ key: SYNC_HORIZON_KEY, value: seq })
		.onConflictDoUpdate({
			target: appMeta.key,
			set: { value: sql`to_jsonb(greatest((${appMeta.value} #>> '{}')::bigint, ${seq}::bigint))` }
		});
}
