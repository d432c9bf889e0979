/**
 * Plans, operations, joint teams and their assignments, built in memory first (so inspections can
 * settle each assignment's status) and then written with their change-feed rows.
 */
import type { Random } from './random.ts';
import type { Tx } from '../db/index.ts';
import type { AssignmentStatus, OperationStatus } from '../../domain/records/codes.ts';
import { assignments, operationCommanders, operations, plans, teamMembers, teams } from '../db/schema.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { announce } from '../records/syncedWrite.ts';
import { clock } from './calendar.ts';
import { insertRows } from './insert.ts';
import type { DemoPerson } from './accounts.ts';
import type { OperationFocus } from './route.ts';
import type { SeedMunicipality, Venue } from './places.ts';

export type { AssignmentStatus };

export type Assignment = { id: string; venue: Venue; visitOrder: number; status: AssignmentStatus };
export type Team = {
	id: string;
	name: string;
	members: DemoPerson[];
	municipality: SeedMunicipality;
	assignments: Assignment[];
};
export type Operation = {
	id: string;
	title: string;
	date: string;
	focus: OperationFocus;
	leadAgencyId: string;
	status: OperationStatus;
	teams: Team[];
	/** When the rows were last touched; unset for this week's, which are being planned now. */
	recordedAt?: Date;
	/** Still planned in secret (planning/embargo.ts); every other demo operation is released. */
	embargoed?: boolean;
};
export type Plan = {
	id: string;
	title: string;
	objective: string;
	periodStart: string;
	periodEnd: string;
	createdBy: string;
	operations: Operation[];
	recordedAt?: Date;
};

export function buildTeam(
	random: Random,
	name: string,
	members: DemoPerson[],
	municipality: SeedMunicipality,
	route: Venue[],
	status: AssignmentStatus
): Team {
	return {
		id: random.uuid(),
		name,
		members,
		municipality,
		assignments: route.map((venue, i) => ({ id: random.uuid(), venue, visitOrder: i + 1, status }))
	};
}

function area(operation: Operation): string {
	return [...new Set(operation.teams.map((t) => t.municipality.nameSq))].join(', ');
}

export async function insertPlans(tx: Tx, planList: readonly Plan[]): Promise<void> {
	const stamp = (at: Date | undefined) => (at ? { createdAt: at, updatedAt: at } : {});
	const opList = planList.flatMap((plan) => plan.operations.map((operation) => ({ plan, operation })));
	const teamList = opList.flatMap(({ operation }) => operation.teams.map((team) => ({ operation, team })));

	await insertRows(
		tx,
		plans,
		planList.map((plan) => ({
			id: plan.id,
			title: plan.title,
			objective: plan.objective,
			periodStart: plan.periodStart,
			periodEnd: plan.periodEnd,
			municipalityIds: [...new Set(plan.operations.flatMap((o) => o.teams.map((t) => t.municipality.id)))],
			createdBy: plan.createdBy,
			...stamp(plan.recordedAt)
		}))
	);
	await insertRows(
		tx,
		operations,
		opList.map(({ plan, operation }) => ({
			id: operation.id,
			planId: plan.id,
			title: operation.title,
			date: operation.date,
			startTime: clock(operation.focus.startMinutes),
			endTime: clock(operation.focus.endMinutes),
			area: area(operation),
			leadAgencyId: operation.leadAgencyId,
			status: operation.status,
			...(operation.embargoed
				? {}
				: { releasedAt: operation.recordedAt ?? new Date(), releaseSentAt: operation.recordedAt ?? new Date() }),
			...stamp(operation.recordedAt)
		}))
	);
	// The planner who made the plan is on each operation's need-to-know list.
	await insertRows(
		tx,
		operationCommanders,
		opList.map(({ plan, operation }) => ({ operationId: operation.id, userId: plan.createdBy }))
	);
	await insertRows(
		tx,
		teams,
		teamList.map(({ operation, team }) => ({
			id: team.id,
			operationId: operation.id,
			name: team.name,
			...stamp(operation.recordedAt)
		}))
	);
	await insertRows(
		tx,
		teamMembers,
		teamList.flatMap(({ team }) =>
			team.members.map((member, i) => ({
				teamId: team.id,
				userId: member.id,
				agencyId: member.agencyId,
				isLeader: i === 0
			}))
		)
	);
	await insertRows(
		tx,
		assignments,
		teamList.flatMap(({ operation, team }) =>
			team.assignments.map((a) => ({
				id: a.id,
				operationId: operation.id,
				teamId: team.id,
				locationId: a.venue.id,
				visitOrder: a.visitOrder,
				status: a.status,
				...stamp(operation.recordedAt)
			}))
		)
	);

	const feed: ChangeInput[] = [
		...planList.map((plan): ChangeInput => ({ entity: 'plan', recordId: plan.id, op: 'upsert', version: 1 })),
		...opList.map(({ operation }): ChangeInput => ({
			entity: 'operation',
			recordId: operation.id,
			op: 'upsert',
			version: 1,
			operationId: operation.id
		})),
		...teamList.flatMap(({ operation, team }): ChangeInput[] => [
			{ entity: 'team', recordId: team.id, op: 'upsert', version: 1, teamId: team.id, operationId: operation.id },
			...team.assignments.map((a): ChangeInput => ({
				entity: 'assignment',
				recordId: a.id,
				op: 'upsert',
				version: 1,
				teamId: team.id,
				operationId: operation.id
			}))
		])
	];
	await announce(tx, feed);
}
