/**
 * Control inspections, through the real push and pull endpoints on the engine under test: a
 * violation with a 30-day remedy deadline on a submitted inspection makes the control inspection
 * due that day; a planner's assignment of the venue on or after that day plans it and the team's
 * devices pull it; the checks the team's labour inspector records close it (all remedied) or
 * escalate it (one not remedied); the planners' queue, the ranked suggestions and the supervisors'
 * overdue list show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, completeVenueAnswers, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';
import { assignVenues, moveAssignment, removeAssignment } from '../../src/lib/server/planning/assignments.ts';
import { syncControlsOf } from '../../src/lib/server/labour/controls.ts';
import { followUpsDue, overdueControls } from '../../src/lib/server/labour/followUps.ts';
import { suggestionsFor } from '../../src/lib/server/planning/suggestions.ts';
import { SUBMITTED_LOCKED } from '../../src/lib/domain/sync/refusals.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let labour: TestClient;
let police: TestClient;
let planner: SessionUser;
let kindId: string;
const agencyIds: Record<string, string> = {};

// The inspection is on 24 November 2026; the order gives 30 days: due on 24 December.
const DUE = '2026-12-24';

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	labour = await app.signedIn('inspector_a2');
	police = await app.signedIn('inspector_b1');
	for (const a of await database.db.select().from(s.agencies)) agencyIds[a.code] = a.id;
	planner = {
		id: world.users.planner.id,
		username: 'planner_x',
		displayName: 'Planner',
		role: 'planner',
		agencyId: agencyIds.police!,
		agencyCode: 'police'
	};
	kindId = randomUUID();
	await database.db.insert(s.violationKinds).values({
		id: kindId,
		code: 'TEST-1',
		titleSq: 'Pa kontratë',
		titleSr: 'Bez ugovora',
		titleEn: 'No contract',
		legalBasis: 'Law No. 03/L-212 on Labour',
		severity: 'serious'
	});
});
afterAll(async () => database?.close());

type Sent = { entity: string; id: string; data: unknown; baseVersion?: number; op?: string };

async function push(client: TestClient, mutations: Sent[], deviceId = randomUUID()): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId,
		mutations: mutations.map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

async function pullAll(client: TestClient) {
	const page = await (await client.get('/api/sync/pull?limit=1000')).json();
	return page.changes as { entity: string; id: string; op: string; data: Record<string, unknown> | null }[];
}

/**
 * A submitted inspection at venue 0 with violations recorded as the labour inspector's device
 * records them (`deadlines`: one violation per entry, null for none).
 */
async function inspectionWithViolations(deadlines: (string | null)[], overrides: Record<string, unknown> = {}) {
	const inspectionId = randomUUID();
	const draft = inspectionData(world, overrides);
	const created = await push(labour, [{ entity: 'inspection', id: inspectionId, data: draft }]);
	expect(created[0]!.status).toBe('applied');
	const violationIds = deadlines.map(() => randomUUID());
	await database.db.insert(s.violations).values(
		deadlines.map((remedyDeadline, i) => ({
			id: violationIds[i]!,
			inspectionId,
			kindId,
			remedyDeadline
		}))
	);
	const submitted = await push(labour, [
		{
			entity: 'inspection',
			id: inspectionId,
			baseVersion: 1,
			data: {
				...draft,
				answers: completeVenueAnswers(world.template),
				outcome: 'labour_violations',
				status: 'submitted',
				submittedAt: '2026-11-24T22:00:00.000Z'
			}
		}
	]);
	expect(submitted[0]!.status).toBe('applied');
	return { inspectionId, violationIds };
}

async function controlsOf(sourceInspectionId: string) {
	return database.db
		.select()
		.from(s.controlInspections)
		.where(eq(s.controlInspections.sourceInspectionId, sourceInspectionId));
}

/** An operation on `date` with one team of the given inspectors (direct rows, as the test world's). */
async function operationWithTeam(date: string, members: string[]) {
	const operationId = randomUUID();
	const teamId = randomUUID();
	await database.db.insert(s.operations).values({
		id: operationId,
		planId: world.ids.plan,
		title: `Control ${date}`,
		date,
		leadAgencyId: agencyIds.labour!,
		// Released explicitly: the team pulls what is planned with it (planning/embargo.ts).
		releasedAt: new Date(),
		releaseSentAt: new Date()
	});
	await database.db.insert(s.teams).values({ id: teamId, operationId, name: `T ${date}`, compositionReason: 'test' });
	for (const userId of members) {
		const [user] = await database.db.select().from(s.users).where(eq(s.users.id, userId));
		await database.db.insert(s.teamMembers).values({ teamId, userId, agencyId: user!.agencyId });
	}
	return { operationId, teamId };
}

describe(`control inspections, on ${testEngine}`, () => {
	it('makes one control per deadline once the visit is submitted, and no control without a deadline', async () => {
		const { inspectionId, violationIds } = await inspectionWithViolations([DUE, DUE, null, '2027-01-10']);
		const controls = await controlsOf(inspectionId);
		expect(controls.map((c) => [c.dueOn, c.status, c.violations.length]).sort()).toEqual([
			['2026-12-24', 'due', 2],
			['2027-01-10', 'due', 1]
		]);
		const first = controls.find((c) => c.dueOn === DUE)!;
		expect(first.violations.map((v) => v.violationId).sort()).toEqual([violationIds[0], violationIds[1]].sort());
		expect(first.locationId).toBe(world.ids.venues[0]);
		// Unplanned: no device holds it; the only visit at the venue is the one that found the violations.
		expect(first.teamId).toBeNull();
		expect((await pullAll(labour)).some((c) => c.entity === 'controlInspection')).toBe(false);
	});

	it('is queued for planners, suggested for an operation after its day, and flagged to supervisors once overdue', async () => {
		const { inspectionId } = await inspectionWithViolations([DUE]);
		const [control] = await controlsOf(inspectionId);
		const queue = await followUpsDue(database.db, '2026-12-01');
		expect(queue.find((f) => f.id === control!.id)).toMatchObject({
			dueOn: DUE,
			overdue: false,
			violationCount: 1,
			planned: null,
			venue: { id: world.ids.venues[0] }
		});
		// Not in the queue while far off (beyond the 30-day horizon).
		expect((await followUpsDue(database.db, '2026-11-01')).some((f) => f.id === control!.id)).toBe(false);
		expect((await followUpsDue(database.db, '2026-12-25')).find((f) => f.id === control!.id)?.overdue).toBe(true);
		expect((await overdueControls(database.db, DUE)).count).toBe(0);
		expect((await overdueControls(database.db, '2026-12-25')).count).toBeGreaterThan(0);

		const after = await operationWithTeam('2026-12-28', []);
		const suggested = await suggestionsFor(database.db, after.operationId, 100);
		const venue = suggested.find((s) => s.id === world.ids.venues[0]);
		expect(venue?.reasons).toContainEqual(expect.objectContaining({ code: 'follow_up_due', dueOn: DUE }));
		// An operation before the deadline is not the control visit.
		const before = await operationWithTeam('2026-12-10', []);
		const early = await suggestionsFor(database.db, before.operationId, 100);
		expect(early.find((s) => s.id === world.ids.venues[0])?.reasons.map((r) => r.code)).not.toContain('follow_up_due');
	});

	it('is planned with an assignment after its day, pulled by that team, and settled by the checks', async () => {
		const { inspectionId, violationIds } = await inspectionWithViolations([DUE, DUE]);
		const [control] = await controlsOf(inspectionId);

		// Assigned on an operation before the deadline: not planned with it.
		const early = await operationWithTeam('2026-12-10', [world.users.a2.id]);
		await assignVenues(database.db, planner, early.operationId, early.teamId, [world.ids.venues[0]!]);
		expect((await controlsOf(inspectionId))[0]!.teamId).toBeNull();

		const later = await operationWithTeam('2026-12-30', [world.users.a2.id, world.users.b1.id]);
		const result = await assignVenues(database.db, planner, later.operationId, later.teamId, [world.ids.venues[0]!]);
		const [planned] = await controlsOf(inspectionId);
		expect(planned).toMatchObject({ teamId: later.teamId, assignmentId: result.assigned[0], status: 'due' });
		const pulled = (await pullAll(labour)).filter((c) => c.entity === 'controlInspection' && c.id === control!.id);
		expect(pulled.at(-1)).toMatchObject({ op: 'upsert', data: { dueOn: DUE, teamId: later.teamId } });
		expect((pulled.at(-1)!.data!.violations as unknown[]).length).toBe(2);

		// The control visit, made by the team it is planned with.
		const visitId = randomUUID();
		const visit = inspectionData(world, {
			assignmentId: result.assigned[0],
			teamId: later.teamId,
			startedAt: '2026-12-30T20:00:00.000Z'
		});
		const check = (violationId: string, result: string, extra: Partial<Sent> = {}): Sent => ({
			entity: 'violationCheck',
			id: randomUUID(),
			data: { inspectionId: visitId, controlInspectionId: control!.id, violationId, result },
			...extra
		});
		const first = await push(labour, [
			{ entity: 'inspection', id: visitId, data: visit },
			check(violationIds[0]!, 'remedied')
		]);
		expect(first.map((r) => r.status)).toEqual(['applied', 'applied']);
		expect((await controlsOf(inspectionId))[0]!.status).toBe('due');

		// A police officer of the team does not record the labour inspectorate's checks.
		const refused = await push(police, [check(violationIds[1]!, 'remedied')]);
		expect(refused[0]).toMatchObject({ status: 'rejected', errors: [{ field: 'entity' }] });

		const secondId = randomUUID();
		const second = await push(labour, [{ ...check(violationIds[1]!, 'not_remedied'), id: secondId }]);
		expect(second[0]!.status).toBe('applied');
		expect((await controlsOf(inspectionId))[0]).toMatchObject({ status: 'escalated', doneInspectionId: visitId });

		// The team corrects its finding: remedied after all → done.
		const corrected = await push(labour, [{ ...check(violationIds[1]!, 'remedied'), id: secondId, baseVersion: 1 }]);
		expect(corrected[0]!.status).toBe('applied');
		const [done] = await controlsOf(inspectionId);
		expect(done).toMatchObject({ status: 'done', doneInspectionId: visitId });
		expect(done!.closedAt).not.toBeNull();
		const audit = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, control!.id));
		expect(audit.map((e) => e.action)).toEqual(
			expect.arrayContaining(['control.create', 'control.plan', 'control.settle'])
		);
		// Done: off the planners' queue.
		expect((await followUpsDue(database.db, '2026-12-31')).some((f) => f.id === control!.id)).toBe(false);
	});

	it('refuses a check of another venue, of a violation the control does not check, and after submission', async () => {
		const { inspectionId } = await inspectionWithViolations([DUE]);
		const other = await inspectionWithViolations([DUE]);
		const [control] = await controlsOf(inspectionId);
		const [otherControl] = await controlsOf(other.inspectionId);
		const visitId = randomUUID();
		await push(labour, [
			{
				entity: 'inspection',
				id: visitId,
				data: inspectionData(world, { locationId: world.ids.venues[0], startedAt: '2026-12-30T20:00:00.000Z' })
			}
		]);
		const results = await push(labour, [
			{
				entity: 'violationCheck',
				id: randomUUID(),
				data: {
					inspectionId: visitId,
					controlInspectionId: control!.id,
					violationId: otherControl!.violations[0]!.violationId,
					result: 'remedied'
				}
			},
			{
				entity: 'violationCheck',
				id: randomUUID(),
				data: {
					inspectionId: visitId,
					controlInspectionId: randomUUID(),
					violationId: control!.violations[0]!.violationId,
					result: 'remedied'
				}
			},
			{
				entity: 'violationCheck',
				id: randomUUID(),
				data: {
					inspectionId: visitId,
					controlInspectionId: control!.id,
					violationId: control!.violations[0]!.violationId,
					result: 'maybe'
				}
			}
		]);
		expect(results.map((r) => [r.status, r.errors?.[0]?.field])).toEqual([
			['rejected', 'data.violationId'],
			['rejected', 'data.controlInspectionId'],
			['rejected', 'data.result']
		]);

		// Submitted, the control visit's checks lock with it.
		const visitData = inspectionData(world, { startedAt: '2026-12-30T20:00:00.000Z' });
		const lockedVisit = randomUUID();
		await push(labour, [
			{
				entity: 'inspection',
				id: lockedVisit,
				data: {
					...visitData,
					answers: completeVenueAnswers(world.template),
					outcome: 'no_findings',
					status: 'submitted',
					submittedAt: '2026-12-30T22:00:00.000Z'
				}
			}
		]);
		const late = await push(labour, [
			{
				entity: 'violationCheck',
				id: randomUUID(),
				data: {
					inspectionId: lockedVisit,
					controlInspectionId: control!.id,
					violationId: control!.violations[0]!.violationId,
					result: 'remedied'
				}
			}
		]);
		expect(late[0]).toMatchObject({
			status: 'rejected',
			errors: [{ field: 'data.inspectionId', message: SUBMITTED_LOCKED }]
		});
	});

	it('follows its assignment to another team, and waits for a new plan when the assignment is removed', async () => {
		// At a venue no other test plans a visit to.
		const venue = world.ids.venues[2]!;
		const { inspectionId } = await inspectionWithViolations([DUE], {
			locationId: venue,
			assignmentId: null,
			unplannedReason: 'Seen open after hours'
		});
		const op = await operationWithTeam('2027-01-05', [world.users.a2.id]);
		const otherTeam = randomUUID();
		await database.db.insert(s.teams).values({ id: otherTeam, operationId: op.operationId, name: 'Other' });
		await database.db
			.insert(s.teamMembers)
			.values({ teamId: otherTeam, userId: world.users.b1.id, agencyId: agencyIds.police! });
		const { assigned } = await assignVenues(database.db, planner, op.operationId, op.teamId, [venue]);
		const [control] = await controlsOf(inspectionId);
		expect(control!.teamId).toBe(op.teamId);
		await moveAssignment(database.db, planner, assigned[0]!, otherTeam);
		expect((await controlsOf(inspectionId))[0]!.teamId).toBe(otherTeam);
		// The team it left gets a delete on the feed.
		const feed = await database.db.select().from(s.changes).where(eq(s.changes.recordId, control!.id));
		expect(feed.some((c) => c.op === 'delete' && c.teamId === op.teamId)).toBe(true);
		await removeAssignment(database.db, planner, assigned[0]!);
		expect((await controlsOf(inspectionId))[0]).toMatchObject({ teamId: null, assignmentId: null, status: 'due' });
	});

	it('goes with a visit already planned after its day, and is cancelled when its violations lose their deadline', async () => {
		const venue = world.ids.venues[1]!;
		const op = await operationWithTeam('2027-02-01', [world.users.a2.id]);
		const { assigned } = await assignVenues(database.db, planner, op.operationId, op.teamId, [venue]);
		const { inspectionId, violationIds } = await inspectionWithViolations(['2027-01-20'], {
			locationId: venue,
			assignmentId: null,
			unplannedReason: 'Tip-off'
		});
		const [control] = await controlsOf(inspectionId);
		expect(control).toMatchObject({ assignmentId: assigned[0], teamId: op.teamId, status: 'due' });

		// The order decided again in the office after the submission (the deadline is an open field):
		// pushed by the labour inspector's device, the control moves to the new day.
		const violationData = (remedyDeadline: string | null) => ({
			inspectionId,
			kindId,
			workerIds: [],
			description: '',
			remedyDeadline
		});
		const moved = await push(labour, [
			{ entity: 'violation', id: violationIds[0]!, baseVersion: 1, data: violationData('2027-01-25') }
		]);
		expect(moved[0]!.status).toBe('applied');
		const afterMove = await controlsOf(inspectionId);
		expect(afterMove.map((c) => [c.dueOn, c.status]).sort()).toEqual([
			['2027-01-20', 'cancelled'],
			['2027-01-25', 'due']
		]);
		// The new control too goes with the visit planned after its day.
		expect(afterMove.find((c) => c.dueOn === '2027-01-25')).toMatchObject({ assignmentId: assigned[0] });

		// The order withdrawn (the deadline cleared): the control is cancelled, not deleted.
		const cleared = await push(labour, [
			{ entity: 'violation', id: violationIds[0]!, baseVersion: 2, data: violationData(null) }
		]);
		expect(cleared[0]!.status).toBe('applied');
		expect((await controlsOf(inspectionId)).map((c) => [c.status, c.violations.length])).toEqual([
			['cancelled', 0],
			['cancelled', 0]
		]);
		// A draft's direct rows count only once it is submitted: syncing again changes nothing.
		await database.db.transaction((tx) => syncControlsOf(tx, inspectionId, null));
		expect((await controlsOf(inspectionId)).every((c) => c.status === 'cancelled')).toBe(true);
	});
});
