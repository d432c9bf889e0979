/**
 * Joint teams of an operation. Membership decides what each inspector's device pulls, so a change
 * of members is also a change of who must receive (or drop) the team's records: newcomers get the
 * team, its operation and its assignments again on the feed; people who left get deletes addressed
 * to them alone.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, assignments, teamMembers, teams, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { TeamInput } from '../../domain/planning/schemas.ts';
import { compositionGaps, type CompositionGap } from '../../domain/planning/teams.ts';
import { isEditable } from '../../domain/planning/operationStatus.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { appendChanges } from '../sync/changeFeed.ts';
import { UserInputError } from '../errors.ts';
import { requirePlanner } from './access.ts';
import { lockRow, recordInsert, transaction, writeRow } from './records.ts';
import { memberDoubleBookings, type MemberDoubleBooking } from './warnings.ts';

export type TeamSaved = { id: string; gaps: CompositionGap[]; doubleBookings: MemberDoubleBooking[] };

async function lockEditableOperation(tx: Db, operationId: string) {
	const operation = await lockRow(tx, 'operation', operationId);
	if (!isEditable(operation.status)) throw new UserInputError('status', 'a finished or cancelled operation cannot change', 409);
	return operation;
}

/** Members with the agency each serves in; every one must be an active account. */
async function resolveMembers(tx: Db, input: TeamInput) {
	const ids = [...new Set(input.members.map((m) => m.userId))];
	if (ids.length !== input.members.length) throw new UserInputError('members', 'a person is listed twice');
	const rows =
		ids.length === 0
			? []
			: await tx
					.select({ id: users.id, agencyId: users.agencyId, agencyCode: agencies.code, active: users.active })
					.from(users)
					.innerJoin(agencies, eq(agencies.id, users.agencyId))
					.where(inArray(users.id, ids));
	if (rows.length !== ids.length || rows.some((r) => !r.active)) throw new UserInputError('members', 'no such active user');
	const gaps = compositionGaps(rows.map((r) => r.agencyCode));
	if (gaps.length > 0 && !input.compositionReason) {
		throw new UserInputError('compositionReason', 'a team without both a police officer and a labour inspector needs a reason', 422);
	}
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		gaps,
		rows: input.members.map((m) => ({ userId: m.userId, agencyId: byId.get(m.userId)!.agencyId, isLeader: m.isLeader }))
	};
}

async function liveAssignments(tx: Db, teamId: string) {
	return tx
		.select({ id: assignments.id, version: assignments.version })
		.from(assignments)
		.where(and(eq(assignments.teamId, teamId), isNull(assignments.deletedAt)));
}

/** Feed rows that hand a newcomer's device the team's operation and assignments. */
async function welcomeFeed(tx: Db, operation: { id: string; version: number }, teamId: string): Promise<ChangeInput[]> {
	const list = await liveAssignments(tx, teamId);
	return [
		{ entity: 'operation', recordId: operation.id, op: 'upsert', version: operation.version, operationId: operation.id },
		...list.map((a): ChangeInput => ({ entity: 'assignment', recordId: a.id, op: 'upsert', version: a.version, teamId, operationId: operation.id }))
	];
}

export async function createTeam(db: Db, actor: SessionUser, operationId: string, input: TeamInput): Promise<TeamSaved> {
	requirePlanner(actor);
	return transaction(db, async (tx) => {
		const operation = await lockEditableOperation(tx, operationId);
		const members = await resolveMembers(tx, input);
		const id = randomUUID();
		await tx.insert(teams).values({ id, operationId, name: input.name, compositionReason: members.gaps.length ? input.compositionReason : null });
		if (members.rows.length) await tx.insert(teamMembers).values(members.rows.map((m) => ({ teamId: id, ...m })));
		await recordInsert(tx, actor, 'team', id, { teamId: id, operationId }, `members=${members.rows.length}`);
		if (members.rows.length) await appendChanges(tx, await welcomeFeed(tx, operation, id));
		return { id, gaps: members.gaps, doubleBookings: await memberDoubleBookings(tx, operationId) };
	});
}

export async function updateTeam(db: Db, actor: SessionUser, teamId: string, input: TeamInput): Promise<TeamSaved> {
	requirePlanner(actor);
	return transaction(db, async (tx) => {
		const team = await lockRow(tx, 'team', teamId);
		const operation = await lockEditableOperation(tx, team.operationId);
		const members = await resolveMembers(tx, input);
		const before = await tx.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, teamId));
		const now = new Set(members.rows.map((m) => m.userId));
		const left = before.map((m) => m.userId).filter((id) => !now.has(id));
		const joined = [...now].filter((id) => !before.some((m) => m.userId === id));

		// Deletes addressed to those who left only: the team's other readers get the upsert after them.
		const list = await liveAssignments(tx, teamId);
		const farewell: ChangeInput[] = left.flatMap((userId) => [
			{ entity: 'team' as const, recordId: teamId, op: 'delete' as const, version: team.version, userId },
			...list.map((a): ChangeInput => ({ entity: 'assignment', recordId: a.id, op: 'delete', version: a.version, userId }))
		]);
		await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
		if (members.rows.length) await tx.insert(teamMembers).values(members.rows.map((m) => ({ teamId, ...m })));
		await writeRow(tx, {
			actor,
			entity: 'team',
			id: teamId,
			set: { name: input.name, compositionReason: members.gaps.length ? input.compositionReason : null },
			scope: { teamId, operationId: operation.id },
			action: 'team.update',
			summary: `joined=${joined.length} left=${left.length}`,
			before: farewell
		});
		// After the farewell deletes, everyone still entitled receives the assignments again.
		if (joined.length || left.length) await appendChanges(tx, await welcomeFeed(tx, operation, teamId));
		return { id: teamId, gaps: members.gaps, doubleBookings: await memberDoubleBookings(tx, operation.id) };
	});
}

/** Tombstones the team and its assignments; devices drop them. */
export async function deleteTeam(db: Db, actor: SessionUser, teamId: string): Promise<void> {
	requirePlanner(actor);
	await transaction(db, async (tx) => {
		const team = await lockRow(tx, 'team', teamId);
		await lockEditableOperation(tx, team.operationId);
		await tombstoneTeam(tx, actor, teamId, team.operationId);
	});
}

/** Tombstones a team and its live assignments inside the caller's transaction, which checked the rules. */
export async function tombstoneTeam(tx: Db, actor: SessionUser, teamId: string, operationId: string): Promise<void> {
	const scope = { teamId, operationId };
	for (const a of await liveAssignments(tx, teamId)) {
		await writeRow(tx, { actor, entity: 'assignment', id: a.id, remove: true, scope, action: 'assignment.remove', summary: `team=${teamId}` });
	}
	await writeRow(tx, { actor, entity: 'team', id: teamId, remove: true, scope, action: 'team.remove' });
}
