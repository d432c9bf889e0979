/** One operation as the planning screen and the briefing read it: teams, members, venues in visit order. */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import {
	agencies,
	assignments,
	locations,
	municipalities,
	operations,
	teamMembers,
	teams,
	users
} from '../db/schema.ts';
import type {
	AgencyChoice,
	DetailMember,
	MunicipalityChoice,
	OperationDetail,
	PlanDetail,
	TeamCandidate
} from '../../domain/views/planning.ts';
import { readRow } from './records.ts';
import { visibleOperationSql } from './embargo.ts';
import type { SessionUser } from '../../domain/auth.ts';

export async function operationDetail(db: Db, id: string): Promise<OperationDetail | null> {
	const operation = await readRow(db, 'operation', id);
	const plan = operation && (await readRow(db, 'plan', operation.planId));
	if (!operation || !plan) return null;
	const [agency] = await db
		.select({ name: agencies.name })
		.from(agencies)
		.where(eq(agencies.id, operation.leadAgencyId));
	const teamRows = await db
		.select({ id: teams.id, name: teams.name, compositionReason: teams.compositionReason })
		.from(teams)
		.where(and(eq(teams.operationId, id), isNull(teams.deletedAt)))
		.orderBy(asc(teams.name), asc(teams.createdAt));
	const teamIds = teamRows.map((t) => t.id);
	const [members, assignmentRows] =
		teamIds.length === 0
			? [new Map<string, DetailMember[]>(), []]
			: await Promise.all([
					membersOfTeams(db, teamIds),
					db
						.select({
							teamId: assignments.teamId,
							id: assignments.id,
							locationId: assignments.locationId,
							visitOrder: assignments.visitOrder,
							status: assignments.status,
							name: locations.name,
							kind: locations.kind,
							address: locations.address,
							lat: locations.lat,
							lng: locations.lng,
							riskNotes: locations.riskNotes,
							en: municipalities.nameEn,
							sq: municipalities.nameSq,
							sr: municipalities.nameSr
						})
						.from(assignments)
						.innerJoin(locations, eq(locations.id, assignments.locationId))
						.innerJoin(municipalities, eq(municipalities.id, locations.municipalityId))
						.where(and(inArray(assignments.teamId, teamIds), isNull(assignments.deletedAt)))
						.orderBy(asc(assignments.visitOrder), asc(locations.name))
				]);
	return {
		id,
		planId: plan.id,
		planTitle: plan.title,
		planPeriod: { start: plan.periodStart, end: plan.periodEnd },
		title: operation.title,
		date: operation.date,
		startTime: operation.startTime,
		endTime: operation.endTime,
		area: operation.area,
		status: operation.status,
		leadAgencyId: operation.leadAgencyId,
		leadAgency: agency?.name ?? { en: '', sq: '', sr: '' },
		teams: teamRows.map((team) => ({
			...team,
			members: members.get(team.id) ?? [],
			assignments: assignmentRows
				.filter((a) => a.teamId === team.id)
				.map(({ teamId: _t, en, sq, sr, ...a }) => ({ ...a, municipality: { en, sq, sr } }))
		}))
	};
}

/** Each team's members, leader first, with their agency. */
export async function membersOfTeams(db: Db, teamIds: string[]): Promise<Map<string, DetailMember[]>> {
	const rows = await db
		.select({
			teamId: teamMembers.teamId,
			userId: teamMembers.userId,
			displayName: users.displayName,
			username: users.username,
			agencyCode: agencies.code,
			isLeader: teamMembers.isLeader
		})
		.from(teamMembers)
		.innerJoin(users, eq(users.id, teamMembers.userId))
		.innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
		.where(inArray(teamMembers.teamId, teamIds))
		.orderBy(desc(teamMembers.isLeader), asc(users.displayName));
	const byTeam = new Map<string, DetailMember[]>();
	for (const { teamId, ...member } of rows) byTeam.set(teamId, [...(byTeam.get(teamId) ?? []), member]);
	return byTeam;
}

/** Accounts a planner can put on a team: active inspectors, with their agency. */
export async function teamCandidates(db: Db): Promise<TeamCandidate[]> {
	return db
		.select({ userId: users.id, displayName: users.displayName, username: users.username, agencyCode: agencies.code })
		.from(users)
		.innerJoin(agencies, eq(agencies.id, users.agencyId))
		.where(and(eq(users.active, true), eq(users.role, 'inspector')))
		.orderBy(asc(agencies.code), asc(users.displayName));
}

export async function agencyChoices(db: Db): Promise<AgencyChoice[]> {
	return db
		.select({ id: agencies.id, code: agencies.code, name: agencies.name })
		.from(agencies)
		.orderBy(asc(agencies.code));
}

export async function municipalityChoices(db: Db): Promise<MunicipalityChoice[]> {
	return db
		.select({ id: municipalities.id, en: municipalities.nameEn, sq: municipalities.nameSq, sr: municipalities.nameSr })
		.from(municipalities)
		.orderBy(asc(municipalities.nameSq));
}

/** A plan with its operations (newest last), for the plan page. */
export async function planDetail(db: Db, id: string, reader: SessionUser): Promise<PlanDetail | null> {
	const plan = await readRow(db, 'plan', id);
	if (!plan) return null;
	const list = await db
		.select({
			id: operations.id,
			title: operations.title,
			date: operations.date,
			startTime: operations.startTime,
			endTime: operations.endTime,
			area: operations.area,
			status: operations.status
		})
		.from(operations)
		// An operation under embargo is left out for anyone not on its list (planning/embargo.ts).
		.where(and(eq(operations.planId, id), isNull(operations.deletedAt), visibleOperationSql(reader)))
		.orderBy(asc(operations.date), asc(operations.startTime));
	const { title, objective, periodStart, periodEnd, municipalityIds } = plan;
	return { id, title, objective, periodStart, periodEnd, municipalityIds, operations: list };
}
