/**
 * Merging an unverified venue into the register's venue it turned out to be: its inspections and
 * assignments move to the target, each with a new version and a change row for the devices that
 * hold them, and the unverified venue is tombstoned (never deleted: devices may still hold it).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignments, inspections } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { tombstone, updateSynced } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { requireRegisterKeeper } from './access.ts';
import { lockVenue } from './venues.ts';
import type { VenueMerged } from '../../domain/views/register.ts';

export async function mergeVenue(db: Db, actor: SessionUser, sourceId: string, targetId: string): Promise<VenueMerged> {
	requireRegisterKeeper(actor);
	if (sourceId === targetId) throw new UserInputError('targetId', 'a venue cannot be merged into itself');
	return db.transaction(async (tx) => {
		const source = await lockVenue(tx, sourceId);
		if (source.status !== 'unverified') throw new UserInputError('id', 'only an unverified venue can be merged', 409);
		const target = await lockVenue(tx, targetId).catch(() => {
			throw new UserInputError('targetId', 'no such venue to merge into', 404);
		});
		if (target.status === 'unverified')
			throw new UserInputError('targetId', 'verify the venue to merge into first', 409);

		// The moved records are audited once, with the merge.
		const at = new Date();
		const movedInspections = await tx
			.select()
			.from(inspections)
			.where(and(eq(inspections.locationId, sourceId), isNull(inspections.deletedAt)))
			.for('update');
		for (const inspection of movedInspections) {
			await updateSynced(tx, {
				entity: 'inspection',
				id: inspection.id,
				set: { locationId: targetId },
				scope: { teamId: inspection.teamId, userId: inspection.createdBy },
				audit: null,
				at,
				// A device may edit the inspection from the version it holds (three-way merge in push).
				replaces: inspection,
				mergeBases: { userId: actor.id }
			});
		}
		const movedAssignments = await tx
			.select()
			.from(assignments)
			.where(and(eq(assignments.locationId, sourceId), isNull(assignments.deletedAt)))
			.for('update');
		for (const assignment of movedAssignments) {
			await updateSynced(tx, {
				entity: 'assignment',
				id: assignment.id,
				set: { locationId: targetId },
				scope: { teamId: assignment.teamId, operationId: assignment.operationId },
				audit: null,
				at,
				replaces: assignment
			});
		}
		await tombstone(tx, {
			entity: 'location',
			id: sourceId,
			set: { statusReason: `merged into ${targetId}` },
			scope: {},
			audit: {
				userId: actor.id,
				action: 'location.merge',
				summary: `into=${targetId} inspections=${movedInspections.length} assignments=${movedAssignments.length}`
			},
			at
		});
		return { targetId, inspections: movedInspections.length, assignments: movedAssignments.length };
	});
}
