/**
 * Joint teams of an operation. Membership decides what each inspector's device pulls, so a change
 * of members is also a change of who must receive (or drop) the team's records: newcomers get the
 * team, its operation, its assignments and the field records it has made again on the feed; people
 * who left get deletes addressed to them alone, for all of it (screened persons and referrals too),
 * so their device drops the records it holds (a record with unsent changes stays until it is sent:
 * client/sync/engine.ts). Teams take inspectors only: membership is what opens a team's
 * person-level records, so a planner cannot grant it to themself.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import {
	agencies,
	assignments,
	criminalReports,
	custodyTransfers,
	evidenceItems,
	attachments,
	inspections,
	operations,
	referrals,
	screenedPersons,
	teamMembers,
	teams,
	users
} from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { TeamInput } from '../../domain/planning/schemas.ts';
import { compositionGaps, type CompositionGap } from '../../domain/planning/teams.ts';
import { isEditable } from '../../domain/planning/operationStatus.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { announce, insertSynced, tombstone, updateSynced } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { requirePlanner } from './access.ts';
import { lockRow } from './records.ts';
import type { MemberDoubleBooking } from '../../domain/views/planning.ts';
import { memberDoubleBookings } from './warnings.ts';

export type TeamSaved = { id: string; gaps: CompositionGap[]; doubleBookings: MemberDoubleBooking[] };

async function lockEditableOperation(tx: Tx, operationId: string) {
	const operation = await lockRow(tx, 'operation', operationId);
	if (!isEditable(operation.status))
		throw new UserInputError('status', 'a finished or cancelled operation cannot change', 409);
	return operation;
}

/** Members with the agency each serves in; every one must be an active inspector's account. */
async function resolveMembers(tx: Db, input: TeamInput) {
	const ids = [...new Set(input.members.map((m) => m.userId))];
	if (ids.length !== input.members.length) throw new UserInputError('members', 'a person is listed twice');
	const rows =
		ids.length === 0
			? []
			: await tx
					.select({
						id: users.id,
						username: users.username,
						role: users.role,
						agencyId: users.agencyId,
						agencyCode: agencies.code,
						active: users.active
					})
					.from(users)
					.innerJoin(agencies, eq(agencies.id, users.agencyId))
					.where(inArray(users.id, ids));
	if (rows.length !== ids.length || rows.some((r) => !r.active))
		throw new UserInputError('members', 'no such active user');
	if (rows.some((r) => r.role !== 'inspector'))
		throw new UserInputError('members', 'only inspectors can be members of a team');
	const gaps = compositionGaps(rows.map((r) => r.agencyCode));
	if (gaps.length > 0 && !input.compositionReason) {
		throw new UserInputError(
			'compositionReason',
			'a team without both a police officer and a labour inspector needs a reason',
			422
		);
	}
	const byId = new Map(rows.map((r) => [r.id, r]));
	return {
		gaps,
		usernames: new Map(rows.map((r) => [r.id, r.username])),
		rows: input.members.map((m) => ({ userId: m.userId, agencyId: byId.get(m.userId)!.agencyId, isLeader: m.isLeader }))
	};
}

async function liveAssignments(tx: Db, teamId: string) {
	return tx
		.select({ id: assignments.id, version: assignments.version })
		.from(assignments)
		.where(and(eq(assignments.teamId, teamId), isNull(assignments.deletedAt)));
}

type FieldRecord = Pick<ChangeInput, 'entity' | 'recordId' | 'version' | 'restricted'>;
type PoliceTable = typeof criminalReports | typeof evidenceItems | typeof custodyTransfers;

/** The live records the team made in the field: inspections, and the persons, referrals and photos of them. */
async function teamFieldRecords(tx: Db, teamId: string): Promise<FieldRecord[]> {
	const visits = await tx
		.select({ id: inspections.id, version: inspections.version })
		.from(inspections)
		.where(and(eq(inspections.teamId, teamId), isNull(inspections.deletedAt)));
	if (visits.length === 0) return [];
	const ids = visits.map((v) => v.id);
	const children = async (
		entity: 'screenedPerson' | 'referral' | 'attachment' | 'criminalReport' | 'evidenceItem' | 'custodyTransfer',
		table: typeof screenedPersons | typeof referrals | typeof attachments | PoliceTable,
		restricted = true
	) =>
		(
			await tx
				.select({ id: table.id, version: table.version })
				.from(table)
				.where(and(inArray(table.inspectionId, ids), isNull(table.deletedAt)))
		).map((r): FieldRecord => ({ entity, recordId: r.id, version: r.version, restricted }));
	return [
		...visits.map((v): FieldRecord => ({
			entity: 'inspection',
			recordId: v.id,
			version: v.version,
			restricted: false
		})),
		...(await children('screenedPerson', screenedPersons)),
		...(await children('referral', referrals)),
		...(await children('attachment', attachments)),
		// The police outcome (sync/policeRules.ts): the reports are counts, the evidence is person-level.
		...(await children('criminalReport', criminalReports, false)),
		...(await children('evidenceItem', evidenceItems)),
		...(await children('custodyTransfer', custodyTransfers))
	];
}

/** Feed rows that hand a newcomer's device the team's operation, assignments and field records. */
async function welcomeFeed(tx: Db, operation: { id: string; version: number }, teamId: string): Promise<ChangeInput[]> {
	const list = await liveAssignments(tx, teamId);
	return [
		{
			entity: 'operation',
			recordId: operation.id,
			op: 'upsert',
			version: operation.version,
			operationId: operation.id
		},
		...list.map((a): ChangeInput => ({
			entity: 'assignment',
			recordId: a.id,
			op: 'upsert',
			version: a.version,
			teamId,
			operationId: operation.id
		})),
		...(await teamFieldRecords(tx, teamId)).map((r): ChangeInput => ({
			...r,
			op: 'upsert',
			teamId,
			operationId: operation.id
		}))
	];
}

/**
 * Deletes addressed to each person who left (no team id: nobody else reads them), for the team,
 * its assignments and field records, and the operation when they are in no other team of it.
 */
async function farewellFeed(
	tx: Db,
	team: { id: string; version: number; operationId: string },
	left: string[]
): Promise<ChangeInput[]> {
	if (left.length === 0) return [];
	const list = await liveAssignments(tx, team.id);
	const records = await teamFieldRecords(tx, team.id);
	const [operation] = await tx
		.select({ version: operations.version })
		.from(operations)
		.where(eq(operations.id, team.operationId));
	const stillIn = await tx
		.select({ userId: teamMembers.userId })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(
			and(
				eq(teams.operationId, team.operationId),
				isNull(teams.deletedAt),
				inArray(teamMembers.userId, left),
				ne(teams.id, team.id)
			)
		);
	return left.flatMap((userId): ChangeInput[] => [
		...records.map((r): ChangeInput => ({ ...r, op: 'delete', userId })),
		...list.map((a): ChangeInput => ({
			entity: 'assignment',
			recordId: a.id,
			op: 'delete',
			version: a.version,
			userId
		})),
		{ entity: 'team', recordId: team.id, op: 'delete', version: team.version, userId },
		...(stillIn.some((m) => m.userId === userId) || !operation
			? []
			: [
					{
						entity: 'operation' as const,
						recordId: team.operationId,
						op: 'delete' as const,
						version: operation.version,
						userId
					}
				])
	]);
}

/** Who joined and who left, by username, for the audit entry of a team change. */
function membershipSummary(joined: string[], left: string[], usernames: Map<string, string>): string {
	const names = (ids: string[]) => ids.map((id) => usernames.get(id) ?? id).join(',');
	return `joined=${joined.length}${joined.length ? `[${names(joined)}]` : ''} left=${left.length}${left.length ? `[${names(left)}]` : ''}`;
}

export async function createTeam(
	db: Db,
	actor: SessionUser,
	operationId: string,
	input: TeamInput
): Promise<TeamSaved> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const operation = await lockEditableOperation(tx, operationId);
		const members = await resolveMembers(tx, input);
		const id = randomUUID();
		await insertSynced(tx, {
			entity: 'team',
			values: {
				id,
				operationId,
				name: input.name,
				compositionReason: members.gaps.length ? input.compositionReason : null
			},
			scope: { teamId: id, operationId },
			audit: {
				userId: actor.id,
				action: 'team.create',
				summary: membershipSummary(
					members.rows.map((m) => m.userId),
					[],
					members.usernames
				)
			}
		});
		if (members.rows.length) {
			await tx.insert(teamMembers).values(members.rows.map((m) => ({ teamId: id, ...m })));
			await announce(tx, await welcomeFeed(tx, operation, id));
		}
		return { id, gaps: members.gaps, doubleBookings: await memberDoubleBookings(tx, operationId) };
	});
}

export async function updateTeam(db: Db, actor: SessionUser, teamId: string, input: TeamInput): Promise<TeamSaved> {
	requirePlanner(actor);
	return db.transaction(async (tx) => {
		const team = await lockRow(tx, 'team', teamId);
		const operation = await lockEditableOperation(tx, team.operationId);
		const members = await resolveMembers(tx, input);
		const before = await tx
			.select({ userId: teamMembers.userId })
			.from(teamMembers)
			.where(eq(teamMembers.teamId, teamId));
		const now = new Set(members.rows.map((m) => m.userId));
		const left = before.map((m) => m.userId).filter((id) => !now.has(id));
		const joined = [...now].filter((id) => !before.some((m) => m.userId === id));

		// Deletes addressed to those who left only: the team's other readers get the upsert after them.
		const farewell = await farewellFeed(tx, team, left);
		const leftNames = left.length
			? await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, left))
			: [];
		for (const row of leftNames) members.usernames.set(row.id, row.username);
		await tx.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
		if (members.rows.length) await tx.insert(teamMembers).values(members.rows.map((m) => ({ teamId, ...m })));
		await updateSynced(tx, {
			entity: 'team',
			id: teamId,
			set: { name: input.name, compositionReason: members.gaps.length ? input.compositionReason : null },
			scope: { teamId, operationId: operation.id },
			audit: { userId: actor.id, action: 'team.update', summary: membershipSummary(joined, left, members.usernames) },
			before: farewell
		});
		// After the farewell deletes, everyone still entitled receives the assignments again.
		if (joined.length || left.length) await announce(tx, await welcomeFeed(tx, operation, teamId));
		return { id: teamId, gaps: members.gaps, doubleBookings: await memberDoubleBookings(tx, operation.id) };
	});
}

/** Tombstones the team and its assignments; devices drop them. */
export async function deleteTeam(db: Db, actor: SessionUser, teamId: string): Promise<void> {
	requirePlanner(actor);
	await db.transaction(async (tx) => {
		const team = await lockRow(tx, 'team', teamId);
		await lockEditableOperation(tx, team.operationId);
		await tombstoneTeam(tx, actor, teamId, team.operationId);
	});
}

/** Tombstones a team and its live assignments inside the caller's transaction, which checked the rules. */
export async function tombstoneTeam(tx: Tx, actor: SessionUser, teamId: string, operationId: string): Promise<void> {
	const scope = { teamId, operationId };
	for (const a of await liveAssignments(tx, teamId)) {
		await tombstone(tx, {
			entity: 'assignment',
			id: a.id,
			scope,
			audit: { userId: actor.id, action: 'assignment.remove', summary: `team=${teamId}` }
		});
	}
	await tombstone(tx, { entity: 'team', id: teamId, scope, audit: { userId: actor.id, action: 'team.remove' } });
}
