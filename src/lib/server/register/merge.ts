/**
 * Merging an unverified venue into the register's venue it turned out to be: its inspections and
 * assignments move to the target, each with a new version and a change row for the devices that
 * hold them, and the unverified venue is tombstoned (never deleted: devices may still hold it).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignments, inspections, recordVersions } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { appendChanges, type ChangeInput } from '../sync/changeFeed.ts';
import { toWire } from '../sync/wireRecords.ts';
import { bulkInsert } from '../db/bulkInsert.ts';
import { versionsOfChange } from '../sync/versions.ts';
import { UserInputError } from '../errors.ts';
import { requireRegisterKeeper } from './access.ts';
import { lockVenue, recordVenueChange } from './venues.ts';

export type MergeResult = { targetId: string; inspections: number; assignments: number };

export async function mergeVenue(db: Db, actor: SessionUser, sourceId: string, targetId: string): Promise<MergeResult> {
	requireRegisterKeeper(actor);
	if (sourceId === targetId) throw new UserInputError('targetId', 'a venue cannot be merged into itself');
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const source = await lockVenue(tx, sourceId);
		if (source.status !== 'unverified') throw new UserInputError('id', 'only an unverified venue can be merged', 409);
		const target = await lockVenue(tx, targetId).catch(() => {
			throw new UserInputError('targetId', 'no such venue to merge into', 404);
		});
		if (target.status === 'unverified') throw new UserInputError('targetId', 'verify the venue to merge into first', 409);

		const now = new Date();
		const changes: ChangeInput[] = [];
		const movedInspections = await tx
			.select()
			.from(inspections)
			.where(and(eq(inspections.locationId, sourceId), isNull(inspections.deletedAt)))
			.for('update');
		for (const inspection of movedInspections) {
			const version = inspection.version + 1;
			const [updated] = await tx
				.update(inspections)
				.set({ locationId: targetId, version, updatedAt: now })
				.where(eq(inspections.id, inspection.id))
				.returning();
			// Both versions are merge bases for a device that edits from them (three-way merge in push);
			// the one replaced may be a first version, which only its row held.
			const versions = versionsOfChange('inspection', inspection, { version, data: toWire('inspection', updated as Record<string, unknown>).data, userId: actor.id });
			await bulkInsert(tx as unknown as Db, recordVersions, versions, { onConflictDoNothing: true });
			changes.push({ entity: 'inspection', recordId: inspection.id, op: 'upsert', version, teamId: inspection.teamId, userId: inspection.createdBy });
		}
		const movedAssignments = await tx
			.select()
			.from(assignments)
			.where(and(eq(assignments.locationId, sourceId), isNull(assignments.deletedAt)))
			.for('update');
		for (const assignment of movedAssignments) {
			const version = assignment.version + 1;
			await tx.update(assignments).set({ locationId: targetId, version, updatedAt: now }).where(eq(assignments.id, assignment.id));
			changes.push({ entity: 'assignment', recordId: assignment.id, op: 'upsert', version, teamId: assignment.teamId, operationId: assignment.operationId });
		}
		await appendChanges(tx, changes);
		await recordVenueChange(
			tx,
			actor,
			sourceId,
			{ deletedAt: now, statusReason: `merged into ${targetId}` },
			'location.merge',
			`into=${targetId} inspections=${movedInspections.length} assignments=${movedAssignments.length}`
		);
		return { targetId, inspections: movedInspections.length, assignments: movedAssignments.length };
	});
}
