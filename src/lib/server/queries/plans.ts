/** Operational plans as planners read them: each plan's operations, teams, members and workload. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { db } from '../db/index.ts';
import { agencies, assignments, operations, plans, teamMembers, teams, users } from '../db/schema.ts';

/** The overview shows the most recent plans; older ones are history, not planning. */
const PLAN_LIMIT = 50;

type LocalizedText = { en: string; sq: string; sr: string };

export type PlanTeam = {
	id: string;
	name: string;
	members: { userId: string; displayName: string; agencyCode: string; isLeader: boolean }[];
	assignmentCount: number;
	doneCount: number;
};

export type PlanOperation = {
	id: string;
	title: string;
	date: string;
	startTime: string;
	endTime: string;
	area: string;
	status: string;
	leadAgencyName: LocalizedText;
	teams: PlanTeam[];
};

export type PlanOverview = {
	id: string;
	title: string;
	objective: string;
	periodStart: string;
	periodEnd: string;
	operations: PlanOperation[];
};

export async function planOverviews(): Promise<PlanOverview[]> {
	const database = await db();
	const planRows = await database
		.select({
			id: plans.id,
			title: plans.title,
			objective: plans.objective,
			periodStart: plans.periodStart,
			periodEnd: plans.periodEnd
		})
		.from(plans)
		.where(isNull(plans.deletedAt))
		.orderBy(desc(plans.periodStart), asc(plans.title))
		.limit(PLAN_LIMIT);
	if (planRows.length === 0) return [];

	const operationRows = await database
		.select({
			planId: operations.planId,
			id: operations.id,
			title: operations.title,
			date: operations.date,
			startTime: operations.startTime,
			endTime: operations.endTime,
			area: operations.area,
			status: operations.status,
			leadAgencyName: agencies.name
		})
		.from(operations)
		.innerJoin(agencies, eq(agencies.id, operations.leadAgencyId))
		.where(
			and(
				inArray(
					operations.planId,
					planRows.map((plan) => plan.id)
				),
				isNull(operations.deletedAt)
			)
		)
		.orderBy(asc(operations.date), asc(operations.startTime));

	const operationIds = operationRows.map((operation) => operation.id);
	const teamRows =
		operationIds.length === 0
			? []
			: await database
					.select({
						operationId: teams.operationId,
						id: teams.id,
						name: teams.name,
						assignmentCount: sql<number>`count(${assignments.id})::int`,
						doneCount: sql<number>`(count(${assignments.id}) filter (where ${assignments.status} = 'done'))::int`
					})
					.from(teams)
					.leftJoin(assignments, and(eq(assignments.teamId, teams.id), isNull(assignments.deletedAt)))
					.where(and(inArray(teams.operationId, operationIds), isNull(teams.deletedAt)))
					.groupBy(teams.id)
					.orderBy(asc(teams.name));

	const teamIds = teamRows.map((team) => team.id);
	const memberRows =
		teamIds.length === 0
			? []
			: await database
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
					.orderBy(desc(teamMembers.isLeader), asc(users.displayName));

	return planRows.map((plan) => ({
		...plan,
		operations: operationRows
			.filter((operation) => operation.planId === plan.id)
			.map(({ planId: _planId, ...operation }) => ({
				...operation,
				teams: teamRows
					.filter((team) => team.operationId === operation.id)
					.map(({ operationId: _operationId, ...team }) => ({
						...team,
						members: memberRows
							.filter((member) => member.teamId === team.id)
							.map(({ teamId: _teamId, ...member }) => member)
					}))
			}))
	}));
}
