/**
 * One page of the change feed, filtered to what the user may read. The page ends at the counter
 * value read first: every row at or below it has committed (seq is taken under the counter's row
 * lock), so advancing the cursor to it can never skip a late commit.
 */
import { and, asc, eq, gt, inArray, isNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { changes, syncCounter } from '../db/schema.ts';
import { pullCursorText, type Change, type PullCursor, type PullResponse } from '../../domain/sync/wire.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import { personLevelEntities, referenceEntities, type Scope } from './scope.ts';
import { entitiesWithheldFrom } from '../auth/accessPolicy.ts';
import { limitToAgency } from './agencyFilter.ts';
import { audit } from '../audit/log.ts';
import { readWireRecords } from './wireRecords.ts';
import { keepDevicesCurrent, visitsOffDevices } from './deviceHolding.ts';
import { syncHorizon } from './feedPruning.ts';

export class CursorExpired extends Error {}

export async function pullPage(db: Db, scope: Scope, from: number | PullCursor, limit: number): Promise<PullResponse> {
	const { seq: cursor, horizon: resyncedAfter } = typeof from === 'number' ? { seq: from, horizon: 0 } : from;

	// What became due (a release by the clock, an expiry, visits' persons) is on the feed before the page is read.
	await keepDevicesCurrent(db);
	const [counter] = await db.select({ seq: syncCounter.seq }).from(syncCounter).where(eq(syncCounter.id, 1));
	const upTo = Number(counter?.seq ?? 0);
	const rows = await db
		.select()
		.from(changes)
		.where(and(gt(changes.seq, cursor), lte(changes.seq, upTo), visibleTo(scope)))
		.orderBy(asc(changes.seq))
		.limit(limit + 1);
	// Tombstones below the horizon were pruned (feedPruning.ts): a device that held records before
	// then may have missed a deletion and must start again from empty. A device whose resync from
	// empty began after that pruning held nothing to delete: its cursor carries the horizon it began
	// under, so paging through the old rows of its resync is not taken for a cursor that is too old.
	// Read after the rows: the horizon rises in the transaction that deletes the tombstones, so a
	// page read without them cannot pass a check made before they went.
	const horizon = await syncHorizon(db);
	if (cursor > 0 && cursor < horizon && resyncedAfter < horizon) throw new CursorExpired();
	const carried = cursor === 0 ? horizon : resyncedAfter;
	const hasMore = rows.length > limit;
	const page = rows.slice(0, limit);
	const nextCursor = hasMore ? page.at(-1)!.seq : upTo;

	// A record changed several times in one page travels once, as it is now.
	const latest = new Map<string, (typeof page)[number]>();
	for (const row of page) latest.set(`${row.entity}:${row.recordId}`, row);
	const byEntity = new Map<SyncEntity, string[]>();
	for (const row of latest.values()) {
		const entity = row.entity as SyncEntity;
		byEntity.set(entity, [...(byEntity.get(entity) ?? []), row.recordId]);
	}
	const records = new Map<string, Awaited<ReturnType<typeof readWireRecords>>>();
	for (const [entity, ids] of byEntity) records.set(entity, await readWireRecords(db, entity, ids));

	// Person-level records of visits past `DEVICE_PERSON_DAYS` no longer travel (sync/deviceHolding.ts).
	const visitIds: string[] = [];
	for (const entity of personLevelEntities)
		for (const record of records.get(entity)?.values() ?? []) {
			const visit = record.data.inspectionId;
			if (typeof visit === 'string') visitIds.push(visit);
		}
	const offDevices = await visitsOffDevices(db, visitIds);

	const out: Change[] = [];
	for (const row of [...latest.values()].sort((a, b) => a.seq - b.seq)) {
		const entity = row.entity as SyncEntity;
		const record = records.get(entity)?.get(row.recordId);
		const visit = record?.data.inspectionId;
		if (
			row.op === 'upsert' &&
			personLevelEntities.includes(entity) &&
			typeof visit === 'string' &&
			offDevices.has(visit)
		)
			continue;
		if (row.op === 'delete' || !record || record.deleted) {
			out.push({ entity, id: row.recordId, op: 'delete', version: record?.version ?? row.version, data: null });
		} else {
			out.push({ entity, id: row.recordId, op: 'upsert', version: record.version, data: record.data });
		}
	}
	await auditPersonLevelReads(db, scope, out);
	return {
		changes: await limitToAgency(db, scope.user, out),
		cursor: pullCursorText({ seq: nextCursor, horizon: carried }),
		hasMore
	};
}

/**
 * A page that hands out person-level records is a read of them like a page view: one audit entry
 * per request, counting them by entity (not one per row: a first pull would flood the log).
 */
async function auditPersonLevelReads(db: Db, scope: Scope, out: Change[]): Promise<void> {
	const counts = new Map<SyncEntity, number>();
	for (const change of out) {
		if (change.op === 'upsert' && personLevelEntities.includes(change.entity))
			counts.set(change.entity, (counts.get(change.entity) ?? 0) + 1);
	}
	if (counts.size === 0) return;
	await audit(db, {
		userId: scope.user.id,
		action: 'sync.pull_persons',
		summary: personLevelEntities.map((entity) => `${entity}=${counts.get(entity) ?? 0}`).join(' ')
	});
}

/** What an operation sends its teams to do: it leaves the devices with the operation (planning/embargo.ts). */
const targetEntities: SyncEntity[] = ['team', 'assignment'];

function visibleTo(scope: Scope): SQL {
	if (!scope.syncs) return sql`false`;
	const visible = or(
		inArray(changes.entity, [...referenceEntities]),
		and(eq(changes.entity, 'operation'), inArray(changes.recordId, scope.operationIds)),
		// A team's target list (the team, its assignments) until its operation expires; its field records after too.
		and(inArray(changes.entity, targetEntities), inArray(changes.teamId, scope.targetTeamIds)),
		and(notInArray(changes.entity, targetEntities), inArray(changes.teamId, scope.teamIds)),
		// Rows addressed to the user: records kept outside any team, and the deletes that take a
		// team's records off the device of someone who left it (planning/teams.ts).
		and(isNull(changes.teamId), eq(changes.userId, scope.user.id))
	)!;
	// Evidence is the police's (sync/policeRules.ts): a labour inspector on the same team neither writes
	// nor receives it, though the team's visit, persons and criminal reports reach them.
	const withheld = entitiesWithheldFrom(scope.user);
	return withheld.length ? and(visible, notInArray(changes.entity, withheld))! : visible;
}
