/** Plans and their operations: create, edit, move an operation through its statuses. */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, assignments, inspections, municipalities, operations, teams } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { OperationInput, PlanInput } from '../../domain/planning/schemas.ts';
import { isEditable, mayTransition, type OperationStatus } from '../../domain/planning/operationStatus.ts';
import { UserInputError } from '../errors.ts';
import { requirePlanner } from './access.ts';
import { insertSynced, tombstone, updateSynced } from '../records/syncedWrite.ts';
import { lockRow } from './records.ts';
import { tombstoneTeam } from './teams.ts';
import { addCreator } from './embargo.ts';

async function requireMunicipalities(tx: Db, ids: string[]): Promise<void> {
	if (ids.length === 0) return;
	const found = await tx.select({ id: municipalities.id }).from(municipalities).where(inArray(municipalities.id, ids));
	if (found.length !== new Set(ids).size) throw new UserInputError('municipalityIds', 'no such municipality');
}

async function requireAgency(tx: Db, id: string): Promise<void> {
	const [found] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
	if (!found) throw new UserInputError('leadAgencyId', 'no such agency');
}

export async function createPlan(db: Db, actor: SessionUser, input: PlanInput): Promise<{ id: string }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		await requireMunicipalities(tx, input.municipalityIds);
		const id = randomUUID();
		await insertSynced(tx, {
			entity: 'plan',
			values: { id, ...input, createdBy: actor.id },
			scope: {},
			audit: { userId: actor.id, action: 'plan.create' }
		});
		return { id };
	});
}

export async function updatePlan(
	db: Db,
	actor: SessionUser,
	id: string,
	input: PlanInput
): Promise<{ version: number }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		await lockRow(tx, 'plan', id);
		await requireMunicipalities(tx, input.municipalityIds);
		return {
			version: await updateSynced(tx, {
				entity: 'plan',
				id,
				set: input,
				scope: {},
				audit: { userId: actor.id, action: 'plan.update' }
			})
		};
	});
}

function requireWithinPlan(plan: { periodStart: string; periodEnd: string }, date: string): void {
	if (date < plan.periodStart || date > plan.periodEnd)
		throw new UserInputError('date', 'the date is outside the plan’s period');
}

export async function createOperation(
	db: Db,
	actor: SessionUser,
	planId: string,
	input: OperationInput
): Promise<{ id: string }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const plan = await lockRow(tx, 'plan', planId);
		requireWithinPlan(plan, input.date);
		await requireAgency(tx, input.leadAgencyId);
		const id = randomUUID();
		await insertSynced(tx, {
			entity: 'operation',
			values: { id, planId, ...input, status: 'planned' },
			scope: { operationId: id },
			audit: { userId: actor.id, action: 'operation.create', summary: `plan=${planId}` }
		});
		// Planned in secret: its planner is the first on the need-to-know list (planning/embargo.ts).
		await addCreator(tx, id, actor.id);
		return { id };
	});
}

export async function updateOperation(
	db: Db,
	actor: SessionUser,
	id: string,
	input: OperationInput
): Promise<{ version: number }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const operation = await lockRow(tx, 'operation', id);
		if (!isEditable(operation.status))
			throw new UserInputError('status', 'a finished or cancelled operation cannot change', 409);
		const plan = await lockRow(tx, 'plan', operation.planId);
		requireWithinPlan(plan, input.date);
		await requireAgency(tx, input.leadAgencyId);
		const audit = { userId: actor.id, action: 'operation.update' };
		return {
			version: await updateSynced(tx, { entity: 'operation', id, set: input, scope: { operationId: id }, audit })
		};
	});
}

export async function changeOperationStatus(
	db: Db,
	actor: SessionUser,
	id: string,
	status: OperationStatus
): Promise<{ version: number }> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const operation = await lockRow(tx, 'operation', id);
		if (!mayTransition(operation.status, status)) {
			throw new UserInputError('status', `an operation cannot go from ${operation.status} to ${status}`, 409);
		}
		const version = await updateSynced(tx, {
			entity: 'operation',
			id,
			set: { status },
			scope: { operationId: id },
			audit: { userId: actor.id, action: 'operation.status', summary: `from=${operation.status} to=${status}` }
		});
		return { version };
	});
}

/**
 * Deletes a plan made by mistake, with its operations, teams and assignments (tombstoned, so devices
 * drop them). A plan whose work has begun is history: an operation active or done, or any inspection
 * recorded against its assignments, refuses the delete; its operations can be cancelled instead.
 */
export async function deletePlan(db: Db, actor: SessionUser, id: string): Promise<void> {
	requirePlanner(actor);
	await db.transaction(async (tx) => {
		await lockRow(tx, 'plan', id);
		const live = await tx
			.select({ id: operations.id, status: operations.status })
			.from(operations)
			.where(and(eq(operations.planId, id), isNull(operations.deletedAt)))
			.for('update');
		if (live.some((o) => o.status === 'active' || o.status === 'done')) {
			throw new UserInputError(
				'status',
				'a plan with an active or finished operation cannot be deleted; cancel its operations instead',
				409
			);
		}
		const operationIds = live.map((o) => o.id);
		if (operationIds.length) {
			const [recorded] = await tx
				.select({ id: inspections.id })
				.from(inspections)
				.innerJoin(assignments, eq(inspections.assignmentId, assignments.id))
				.where(inArray(assignments.operationId, operationIds))
				.limit(1);
			if (recorded)
				throw new UserInputError('status', 'inspections were recorded under this plan; it cannot be deleted', 409);
		}
		for (const operationId of operationIds) {
			const liveTeams = await tx
				.select({ id: teams.id })
				.from(teams)
				.where(and(eq(teams.operationId, operationId), isNull(teams.deletedAt)));
			for (const team of liveTeams) await tombstoneTeam(tx, actor, team.id, operationId);
			const audit = { userId: actor.id, action: 'operation.remove', summary: `plan=${id}` };
			await tombstone(tx, { entity: 'operation', id: operationId, scope: { operationId }, audit });
		}
		await tombstone(tx, {
			entity: 'plan',
			id,
			scope: {},
			audit: { userId: actor.id, action: 'plan.remove', summary: `operations=${operationIds.length}` }
		});
	});
}
