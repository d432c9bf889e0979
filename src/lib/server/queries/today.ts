/** The inspector's day: the operations their teams are on, with each team's venues in visit order. */
import { and, asc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { agencies, assignments, locations, operations, teamMembers, teams, users } from '../db/schema.ts';

/** Operations are dated in Kosovo's civil time, whatever zone the server runs in. */
const OPERATIONS_TIME_ZONE = 'Europe/Belgrade';

/** How far ahead "today" looks, so a team sees tomorrow's and the weekend's plan in advance. */
export const DAYS_AHEAD = 7;

export type TeamMember = { userId: string; displayName: string; agencyCode: string; isLeader: boolean };

export type AssignedVenue = {
	assignmentId: string;
	visitOrder: number;
	status: string;
	name: string;
	kind: string;
	address: string;
	lat: number;
	lng: number;
};

export type TeamDay = {
	teamId: string;
	teamName: string;
	operationId: string;
	operationTitle: string;
	date: string;
	startTime: string;
	endTime: string;
	area: string;
	operationStatus: string;
	members: TeamMember[];
	venues: AssignedVenue[];
};

function calendarDay(at: Date): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone: OPERATIONS_TIME_ZONE }).format(at);
}

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The operations of `userId`'s teams from today (in Kosovo) to DAYS_AHEAD days on, earliest first. */
export async function upcomingTeamDays(userId: string, now: Date = new Date()): Promise<TeamDay[]> {
	const database = await db();
	const from = calendarDay(now);
	const to = addDays(from, DAYS_AHEAD);

	const teamRows = await database
		.select({
			teamId: teams.id,
			teamName: teams.name,
			operationId: operations.id,
			operationTitle: operations.title,
			date: operations.date,
			startTime: operations.startTime,
			endTime: operations.endTime,
			area: operations.area,
			operationStatus: operations.status
		})
		.from(teamMembers)
		.innerJoin(teams, eq(teams.id, teamMembers.teamId))
		.innerJoin(operations, eq(operations.id, teams.operationId))
		.where(
			and(
				eq(teamMembers.userId, userId),
				isNull(teams.deletedAt),
				isNull(operations.deletedAt),
				gte(operations.date, from),
				lte(operations.date, to)
			)
		)
		.orderBy(asc(operations.date), asc(operations.startTime), asc(teams.name));
	if (teamRows.length === 0) return [];

	const teamIds = teamRows.map((row) => row.teamId);
	const [memberRows, venueRows] = await Promise.all([
		database
			.select({
				teamId: teamMembers.teamId,
				userId: teamMembers.userId,
				displayName: users.displayName,
				agencyCode: agencies.code,
				isLeader: teamMembers.isLeader
			})
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId))
			.innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
			.where(inArray(teamMembers.teamId, teamIds))
			.orderBy(asc(users.displayName)),
		database
			.select({
				teamId: assignments.teamId,
				assignmentId: assignments.id,
				visitOrder: assignments.visitOrder,
				status: assignments.status,
				name: locations.name,
				kind: locations.kind,
				address: locations.address,
				lat: locations.lat,
				lng: locations.lng
			})
			.from(assignments)
			.innerJoin(locations, eq(locations.id, assignments.locationId))
			.where(and(inArray(assignments.teamId, teamIds), isNull(assignments.deletedAt)))
			.orderBy(asc(assignments.visitOrder), asc(locations.name))
	]);

	return teamRows.map((team) => ({
		...team,
		members: memberRows
			.filter((member) => member.teamId === team.teamId)
			.map(({ teamId: _teamId, ...member }) => member),
		venues: venueRows
			.filter((venue) => venue.teamId === team.teamId)
			.map(({ teamId: _teamId, ...venue }) => venue)
	}));
}
