/**
 * The labour inspection through the real push endpoint on the engine under test: only the labour
 * inspectorate writes it, within its team; one labour record per visit; violations name a kind of
 * the catalogue and workers of the same visit, decisions violations of the same visit; what was
 * found on site locks with the submission while the hand-over, the remedy deadline and the
 * decisions stay open. And the catalogue: seeded on start, kept by an admin on /admin/violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { submitAction } from '../support/formActions.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, completeVenueAnswers, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import { KIND_UNDECLARED, labourRecords } from '../support/labour.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { SUBMITTED_LOCKED } from '../../src/lib/domain/sync/refusals.ts';
import { seedViolationKinds } from '../../src/lib/domain/labour/violationKinds.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let labour: TestClient;
let police: TestClient;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'labour_elsewhere', 'inspector', 'labour');
	await addUser(database, 'admin_x', 'admin', 'police');
	labour = await app.signedIn('inspector_a2');
	police = await app.signedIn('inspector_a1');
});
afterAll(async () => database?.close());

type Sent = { entity: string; id: string; data: unknown; op?: 'upsert' | 'delete'; baseVersion?: number };

async function push(client: TestClient, deviceId: string, mutations: Sent[], firstSeq = 1): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId,
		mutations: mutations.map((m, i) => ({
			mutationId: randomUUID(),
			op: 'upsert',
			baseVersion: 0,
			deviceSeq: firstSeq + i,
			...m
		}))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

const statuses = (results: MutationResult[]) => results.map((r) => r.status);
const refused = (field: string, message?: string) => ({
	status: 'rejected',
	errors: [message ? { field, message } : expect.objectContaining({ field })]
});

/** A draft visit of team A, made by the labour inspector's device. */
async function draftVisit(device = randomUUID()) {
	const inspectionId = randomUUID();
	const results = await push(labour, device, [{ entity: 'inspection', id: inspectionId, data: inspectionData(world) }]);
	expect(statuses(results)).toEqual(['applied']);
	return { inspectionId, device, make: labourRecords(inspectionId) };
}

describe(`the violation catalogue on ${testEngine}`, () => {
	it('is seeded on start with fixed ids, each naming its law', async () => {
		const kinds = await database.db.select().from(s.violationKinds);
		expect(kinds.map((k) => k.id).sort()).toEqual(seedViolationKinds.map((k) => k.id).sort());
		for (const kind of kinds) {
			expect(kind.legalBasis).toMatch(/Law No\. 0[34]\/L-(212|161)/);
			expect(kind.titleSq && kind.titleSr && kind.titleEn).toBeTruthy();
		}
		const page = await (await labour.get('/api/sync/pull?limit=1000')).json();
		const pulled = (page.changes as Change[]).filter((c) => c.entity === 'violationKind');
		expect(pulled).toHaveLength(seedViolationKinds.length);
	});
});

describe(`who writes the labour inspection, on ${testEngine}`, () => {
	it('refuses a police officer of the same team, naming the entity, and writes nothing', async () => {
		const { inspectionId, make } = await draftVisit();
		const results = await push(police, randomUUID(), [
			{ entity: 'labourRecord', id: randomUUID(), data: make.record() },
			{ entity: 'checkedWorker', id: randomUUID(), data: make.worker() },
			{ entity: 'violation', id: randomUUID(), data: make.violation([]) },
			{ entity: 'decision', id: randomUUID(), data: make.decision([]) }
		]);
		for (const result of results) expect(result).toMatchObject(refused('entity'));
		expect(
			await database.db.select().from(s.labourRecords).where(eq(s.labourRecords.inspectionId, inspectionId))
		).toEqual([]);
	});

	it('answers a labour inspector outside the team as if the visit did not exist', async () => {
		const { make } = await draftVisit();
		const outsider = await app.signedIn('labour_elsewhere');
		const results = await push(outsider, randomUUID(), [
			{ entity: 'labourRecord', id: randomUUID(), data: make.record() },
			{ entity: 'checkedWorker', id: randomUUID(), data: make.worker() }
		]);
		for (const result of results) expect(result).toMatchObject(refused('data.inspectionId', 'no such inspection'));
	});

	it('keeps one labour record per visit', async () => {
		const { inspectionId, device, make } = await draftVisit();
		const first = randomUUID();
		const results = await push(labour, device, [
			{ entity: 'labourRecord', id: first, data: make.record() },
			{ entity: 'labourRecord', id: randomUUID(), data: make.record({ employerName: 'Other' }) }
		]);
		expect(results[0]!.status).toBe('applied');
		expect(results[1]).toMatchObject(refused('data.inspectionId'));
		const rows = await database.db.select().from(s.labourRecords).where(eq(s.labourRecords.inspectionId, inspectionId));
		expect(rows.map((r) => [r.id, r.employerName])).toEqual([[first, 'Bar Ltd']]);
		// The police member of the team pulls it (not person-level) ...
		const page = await (await police.get('/api/sync/pull?limit=1000')).json();
		expect((page.changes as Change[]).some((c) => c.entity === 'labourRecord' && c.id === first)).toBe(true);
	});
});

describe(`the references of violations and decisions, on ${testEngine}`, () => {
	it('takes only workers and violations of the same visit, and kinds of the catalogue', async () => {
		const here = await draftVisit();
		const there = await draftVisit(here.device);
		const worker = randomUUID();
		const otherWorker = randomUUID();
		const violation = randomUUID();
		const otherViolation = randomUUID();
		const setup = await push(labour, here.device, [
			{ entity: 'checkedWorker', id: worker, data: here.make.worker() },
			{ entity: 'checkedWorker', id: otherWorker, data: there.make.worker() },
			{ entity: 'violation', id: violation, data: here.make.violation([worker]) },
			{ entity: 'violation', id: otherViolation, data: there.make.violation([otherWorker]) }
		]);
		expect(statuses(setup)).toEqual(['applied', 'applied', 'applied', 'applied']);

		const results = await push(labour, here.device, [
			{ entity: 'violation', id: randomUUID(), data: here.make.violation([worker, otherWorker]) },
			{ entity: 'violation', id: randomUUID(), data: here.make.violation([], { kindId: randomUUID() }) },
			{ entity: 'decision', id: randomUUID(), data: here.make.decision([violation, otherViolation]) },
			{ entity: 'decision', id: randomUUID(), data: here.make.decision([violation], { amountEur: null }) },
			{ entity: 'decision', id: randomUUID(), data: here.make.decision([violation]) }
		]);
		expect(results[0]).toMatchObject(refused('data.workerIds.1', 'no such worker in this inspection'));
		expect(results[1]).toMatchObject(refused('data.kindId', 'no such violation kind'));
		expect(results[2]).toMatchObject(refused('data.violationIds.1', 'no such violation in this inspection'));
		expect(results[3]).toMatchObject(refused('data.amountEur'));
		expect(results[4]!.status).toBe('applied');
		// Nothing is deleted from under a record that names it: the device takes it out first.
		const deletes = await push(labour, here.device, [
			{ entity: 'checkedWorker', id: worker, baseVersion: 1, op: 'delete', data: null },
			{ entity: 'violation', id: violation, baseVersion: 1, op: 'delete', data: null }
		]);
		expect(deletes[0]).toMatchObject(refused('id', 'a violation still names this record'));
		expect(deletes[1]).toMatchObject(refused('id', 'a decision still names this record'));
		const unlinked = await push(labour, here.device, [
			{ entity: 'violation', id: violation, baseVersion: 1, data: here.make.violation([]) },
			{ entity: 'checkedWorker', id: worker, baseVersion: 1, op: 'delete', data: null }
		]);
		expect(statuses(unlinked)).toEqual(['applied', 'applied']);
		// The worker is person-level: the change feed marks it restricted.
		const [feed] = await database.db
			.select()
			.from(s.changes)
			.where(and(eq(s.changes.entity, 'checkedWorker'), eq(s.changes.recordId, worker)));
		expect(feed).toMatchObject({ restricted: true, teamId: world.ids.teamA });
	});
});

describe(`the lock of a submitted labour inspection, on ${testEngine}`, () => {
	it('freezes what was found on site; the hand-over, the deadline and the decisions stay open', async () => {
		const { inspectionId, device, make } = await draftVisit();
		const recordId = randomUUID();
		const workerId = randomUUID();
		const violationId = randomUUID();
		const decisionId = randomUUID();
		const recorded = await push(
			labour,
			device,
			[
				{ entity: 'labourRecord', id: recordId, data: make.record() },
				{ entity: 'checkedWorker', id: workerId, data: make.worker() },
				{ entity: 'violation', id: violationId, data: make.violation([workerId]) },
				{
					entity: 'inspection',
					id: inspectionId,
					baseVersion: 1,
					data: inspectionData(world, {
						status: 'submitted',
						outcome: 'labour_violations',
						submittedAt: '2026-11-24T22:00:00Z',
						endedAt: '2026-11-24T22:00:00Z',
						answers: completeVenueAnswers(world.template)
					})
				}
			],
			10
		);
		expect(statuses(recorded)).toEqual(['applied', 'applied', 'applied', 'applied']);

		// Days later, from the office (another device of the same inspector).
		const office = randomUUID();
		const locked = await push(
			labour,
			office,
			[
				{ entity: 'labourRecord', id: recordId, baseVersion: 1, data: make.record({ employerName: 'Changed' }) },
				{ entity: 'checkedWorker', id: workerId, baseVersion: 1, data: make.worker({ isMinor: true }) },
				{ entity: 'checkedWorker', id: randomUUID(), data: make.worker() },
				{ entity: 'checkedWorker', id: workerId, baseVersion: 1, op: 'delete', data: null },
				{ entity: 'violation', id: violationId, baseVersion: 1, data: make.violation([], { description: 'changed' }) },
				{ entity: 'violation', id: randomUUID(), data: make.violation([]) },
				{ entity: 'violation', id: violationId, baseVersion: 1, op: 'delete', data: null }
			],
			1
		);
		expect(locked[0]).toMatchObject(refused('data.employerName', SUBMITTED_LOCKED));
		expect(locked[1]).toMatchObject(refused('data.inspectionId', SUBMITTED_LOCKED));
		expect(locked[2]).toMatchObject(refused('data.inspectionId', SUBMITTED_LOCKED));
		expect(locked[3]).toMatchObject(refused('data.inspectionId', SUBMITTED_LOCKED));
		expect(locked[4]).toMatchObject(refused('data.workerIds', SUBMITTED_LOCKED));
		expect(locked[5]).toMatchObject(refused('data.inspectionId', SUBMITTED_LOCKED));
		expect(locked[6]).toMatchObject(refused('data.inspectionId', SUBMITTED_LOCKED));

		const open = await push(
			labour,
			office,
			[
				{
					entity: 'labourRecord',
					id: recordId,
					baseVersion: 1,
					data: make.record({ handOverTo: 'prosecutor', handOverReference: 'PP-77/26', handOverOn: '2026-11-27' })
				},
				{
					entity: 'violation',
					id: violationId,
					baseVersion: 1,
					data: make.violation([workerId], { remedyDeadline: '2026-12-24' })
				},
				{ entity: 'decision', id: decisionId, data: make.decision([violationId]) }
			],
			20
		);
		expect(statuses(open)).toEqual(['applied', 'applied', 'applied']);
		const later = await push(
			labour,
			office,
			[
				{
					entity: 'decision',
					id: decisionId,
					baseVersion: 1,
					data: make.decision([violationId], { appeal: 'upheld', appealDecidedOn: '2027-01-15' })
				}
			],
			30
		);
		expect(statuses(later)).toEqual(['applied']);
		// A police officer of the team still may not decide.
		const byPolice = await push(police, randomUUID(), [
			{ entity: 'decision', id: decisionId, baseVersion: 2, data: make.decision([violationId], { amountEur: 1 }) }
		]);
		expect(byPolice[0]).toMatchObject(refused('entity'));
		const removed = await push(
			labour,
			office,
			[{ entity: 'decision', id: decisionId, baseVersion: 2, op: 'delete', data: null }],
			40
		);
		expect(statuses(removed)).toEqual(['applied']);

		const [record] = await database.db.select().from(s.labourRecords).where(eq(s.labourRecords.id, recordId));
		expect(record).toMatchObject({ employerName: 'Bar Ltd', handOverTo: 'prosecutor', handOverReference: 'PP-77/26' });
		const [violation] = await database.db.select().from(s.violations).where(eq(s.violations.id, violationId));
		expect(violation).toMatchObject({
			description: 'no contract shown',
			remedyDeadline: '2026-12-24',
			deletedAt: null
		});
		const [decision] = await database.db.select().from(s.decisions).where(eq(s.decisions.id, decisionId));
		expect(decision?.appeal).toBe('upheld');
		expect(decision?.deletedAt).not.toBeNull();
		const workers = await database.db
			.select()
			.from(s.checkedWorkers)
			.where(eq(s.checkedWorkers.inspectionId, inspectionId));
		expect(workers.map((w) => [w.id, w.isMinor, w.deletedAt])).toEqual([[workerId, false, null]]);
	});
});

describe(`the office page of a visit, on ${testEngine}`, () => {
	it('shows the labour inspection; the workers only to those who see the people met, each read audited', async () => {
		const { inspectionId, device, make } = await draftVisit();
		const workerId = randomUUID();
		const results = await push(labour, device, [
			{ entity: 'labourRecord', id: randomUUID(), data: make.record({ notes: 'the manager named Ana' }) },
			{ entity: 'checkedWorker', id: workerId, data: make.worker({ name: 'Ana' }) },
			{ entity: 'violation', id: randomUUID(), data: make.violation([workerId], { remedyDeadline: '2026-12-24' }) }
		]);
		expect(statuses(results)).toEqual(['applied', 'applied', 'applied']);
		const viewsOf = () =>
			database.db
				.select()
				.from(s.auditLog)
				.where(and(eq(s.auditLog.action, 'inspection.view_workers'), eq(s.auditLog.recordId, inspectionId)));

		const supervisor = await app.signedIn('supervisor_x');
		const html = await (await supervisor.get(`/inspections/${inspectionId}`)).text();
		expect(html).toContain('data-labour');
		expect(html).toContain('Bar Ltd');
		expect(html).toContain('data-table="workers"');
		expect(html).toContain('Ana');
		expect(html).toContain('No written employment contract before work started');
		expect(await viewsOf()).toHaveLength(1);

		const planner = await app.signedIn('planner_x');
		const venuePart = await (await planner.get(`/inspections/${inspectionId}`)).text();
		expect(venuePart).toContain('Bar Ltd');
		expect(venuePart).toContain('data-workers="restricted"');
		expect(venuePart).not.toContain('Ana');
		expect(await viewsOf()).toHaveLength(1);
	});
});

/** Submits a form of /admin/violations the way `use:enhance` does. */
const act = (client: TestClient, action: string, fields: Record<string, string>) =>
	submitAction(client, `/admin/violations?/${action}`, fields);

describe(`the admin's catalogue page, on ${testEngine}`, () => {
	it('lists, adds, edits and deactivates kinds; a deactivated kind stays on recorded violations', async () => {
		const admin = await app.signedIn('admin_x');
		const html = await (await admin.get('/admin/violations')).text();
		expect(html).toContain('no_written_contract');
		expect((await labour.get('/admin/violations')).status).toBe(403);

		const fields = {
			id: '',
			code: 'no_first_aid_kit',
			titleSq: 'Pa pajisje të ndihmës së parë',
			titleSr: 'Bez pribora za prvu pomoć',
			titleEn: 'No first-aid kit',
			legalBasis: 'Law No. 04/L-161 on Safety and Health at Work',
			severity: 'minor'
		};
		const added = await act(admin, 'save', fields);
		expect(added).toMatchObject({ type: 'success', data: { action: 'save', ok: true } });
		const id = (added.data!.data as { id: string }).id;
		expect(await act(admin, 'save', { ...fields, id: '', titleEn: 'Twice' })).toMatchObject({
			status: 409,
			data: { action: 'save', field: 'code' }
		});
		expect(await act(admin, 'save', { ...fields, id, severity: 'fatal' })).toMatchObject({
			data: { action: 'save', field: 'severity' }
		});
		expect(await act(admin, 'save', { ...fields, id, severity: 'serious' })).toMatchObject({ type: 'success' });

		// Recorded with the kind while in use; then the kind is deactivated.
		const { device, make } = await draftVisit();
		const violationId = randomUUID();
		expect(
			statuses(
				await push(labour, device, [{ entity: 'violation', id: violationId, data: make.violation([], { kindId: id }) }])
			)
		).toEqual(['applied']);
		expect(await act(admin, 'active', { id, active: 'false' })).toMatchObject({ type: 'success' });
		const [kind] = await database.db.select().from(s.violationKinds).where(eq(s.violationKinds.id, id));
		expect(kind).toMatchObject({ active: false, severity: 'serious', version: 3 });

		const after = await push(
			labour,
			device,
			[
				{ entity: 'violation', id: randomUUID(), data: make.violation([], { kindId: id }) },
				{
					entity: 'violation',
					id: violationId,
					baseVersion: 1,
					data: make.violation([], { kindId: id, description: 'still' })
				},
				{ entity: 'violation', id: violationId, baseVersion: 2, data: make.violation([], { kindId: KIND_UNDECLARED }) }
			],
			100
		);
		expect(after[0]).toMatchObject(refused('data.kindId', 'this violation kind is no longer in use'));
		expect(statuses(after.slice(1))).toEqual(['applied', 'applied']);

		// Every inspector's device learns it is no longer offered.
		const page = await (await police.get('/api/sync/pull?limit=1000')).json();
		const change = (page.changes as Change[]).find((c) => c.entity === 'violationKind' && c.id === id);
		expect(change?.data).toMatchObject({ active: false, code: 'no_first_aid_kit' });
		const audited = await database.db
			.select()
			.from(s.auditLog)
			.where(eq(s.auditLog.action, 'violationKind.deactivate'));
		expect(audited).toHaveLength(1);
	});
});
