/**
 * Venues assigned to a team, in visit order. Every assignment row carries its team and operation on
 * the feed, so only that team's devices pull it; a move sends the old team a delete first.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { assignments, locations } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { isEditable } from '../../domain/planning/operationStatus.ts';
import { insertSynced, tombstone, updateSynced } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { requirePlanner } from './access.ts';
import { lockRow } from './records.ts';
import type { AssignResult } from '../../domain/views/planning.ts';
import { venuesTwiceOn } from './warnings.ts';
import { followAssignment, planControlsFor } from '../labour/controls.ts';

/** The team, locked, with its operation still open to changes. */
async function lockEditableTeam(tx: Tx, teamId: string) {
	const team = await lockRow(tx, 'team', teamId);
	const operation = await lockRow(tx, 'operation', team.operationId);
	if (!isEditable(operation.status))
		throw new UserInputError('status', 'a finished or cancelled operation cannot change', 409);
	return { team, operation };
}

/**
 * Adds venues at the end of the team's visit order. A venue already in this operation (on any of
 * its teams) is left where it is and reported; one assigned by another operation the same day is
 * assigned and warned about.
 */
export async function assignVenues(
	db: Db,
	actor: SessionUser,
	operationId: string,
	teamId: string,
	locationIds: string[]
): Promise<AssignResult> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const { team, operation } = await lockEditableTeam(tx, teamId);
		if (team.operationId !== operationId) throw new UserInputError('teamId', 'the team is not on this operation');
		const wanted = [...new Set(locationIds)];
		const venues = await tx
			.select({ id: locations.id, status: locations.status })
			.from(locations)
			.where(and(inArray(locations.id, wanted), isNull(locations.deletedAt)));
		if (venues.length !== wanted.length) throw new UserInputError('locationIds', 'no such venue');
		if (venues.some((v) => v.status === 'gone'))
			throw new UserInputError('locationIds', 'a venue that is gone cannot be visited');
		const existing = await tx
			.select({ locationId: assignments.locationId })
			.from(assignments)
			.where(
				and(
					eq(assignments.operationId, operationId),
					inArray(assignments.locationId, wanted),
					isNull(assignments.deletedAt)
				)
			);
		const already = new Set(existing.map((e) => e.locationId));
		const fresh = wanted.filter((id) => !already.has(id));
		const [last] = await tx
			.select({ order: max(assignments.visitOrder) })
			.from(assignments)
			.where(and(eq(assignments.teamId, teamId), isNull(assignments.deletedAt)));
		const start = Number(last?.order ?? 0);
		const rows = fresh.map((locationId, i) => ({
			id: randomUUID(),
			operationId,
			teamId,
			locationId,
			visitOrder: start + i + 1
		}));
		for (const row of rows) {
			await insertSynced(tx, {
				entity: 'assignment',
				values: row,
				scope: { teamId, operationId },
				audit: { userId: actor.id, action: 'assignment.create', summary: `team=${teamId} location=${row.locationId}` }
			});
		}
		// A venue with a control inspection due: the team that goes checks its violations too.
		await planControlsFor(tx, actor.id, operation.date, rows);
		return {
			assigned: rows.map((r) => r.id),
			alreadyAssigned: [...already],
			venuesTwice: await venuesTwiceOn(tx, operationId)
		};
	});
}

/** To another team of the same operation, at the end of its order. */
export async function moveAssignment(
	db: Db,
	actor: SessionUser,
	id: string,
	toTeamId: string
): Promise<{ version: number }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const assignment = await lockRow(tx, 'assignment', id);
		const { team } = await lockEditableTeam(tx, toTeamId);
		if (team.operationId !== assignment.operationId)
			throw new UserInputError('teamId', 'the team is not on this operation');
		if (assignment.teamId === toTeamId) return { version: assignment.version };
		const [last] = await tx
			.select({ order: max(assignments.visitOrder) })
			.from(assignments)
			.where(and(eq(assignments.teamId, toTeamId), isNull(assignments.deletedAt)));
		const version = await updateSynced(tx, {
			entity: 'assignment',
			id,
			set: { teamId: toTeamId, visitOrder: Number(last?.order ?? 0) + 1 },
			scope: { teamId: toTeamId, operationId: assignment.operationId },
			// The old team's devices must drop it; they will never see the upsert scoped to the new team.
			before: [
				{
					entity: 'assignment',
					recordId: id,
					op: 'delete',
					version: assignment.version,
					teamId: assignment.teamId,
					operationId: assignment.operationId
				}
			],
			audit: { userId: actor.id, action: 'assignment.move', summary: `from=${assignment.teamId} to=${toTeamId}` }
		});
		await followAssignment(tx, actor.id, id, { id, teamId: toTeamId });
		return { version };
	});
}

export async function removeAssignment(db: Db, actor: SessionUser, id: string): Promise<void> {
	requirePlanner(actor);
	await db.transaction(async (tx) => {
		const assignment = await lockRow(tx, 'assignment', id);
		await lockEditableTeam(tx, assignment.teamId);
		if (assignment.status !== 'pending')
			throw new UserInputError('status', 'a visit already started cannot be removed', 409);
		await tombstone(tx, {
			entity: 'assignment',
			id,
			scope: { teamId: assignment.teamId, operationId: assignment.operationId },
			audit: { userId: actor.id, action: 'assignment.remove' }
		});
		await followAssignment(tx, actor.id, id, null);
	});
}

/** Sets the team's visit order to the given list, which must hold exactly the team's assignments. */
export async function setVisitOrder(
	db: Db,
	actor: SessionUser,
	teamId: string,
	assignmentIds: string[]
): Promise<{ changed: number }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const { team } = await lockEditableTeam(tx, teamId);
		const current = await tx
			.select({ id: assignments.id, visitOrder: assignments.visitOrder })
			.from(assignments)
			.where(and(eq(assignments.teamId, teamId), isNull(assignments.deletedAt)));
		const known = new Set(current.map((a) => a.id));
		if (
			assignmentIds.length !== known.size ||
			new Set(assignmentIds).size !== known.size ||
			assignmentIds.some((id) => !known.has(id))
		) {
			throw new UserInputError('assignmentIds', 'the order must list each of the team’s venues once', 409);
		}
		let changed = 0;
		for (const [index, id] of assignmentIds.entries()) {
			if (current.find((a) => a.id === id)!.visitOrder === index + 1) continue;
			const held = await lockRow(tx, 'assignment', id);
			await updateSynced(tx, {
				entity: 'assignment',
				id,
				set: { visitOrder: index + 1 },
				scope: { teamId, operationId: team.operationId },
				audit: { userId: actor.id, action: 'assignment.reorder', summary: `visitOrder=${index + 1}` },
				// The team may change the visit (its status) from the version its phones hold: with
				// both versions kept, the push merges field by field instead of refusing a conflict.
				replaces: held,
				mergeBases: { userId: actor.id }
			});
			changed++;
		}
		return { changed };
	});
}
