/**
 * What a user may read and write through sync. Inspectors: reference data, their teams'
 * operations, assignments and field records, and what they recorded themselves. Planners: all but
 * person-level records. Supervisors and admins: everything.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { teamMembers, teams } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';

export type Scope = {
	user: SessionUser;
	teamIds: string[];
	operationIds: string[];
	/** Everything, not just the user's teams (planners, supervisors, admins). */
	readsAll: boolean;
	/** Person-level records (screened persons, referrals) outside the user's own teams. */
	readsAllRestricted: boolean;
};

export const referenceEntities: readonly SyncEntity[] = ['municipality', 'location', 'childSite', 'checklistTemplate'];

export async function scopeOf(db: Db, user: SessionUser): Promise<Scope> {
	const rows = await db
		.select({ teamId: teamMembers.teamId, operationId: teams.operationId })
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.where(eq(teamMembers.userId, user.id));
	return {
		user,
		teamIds: rows.map((r) => r.teamId),
		operationIds: [...new Set(rows.map((r) => r.operationId))],
		readsAll: user.role !== 'inspector',
		readsAllRestricted: user.role === 'supervisor' || user.role === 'admin'
	};
}

export function inTeamScope(scope: Scope, teamId: string | null, authorId: string | null): boolean {
	return (teamId !== null && scope.teamIds.includes(teamId)) || (teamId === null && authorId === scope.user.id);
}
