/**
 * Operations planning against the real server modules: who may change plans, the warnings a
 * planner sees, and that assignments reach exactly their team's devices through the change feed.
 */
import { releaseOperation } from '../../src/lib/server/planning/embargo.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { addUser } from '../support/fixtures.ts';
import { startApp, type TestApp } from '../support/app.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';
import {
	createOperation,
	createPlan,
	changeOperationStatus,
	deletePlan,
	updatePlan
} from '../../src/lib/server/planning/plans.ts';
import { createTeam, updateTeam } from '../../src/lib/server/planning/teams.ts';
import {
	assignVenues,
	moveAssignment,
	removeAssignment,
	setVisitOrder
} from '../../src/lib/server/planning/assignments.ts';
import { addTopSuggestions, suggestionsFor } from '../../src/lib/server/planning/suggestions.ts';
import { operationWarnings } from '../../src/lib/server/planning/warnings.ts';
import { operationDetail } from '../../src/lib/server/planning/operationDetail.ts';
import { scopeOf } from '../../src/lib/server/sync/scope.ts';
import { pullPage } from '../../src/lib/server/sync/pull.ts';
import { NotAllowedError, UserInputError } from '../../src/lib/server/errors.ts';

let database: Database;
let app: TestApp;
const people: Record<string, SessionUser> = {};
let agencyIds: Record<string, string>;
let municipalityId: string;
const venues: string[] = [];

async function person(
	username: string,
	role: SessionUser['role'],
	agencyCode: 'police' | 'labour'
): Promise<SessionUser> {
	const { id } = await addUser(database, username, role, agencyCode);
	return { id, username, displayName: username, role, agencyId: agencyIds[agencyCode]!, agencyCode };
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	agencyIds = Object.fromEntries((await database.db.select().from(s.agencies)).map((a) => [a.code, a.id]));
	people.planner = await person('p_planner', 'planner', 'police');
	people.supervisor = await person('p_supervisor', 'supervisor', 'labour');
	people.police1 = await person('p_police1', 'inspector', 'police');
	people.labour1 = await person('p_labour1', 'inspector', 'labour');
	people.police2 = await person('p_police2', 'inspector', 'police');
	people.labour2 = await person('p_labour2', 'inspector', 'labour');
	municipalityId = randomUUID();
	await database.db.insert(s.municipalities).values({
		id: municipalityId,
		code: 'prizren',
		nameSq: 'Prizren',
		nameSr: 'Prizren',
		nameEn: 'Prizren',
		lat: 42.21,
		lng: 20.74
	});
	for (let i = 0; i < 8; i++) {
		const id = randomUUID();
		venues.push(id);
		await database.db.insert(s.locations).values({
			id,
			name: `Bar ${i}`,
			kind: i < 2 ? 'massage_parlour' : 'restaurant_cafe',
			municipalityId,
			lat: 42.21 + i / 500,
			lng: 20.74
		});
	}
});
afterAll(async () => database?.close());

// Dates count from today: an operation's target list expires from the devices a few days after its
// date (OPERATION_EXPIRY_DAYS), so fixed dates would stop reaching the members' pulls in time.
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const plan = {
	title: 'Winter bars',
	objective: 'Night venues',
	periodStart: inDays(0),
	periodEnd: inDays(40),
	municipalityIds: [] as string[]
};
const operation = (date = inDays(5)) => ({
	title: 'Prizren night',
	date,
	startTime: '20:00',
	endTime: '23:59',
	area: 'Prizren',
	leadAgencyId: agencyIds.police!
});
const joint = (a: SessionUser, b: SessionUser) => ({
	name: 'Team 1',
	members: [
		{ userId: a.id, isLeader: true },
		{ userId: b.id, isLeader: false }
	],
	compositionReason: ''
});

async function pullAs(user: SessionUser) {
	const scope = await scopeOf(database.db, user);
	return (await pullPage(database.db, scope, 0, 10_000)).changes;
}

async function newOperation(date?: string) {
	const { id: planId } = await createPlan(database.db, people.planner!, { ...plan, municipalityIds: [municipalityId] });
	const { id } = await createOperation(database.db, people.planner!, planId, operation(date));
	// Released explicitly, as the planner does on its page: these tests are about what members pull.
	await releaseOperation(database.db, people.planner!, id);
	return { planId, operationId: id };
}

describe(`plan permissions on ${testEngine}`, () => {
	it('lets a planner create a plan, audited, and refuses supervisors and inspectors', async () => {
		const { id } = await createPlan(database.db, people.planner!, plan);
		const audit = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, id));
		expect(audit.map((a) => a.action)).toEqual(['plan.create']);
		await expect(createPlan(database.db, people.supervisor!, plan)).rejects.toBeInstanceOf(NotAllowedError);
		await expect(createPlan(database.db, people.police1!, plan)).rejects.toBeInstanceOf(NotAllowedError);
		await expect(updatePlan(database.db, people.supervisor!, id, plan)).rejects.toBeInstanceOf(NotAllowedError);
	});

	it('refuses an operation dated outside its plan’s period', async () => {
		const { id } = await createPlan(database.db, people.planner!, plan);
		await expect(createOperation(database.db, people.planner!, id, operation(inDays(45)))).rejects.toMatchObject({
			field: 'date'
		});
	});

	it('moves an operation planned → active → done and refuses going back', async () => {
		const { operationId } = await newOperation();
		await changeOperationStatus(database.db, people.planner!, operationId, 'active');
		await changeOperationStatus(database.db, people.planner!, operationId, 'done');
		await expect(changeOperationStatus(database.db, people.planner!, operationId, 'active')).rejects.toMatchObject({
			status: 409
		});
		const audit = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, operationId));
		expect(audit.map((a) => a.action)).toEqual([
			'operation.create',
			'operation.release',
			'operation.status',
			'operation.status'
		]);
	});

	it('refuses inspectors assigning venues', async () => {
		const { operationId } = await newOperation();
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		await expect(assignVenues(database.db, people.police1!, operationId, team.id, [venues[0]!])).rejects.toBeInstanceOf(
			NotAllowedError
		);
	});
});

describe(`joint team warnings on ${testEngine}`, () => {
	it('refuses a police-only team without a reason and accepts it with one, flagged', async () => {
		const { operationId } = await newOperation();
		const policeOnly = {
			name: 'Police',
			members: [
				{ userId: people.police1!.id, isLeader: true },
				{ userId: people.police2!.id, isLeader: false }
			],
			compositionReason: ''
		};
		await expect(createTeam(database.db, people.planner!, operationId, policeOnly)).rejects.toMatchObject({
			field: 'compositionReason'
		});
		const saved = await createTeam(database.db, people.planner!, operationId, {
			...policeOnly,
			compositionReason: 'Labour inspectors on strike'
		});
		expect(saved.gaps).toEqual(['no_labour']);
		const warnings = await operationWarnings(database.db, operationId);
		expect(warnings.teams).toEqual([
			{ teamId: saved.id, teamName: 'Police', gaps: ['no_labour'], reason: 'Labour inspectors on strike' }
		]);
	});

	it('flags a person put on two teams at the same time', async () => {
		const first = await newOperation(inDays(10));
		const second = await newOperation(inDays(10));
		await createTeam(database.db, people.planner!, first.operationId, joint(people.police2!, people.labour2!));
		const saved = await createTeam(
			database.db,
			people.planner!,
			second.operationId,
			joint(people.police2!, people.labour1!)
		);
		expect(saved.doubleBookings.map((d) => d.userId)).toEqual([people.police2!.id]);
		expect((await operationWarnings(database.db, first.operationId)).doubleBookings).toHaveLength(1);
	});

	it('does not flag the same person on teams on different evenings', async () => {
		const first = await newOperation(inDays(14));
		const second = await newOperation(inDays(16));
		await createTeam(database.db, people.planner!, first.operationId, joint(people.police2!, people.labour2!));
		const saved = await createTeam(
			database.db,
			people.planner!,
			second.operationId,
			joint(people.police2!, people.labour2!)
		);
		expect(saved.doubleBookings).toEqual([]);
	});

	it('warns when a venue is assigned twice on the same day, and skips it when already on the operation', async () => {
		const first = await newOperation(inDays(20));
		const second = await newOperation(inDays(20));
		const a = await createTeam(
			database.db,
			people.planner!,
			first.operationId,
			joint(people.police1!, people.labour1!)
		);
		const b = await createTeam(
			database.db,
			people.planner!,
			second.operationId,
			joint(people.police2!, people.labour2!)
		);
		expect(
			(await assignVenues(database.db, people.planner!, first.operationId, a.id, [venues[3]!])).venuesTwice
		).toEqual([]);
		const result = await assignVenues(database.db, people.planner!, second.operationId, b.id, [venues[3]!]);
		expect(result.venuesTwice).toHaveLength(1);
		expect(result.venuesTwice[0]!.teams.map((t) => t.operationTitle)).toHaveLength(2);
		const again = await assignVenues(database.db, people.planner!, first.operationId, a.id, [venues[3]!]);
		expect(again).toMatchObject({ assigned: [], alreadyAssigned: [venues[3]] });
	});
});

describe(`assignments through sync on ${testEngine}`, () => {
	it('reaches the members of the team and not another team; a move gives the old team a delete', async () => {
		const { operationId } = await newOperation(inDays(24));
		const teamA = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const teamB = await createTeam(database.db, people.planner!, operationId, {
			...joint(people.police2!, people.labour2!),
			name: 'Team 2'
		});
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, teamA.id, venues.slice(0, 3));

		const assignmentsFor = async (user: SessionUser) =>
			(await pullAs(user)).filter((c) => c.entity === 'assignment' && assigned.includes(c.id));
		expect((await assignmentsFor(people.police1!)).map((c) => c.op)).toEqual(['upsert', 'upsert', 'upsert']);
		expect(await assignmentsFor(people.police2!)).toEqual([]);
		expect((await pullAs(people.police1!)).some((c) => c.entity === 'operation' && c.id === operationId)).toBe(true);

		const before = await scopeOf(database.db, people.labour1!);
		const cursor = Number((await pullPage(database.db, before, 0, 10_000)).cursor);
		await moveAssignment(database.db, people.planner!, assigned[0]!, teamB.id);
		const sinceMove = (await pullPage(database.db, before, cursor, 100)).changes;
		expect(sinceMove).toEqual([expect.objectContaining({ entity: 'assignment', id: assigned[0], op: 'delete' })]);
		const forB = (await assignmentsFor(people.labour2!)).find((c) => c.id === assigned[0]);
		expect(forB).toMatchObject({ op: 'upsert', data: expect.objectContaining({ teamId: teamB.id }) });
	});

	it('hands a newcomer the team’s operation and assignments already planned', async () => {
		const { operationId } = await newOperation(inDays(26));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, team.id, venues.slice(4, 6));
		const scope = await scopeOf(database.db, people.labour2!);
		const cursor = Number((await pullPage(database.db, scope, 0, 10_000)).cursor);
		await updateTeam(database.db, people.planner!, team.id, {
			name: 'Team 1',
			members: [...joint(people.police1!, people.labour1!).members, { userId: people.labour2!.id, isLeader: false }],
			compositionReason: ''
		});
		const pulled = (await pullPage(database.db, await scopeOf(database.db, people.labour2!), cursor, 100)).changes;
		expect(
			pulled
				.filter((c) => c.entity === 'assignment')
				.map((c) => c.id)
				.sort()
		).toEqual([...assigned].sort());
		expect(pulled.some((c) => c.entity === 'operation' && c.id === operationId)).toBe(true);
		expect(pulled.some((c) => c.entity === 'team' && c.id === team.id && c.op === 'upsert')).toBe(true);
	});

	it('sends a member who leaves deletes of the team and its assignments', async () => {
		const { operationId } = await newOperation(inDays(27));
		const team = await createTeam(database.db, people.planner!, operationId, {
			...joint(people.police1!, people.labour1!),
			members: [...joint(people.police1!, people.labour1!).members, { userId: people.labour2!.id, isLeader: false }]
		});
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, team.id, [venues[6]!]);
		const scope = await scopeOf(database.db, people.labour2!);
		const cursor = Number((await pullPage(database.db, scope, 0, 10_000)).cursor);
		await updateTeam(database.db, people.planner!, team.id, joint(people.police1!, people.labour1!));
		const pulled = (await pullPage(database.db, await scopeOf(database.db, people.labour2!), cursor, 100)).changes;
		expect(pulled.map((c) => [c.entity, c.op])).toEqual(
			expect.arrayContaining([
				['team', 'delete'],
				['assignment', 'delete']
			])
		);
		expect(pulled.find((c) => c.id === assigned[0])?.op).toBe('delete');
	});

	it('reorders a team’s visits, bumping only the moved ones, and refuses a list that is not the team’s', async () => {
		const { operationId } = await newOperation(inDays(28));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, team.id, venues.slice(0, 3));
		const { changed } = await setVisitOrder(database.db, people.planner!, team.id, [
			assigned[0]!,
			assigned[2]!,
			assigned[1]!
		]);
		expect(changed).toBe(2);
		const detail = await operationDetail(database.db, operationId);
		expect(detail!.teams[0]!.assignments.map((a) => a.id)).toEqual([assigned[0], assigned[2], assigned[1]]);
		await expect(setVisitOrder(database.db, people.planner!, team.id, [assigned[0]!])).rejects.toBeInstanceOf(
			UserInputError
		);
		await removeAssignment(database.db, people.planner!, assigned[1]!);
		const pulled = (await pullAs(people.police1!)).find((c) => c.id === assigned[1]);
		expect(pulled?.op).toBe('delete');
	});
});

describe(`a reorder and a device's change to the same visit on ${testEngine}`, () => {
	it('merge: the planner’s new order and the team’s status both stand', async () => {
		const { operationId } = await newOperation(inDays(27));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, team.id, venues.slice(0, 2));
		// What the phone holds: the first visit at its first version.
		const held = (await pullAs(people.police1!)).find((c) => c.entity === 'assignment' && c.id === assigned[0]);
		expect(held?.version).toBe(1);

		await setVisitOrder(database.db, people.planner!, team.id, [assigned[1]!, assigned[0]!]);
		// The team starts the visit from the version it holds, before it has pulled the new order.
		const device = await app.signedIn('p_police1');
		const response = await device.post('/api/sync/push', {
			deviceId: randomUUID(),
			mutations: [
				{
					mutationId: randomUUID(),
					entity: 'assignment',
					op: 'upsert',
					id: assigned[0],
					baseVersion: 1,
					data: { ...held!.data, status: 'in_progress' }
				}
			]
		});
		const [result] = (await response.json()).results;
		expect(result.status).toBe('applied');
		const [row] = await database.db.select().from(s.assignments).where(eq(s.assignments.id, assigned[0]!));
		expect({ status: row?.status, visitOrder: row?.visitOrder }).toEqual({ status: 'in_progress', visitOrder: 2 });
	});
});

describe(`suggestions on ${testEngine}`, () => {
	it('ranks never-inspected massage parlours first, with reasons, and adds the top N in one action', async () => {
		const { operationId } = await newOperation(inDays(29));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const ranked = await suggestionsFor(database.db, operationId, 5);
		expect(ranked.slice(0, 2).map((v) => v.kind)).toEqual(['massage_parlour', 'massage_parlour']);
		expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(['never_inspected', 'kind']);
		const result = await addTopSuggestions(database.db, people.planner!, operationId, team.id, 3);
		expect(result.assigned).toHaveLength(3);
		const next = await suggestionsFor(database.db, operationId, 50);
		expect(next.map((v) => v.id)).not.toContain(ranked[0]!.id);
	});
});

describe(`planning endpoints on ${testEngine}`, () => {
	const signedIn = (username: string) => app.signedIn(username);

	it('lets a planner assign and reorder over HTTP, refuses supervisors and inspectors, and names a bad field', async () => {
		const { operationId } = await newOperation(inDays(30));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const url = `/api/plans/operations/${operationId}/assignments`;
		const body = { teamId: team.id, locationIds: venues.slice(0, 2) };
		const planner = await signedIn('p_planner');
		const answer = await planner.post(url, body);
		expect(answer.status).toBe(200);
		const { assigned } = await answer.json();
		expect(assigned).toHaveLength(2);
		expect((await (await signedIn('p_supervisor')).post(url, body)).status).toBe(403);
		expect((await (await signedIn('p_police1')).post(url, body)).status).toBe(403);
		const bad = await planner.post(url, { teamId: 'nope', locationIds: [] });
		expect(bad.status).toBe(400);
		expect((await bad.json()).field).toBe('teamId');
		const reorder = await planner.request(`/api/plans/teams/${team.id}/order`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ assignmentIds: [...assigned].reverse() })
		});
		expect(await reorder.json()).toEqual({ changed: 2 });
	});

	it('lets a supervisor read an operation’s planning page and its briefing', async () => {
		const { operationId } = await newOperation(inDays(31));
		const supervisor = await signedIn('p_supervisor');
		expect((await supervisor.request(`/plan/operations/${operationId}`)).status).toBe(200);
		expect((await supervisor.request(`/plan/operations/${operationId}/briefing`)).status).toBe(200);
		expect((await (await signedIn('p_police1')).request(`/plan/operations/${operationId}`)).status).toBe(403);
	});

	it('deletes a plan made by mistake with its operations, teams and assignments, sending devices deletes', async () => {
		const { planId, operationId } = await newOperation(inDays(30));
		const team = await createTeam(database.db, people.planner!, operationId, joint(people.police1!, people.labour1!));
		const { assigned } = await assignVenues(database.db, people.planner!, operationId, team.id, venues.slice(0, 2));
		const scope = await scopeOf(database.db, people.police1!);
		const cursor = Number((await pullPage(database.db, scope, 0, 10_000)).cursor);

		await expect(deletePlan(database.db, people.supervisor!, planId)).rejects.toBeInstanceOf(NotAllowedError);
		await deletePlan(database.db, people.planner!, planId);

		const pulled = (await pullPage(database.db, scope, cursor, 100)).changes;
		expect(
			pulled
				.filter((c) => c.op === 'delete')
				.map((c) => c.id)
				.sort()
		).toEqual([...assigned, team.id, operationId].sort());
		const [row] = await database.db.select().from(s.plans).where(eq(s.plans.id, planId));
		expect(row?.deletedAt).not.toBeNull();
		const actions = (await database.db.select().from(s.auditLog)).filter((a) =>
			[planId, operationId, team.id, ...assigned].includes(a.recordId ?? '')
		);
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['plan.remove', 'operation.remove', 'team.remove', 'assignment.remove'])
		);
		await expect(deletePlan(database.db, people.planner!, planId)).rejects.toMatchObject({ status: 404 });
	});

	it('refuses to delete a plan whose operation has started, and changes nothing', async () => {
		const { planId, operationId } = await newOperation(inDays(29));
		await changeOperationStatus(database.db, people.planner!, operationId, 'active');
		await expect(deletePlan(database.db, people.planner!, planId)).rejects.toMatchObject({
			field: 'status',
			status: 409
		});
		const [op] = await database.db.select().from(s.operations).where(eq(s.operations.id, operationId));
		expect(op?.deletedAt).toBeNull();
	});
});
