/**
 * What a planner is warned about but may go ahead with: a team that is not joint, a person
 * on two teams at overlapping times, a venue assigned twice on the same day.
 */
import { and, eq, gte, inArray, isNull, lte, ne } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, assignments, locations, operations, teamMembers, teams, users } from '../db/schema.ts';
import { releasedSql } from './released.ts';
import { compositionGaps, doubleBookings, venuesAssignedTwice } from '../../domain/planning/teams.ts';
import type { MemberDoubleBooking, OperationWarnings, VenueTwice } from '../../domain/views/planning.ts';

const DAY_MS = 86_400_000;
const shiftDay = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Live teams of operations near a date (a day either side: windows may run past midnight). */
async function teamsAround(db: Db, date: string) {
	return db
		.select({
			teamId: teams.id,
			teamName: teams.name,
			operationId: operations.id,
			operationTitle: operations.title,
			date: operations.date,
			startTime: operations.startTime,
			endTime: operations.endTime,
			released: releasedSql(new Date())
		})
		.from(teams)
		.innerJoin(operations, eq(operations.id, teams.operationId))
		.where(
			and(
				isNull(teams.deletedAt),
				isNull(operations.deletedAt),
				ne(operations.status, 'cancelled'),
				gte(operations.date, shiftDay(date, -1)),
				lte(operations.date, shiftDay(date, 1))
			)
		);
}

/**
 * Another operation still under embargo is named by no title or team here: the clash is worth a
 * warning, its target and team are not for this page's readers (planning/embargo.ts).
 */
const EMBARGOED = '—';
function masked(
	row: { operationId: string; teamName: string; operationTitle: string; released: boolean },
	current: string
): { teamName: string; operationTitle: string } {
	if (row.operationId === current || row.released)
		return { teamName: row.teamName, operationTitle: row.operationTitle };
	return { teamName: EMBARGOED, operationTitle: EMBARGOED };
}

export async function memberDoubleBookings(db: Db, operationId: string): Promise<MemberDoubleBooking[]> {
	const [operation] = await db.select({ date: operations.date }).from(operations).where(eq(operations.id, operationId));
	if (!operation) return [];
	const nearby = await teamsAround(db, operation.date);
	if (nearby.length === 0) return [];
	const members = await db
		.select({ teamId: teamMembers.teamId, userId: teamMembers.userId, displayName: users.displayName })
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.where(
			inArray(
				teamMembers.teamId,
				nearby.map((t) => t.teamId)
			)
		);
	const teamById = new Map(nearby.map((t) => [t.teamId, t]));
	const found = doubleBookings(members.map((m) => ({ userId: m.userId, ...teamById.get(m.teamId)! })));
	return found
		.filter((d) => d.teamIds.some((id) => teamById.get(id)!.operationId === operationId))
		.map((d) => ({
			userId: d.userId,
			displayName: members.find((m) => m.userId === d.userId)!.displayName,
			teams: d.teamIds.map((id) => ({
				teamId: id,
				...masked(teamById.get(id)!, operationId)
			}))
		}));
}

/** Venues of this operation also assigned elsewhere (or twice here) on its date. */
export async function venuesTwiceOn(db: Db, operationId: string): Promise<VenueTwice[]> {
	const [operation] = await db.select({ date: operations.date }).from(operations).where(eq(operations.id, operationId));
	if (!operation) return [];
	const rows = await db
		.select({
			assignmentId: assignments.id,
			locationId: assignments.locationId,
			operationId: operations.id,
			date: operations.date,
			teamName: teams.name,
			operationTitle: operations.title,
			venueName: locations.name,
			released: releasedSql(new Date())
		})
		.from(assignments)
		.innerJoin(operations, eq(operations.id, assignments.operationId))
		.innerJoin(teams, eq(teams.id, assignments.teamId))
		.innerJoin(locations, eq(locations.id, assignments.locationId))
		.where(
			and(
				isNull(assignments.deletedAt),
				isNull(operations.deletedAt),
				ne(operations.status, 'cancelled'),
				eq(operations.date, operation.date)
			)
		);
	const byId = new Map(rows.map((r) => [r.assignmentId, r]));
	return venuesAssignedTwice(rows)
		.filter((twice) => twice.assignmentIds.some((id) => byId.get(id)!.operationId === operationId))
		.map((twice) => ({
			locationId: twice.locationId,
			venueName: byId.get(twice.assignmentIds[0]!)!.venueName,
			date: twice.date,
			teams: twice.assignmentIds.map((id) => ({
				assignmentId: id,
				...masked(byId.get(id)!, operationId)
			}))
		}));
}

export async function operationWarnings(db: Db, operationId: string): Promise<OperationWarnings> {
	const teamRows = await db
		.select({ teamId: teams.id, teamName: teams.name, reason: teams.compositionReason })
		.from(teams)
		.where(and(eq(teams.operationId, operationId), isNull(teams.deletedAt)));
	const memberRows =
		teamRows.length === 0
			? []
			: await db
					.select({ teamId: teamMembers.teamId, agencyCode: agencies.code })
					.from(teamMembers)
					.innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
					.where(
						inArray(
							teamMembers.teamId,
							teamRows.map((t) => t.teamId)
						)
					);
	const teamWarnings = teamRows
		.map((t) => ({
			...t,
			gaps: compositionGaps(memberRows.filter((m) => m.teamId === t.teamId).map((m) => m.agencyCode))
		}))
		.filter((t) => t.gaps.length > 0);
	return {
		teams: teamWarnings,
		doubleBookings: await memberDoubleBookings(db, operationId),
		venuesTwice: await venuesTwiceOn(db, operationId)
	};
}
