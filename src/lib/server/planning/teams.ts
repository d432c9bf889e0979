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
	controlInspections,
	inspections,
	operations,
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
import { entityTables } from '../sync/wireRecords.ts';
import { personLevelEntities } from '../sync/scope.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import { announce, insertSynced, tombstone, updateSynced } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { requirePlanner } from './access.ts';
import { lockRow } from './records.ts';
import type { MemberDoubleBooking } from '../../domain/views/planning.ts';
import { memberDoubleBookings } from './warnings.ts';
import { isReleased } from './released.ts';

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

/** The records made within a visit (each has its `inspectionId`): all travel with the team's visits. */
const visitChildren = [
	'screenedPerson',
	'referral',
	'attachment',
	'labourRecord',
	'checkedWorker',
	'violation',
	'decision',
	'violationCheck',
	'criminalReport',
	'evidenceItem',
	'custodyTransfer'
] as const satisfies readonly SyncEntity[];

/**
 * The live records the team made in the field (its inspections and every record made within them)
 * and the control inspections assigned to it.
 */
async function teamFieldRecords(tx: Db, teamId: string): Promise<FieldRecord[]> {
	const visits = await tx
		.select({ id: inspections.id, version: inspections.version })
		.from(inspections)
		.where(and(eq(inspections.teamId, teamId), isNull(inspections.deletedAt)));
	const controls = (
		await tx
			.select({ id: controlInspections.id, version: controlInspections.version })
			.from(controlInspections)
			.where(and(eq(controlInspections.teamId, teamId), isNull(controlInspections.deletedAt)))
	).map((r): FieldRecord => ({ entity: 'controlInspection', recordId: r.id, version: r.version, restricted: false }));
	if (visits.length === 0) return controls;
	const ids = visits.map((v) => v.id);
	const children = async (entity: (typeof visitChildren)[number]) => {
		// Every child table has id, version, inspection_id and deleted_at; drizzle types one of them.
		const table = entityTables[entity] as typeof screenedPersons;
		const rows = await tx
			.select({ id: table.id, version: table.version })
			.from(table)
			.where(and(inArray(table.inspectionId, ids), isNull(table.deletedAt)));
		const restricted = personLevelEntities.includes(entity);
		return rows.map((r): FieldRecord => ({ entity, recordId: r.id, version: r.version, restricted }));
	};
	return [
		...visits.map((v): FieldRecord => ({
			entity: 'inspection',
			recordId: v.id,
			version: v.version,
			restricted: false
		})),
		...(await Promise.all(visitChildren.map(children))).flat(),
		...controls
	];
}

/** Feed rows that hand a newcomer's device the team's operation, assignments and field records. */
export async function welcomeFeed(
	tx: Db,
	operation: { id: string; version: number },
	teamId: string
): Promise<ChangeInput[]> {
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
	return [
		...(await departureFeed(tx, team, left, true)),
		...left.flatMap((userId): ChangeInput[] =>
			stillIn.some((m) => m.userId === userId) || !operation
				? []
				: [
						{
							entity: 'operation' as const,
							recordId: team.operationId,
							op: 'delete' as const,
							version: operation.version,
							userId
						}
					]
		)
	];
}

/**
 * Deletes addressed to each of `userIds` (no team id: nobody else reads them) for the team and its
 * assignments, and with `withFieldRecords` for the field records it made too. Leaving a team and
 * withdrawing an operation take all of it; an operation's expiry only its target list
 * (planning/embargo.ts).
 */
export async function departureFeed(
	tx: Db,
	team: { id: string; version: number },
	userIds: string[],
	withFieldRecords: boolean
): Promise<ChangeInput[]> {
	if (userIds.length === 0) return [];
	const list = await liveAssignments(tx, team.id);
	const records = withFieldRecords ? await teamFieldRecords(tx, team.id) : [];
	return userIds.flatMap((userId): ChangeInput[] => [
		...records.map((r): ChangeInput => ({ ...r, op: 'delete', userId })),
		...list.map((a): ChangeInput => ({
			entity: 'assignment',
			recordId: a.id,
			op: 'delete',
			version: a.version,
			userId
		})),
		{ entity: 'team', recordId: team.id, op: 'delete', version: team.version, userId }
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
			// Under embargo the release sends all of it (planning/embargo.ts).
			if (isReleased(operation)) await announce(tx, await welcomeFeed(tx, operation, id));
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
		// An operation still under embargo never reached a device: there is nothing to take back.
		const released = isReleased(operation);
		const farewell = released ? await farewellFeed(tx, team, left) : [];
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
		if (released && (joined.length || left.length)) await announce(tx, await welcomeFeed(tx, operation, teamId));
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
