/**
 * A phone holds only what its work needs (issue 17, part 4). What travels of each record is the
 * per-entity allow-list (domain/sync/wireFields.ts, server/sync/wireRecords.ts); how long it stays
 * is decided here:
 * - an operation's target list leaves the devices after its date plus `OPERATION_EXPIRY_DAYS`
 *   (planning/embargo.ts `embargoMaintenance`, which also sends operations released by the clock);
 * - the person-level records of a visit (screened persons, referrals, photos, checked workers,
 *   evidence) leave them `DEVICE_PERSON_DAYS` after its submission reached the server (its last
 *   server write, `updated_at`: a submitted visit is locked; the device's clock is not trusted
 *   and a visit sent late stays its days after it is sent): out of the pull, and deletes
 *   addressed to the team's members. A record the device still has unsent changes for stays until
 *   they are sent (client/sync/engine.ts never lets a pulled row overwrite one).
 *
 * Both run before each pull reads its page (sync/pull.ts): whatever became due is on the feed
 * before any device could read past it. Each emits once (a marker set under the row's lock).
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections, teamMembers } from '../db/schema.ts';
import { readConfig } from '../config.ts';
import { embargoMaintenance } from '../planning/embargo.ts';
import { announce } from '../records/syncedWrite.ts';
import type { ChangeInput } from './changeFeed.ts';
import { entityTables } from './wireRecords.ts';
import { personLevelEntities } from './scope.ts';

/** How many visits one pull takes off the devices at most: a backlog drains over a few pulls. */
const VISITS_PER_PULL = 200;

export function personCutoff(now: Date, days = readConfig().devicePersonDays): Date {
	return new Date(now.getTime() - days * 86_400_000);
}

export async function keepDevicesCurrent(db: Db, now = new Date()): Promise<void> {
	await embargoMaintenance(db, now);
	await personsOffDevices(db, now);
}

/** Sends the deletes of the person-level records of visits submitted before the cutoff. */
export async function personsOffDevices(db: Db, now = new Date()): Promise<number> {
	const due = await db
		.select({ id: inspections.id })
		.from(inspections)
		.where(
			and(
				eq(inspections.status, 'submitted'),
				isNull(inspections.personsOffDevicesAt),
				lt(inspections.updatedAt, personCutoff(now))
			)
		)
		.limit(VISITS_PER_PULL);
	for (const { id } of due) {
		await db.transaction(async (tx) => {
			const [visit] = await tx.select().from(inspections).where(eq(inspections.id, id)).for('update');
			if (!visit || visit.personsOffDevicesAt) return;
			await tx.update(inspections).set({ personsOffDevicesAt: now }).where(eq(inspections.id, id));
			// A team's visit is on its members' phones; a visit outside any team on its author's.
			const holders = visit.teamId
				? (
						await tx
							.select({ userId: teamMembers.userId })
							.from(teamMembers)
							.where(eq(teamMembers.teamId, visit.teamId))
					).map((m) => m.userId)
				: [visit.createdBy];
			const rows: ChangeInput[] = [];
			for (const entity of personLevelEntities) {
				// Every person-level table has id, version and inspection_id; drizzle types one of them.
				const table = entityTables[entity] as typeof entityTables.screenedPerson;
				const records = await tx
					.select({ id: table.id, version: table.version })
					.from(table)
					.where(eq(table.inspectionId, id));
				for (const record of records)
					for (const userId of holders)
						rows.push({ entity, recordId: record.id, op: 'delete', version: record.version, userId, restricted: true });
			}
			await announce(tx, rows);
		});
	}
	return due.length;
}

/**
 * Of the visits given, those whose person-level records no longer travel: submitted before the
 * cutoff (whether or not their deletes were sent yet), so a device starting from empty never gets them.
 */
export async function visitsOffDevices(db: Db, inspectionIds: string[], now = new Date()): Promise<Set<string>> {
	if (inspectionIds.length === 0) return new Set();
	const rows = await db
		.select({ id: inspections.id })
		.from(inspections)
		.where(
			and(
				inArray(inspections.id, [...new Set(inspectionIds)]),
				sql`(${inspections.personsOffDevicesAt} is not null or (${inspections.status} = 'submitted' and ${inspections.updatedAt} < ${personCutoff(now).toISOString()}::timestamptz))`
			)
		);
	return new Set(rows.map((r) => r.id));
}
