/**
 * What a user may read and write through sync. Only inspectors sync a device: reference data, the
 * operations, teams, assignments and field records of the teams they are a member of now, and what
 * they recorded outside any team. Planners, supervisors and admins work on server pages, which check
 * and audit every read; the pull has nothing for them (the route refuses them, and the scope here
 * is empty should a caller forget).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { operations, teamMembers, teams } from '../db/schema.ts';
import { expiredSql, releasedSql } from '../planning/released.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type Scope = {
	user: SessionUser;
	/** Teams of released operations the user is a member of now: their field records, and what the user may push. */
	teamIds: string[];
	/** Of those, the teams whose operation has not expired: their target list (team, assignments) travels. */
	targetTeamIds: string[];
	/** Released operations not yet expired (planning/embargo.ts). */
	operationIds: string[];
	/** Whether the user syncs a device at all (inspectors only). */
	syncs: boolean;
};

export const referenceEntities: readonly SyncEntity[] = [
	'municipality',
	'location',
	'childSite',
	'checklistTemplate',
	'personText',
	'helpline',
	'violationKind'
];

/** Records about the people met: every read of them is audited (a photo may show them). */
export const personLevelEntities: readonly SyncEntity[] = [
	'screenedPerson',
	'referral',
	'attachment',
	'checkedWorker',
	'evidenceItem',
	'custodyTransfer'
];

/**
 * An operation under embargo counts for nothing: its teams are not the user's teams until it is
 * released, so neither its records nor a push naming it get through. After its expiry the target
 * list stops travelling, while the team's field records stay the user's (a late push of an
 * inspection is evidence and is accepted).
 */
export async function scopeOf(db: Db, user: SessionUser, now = new Date()): Promise<Scope> {
	const rows = await db
		.select({ teamId: teamMembers.teamId, operationId: teams.operationId, expired: expiredSql(now) })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.innerJoin(operations, eq(operations.id, teams.operationId))
		.where(and(eq(teamMembers.userId, user.id), releasedSql(now)));
	const current = rows.filter((r) => !r.expired);
	return {
		user,
		teamIds: rows.map((r) => r.teamId),
		targetTeamIds: current.map((r) => r.teamId),
		operationIds: [...new Set(current.map((r) => r.operationId))],
		syncs: user.role === 'inspector'
	};
}

/**
 * A record of a team is in scope while the user is a member of that team now; a record outside any
 * team, for its author. Having written a team's record once grants nothing after leaving the team.
 */
export function inTeamScope(scope: Scope, teamId: string | null, authorId: string | null): boolean {
	return (teamId !== null && scope.teamIds.includes(teamId)) || (teamId === null && authorId === scope.user.id);
}
