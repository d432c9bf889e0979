/**
 * The police outcome of a visit through the real push endpoint on the engine under test: criminal
 * reports, the evidence log and its chain of custody. Only police members of the visit's team write
 * them; a report stays open after the submission, an item locks with the visit, a hand-over is
 * written once, in order; and the audit log proves the chain, so a row changed in the database is found.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { SUBMITTED_LOCKED } from '../../src/lib/domain/sync/refusals.ts';
import { verifyCustody } from '../../src/lib/server/evidence/verifyCustody.ts';
import { verifyAuditChain } from '../../src/lib/server/audit/verify.ts';
import { operationPoliceOutcome } from '../../src/lib/server/evidence/policeView.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let a1: TestClient;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	a1 = await app.signedIn('inspector_a1');
});
afterAll(async () => database?.close());

type Sent = {
	mutationId: string;
	entity: string;
	id: string;
	op: 'upsert' | 'delete';
	baseVersion: number;
	data: unknown;
	deviceSeq?: number;
};

async function push(client: TestClient, deviceId: string, mutations: Sent[]): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', { deviceId, mutations });
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

const sent = (entity: string, id: string, data: unknown, deviceSeq?: number, baseVersion = 0): Sent => ({
	mutationId: randomUUID(),
	entity,
	id,
	op: 'upsert',
	baseVersion,
	data,
	deviceSeq
});
const deleted = (entity: string, id: string, baseVersion: number): Sent => ({
	...sent(entity, id, null, undefined, baseVersion),
	op: 'delete'
});

const report = (inspectionId: string, overrides: Record<string, unknown> = {}) => ({
	inspectionId,
	offence: 'trafficking_in_persons',
	filedOn: '2026-11-27',
	policeCaseNo: 'PK-2026-114',
	arrests: 2,
	detentions: 1,
	...overrides
});
const item = (inspectionId: string, overrides: Record<string, unknown> = {}) => ({
	inspectionId,
	kind: 'passport',
	description: 'Passport held by the manager',
	whereFound: 'Office safe',
	foundBy: world.users.a1.id,
	foundAt: '2026-11-24T21:10:00Z',
	attachmentId: null,
	sealNo: 'S-0042',
	...overrides
});
const transfer = (
	inspectionId: string,
	evidenceItemId: string,
	at: string,
	overrides: Record<string, unknown> = {}
) => ({
	inspectionId,
	evidenceItemId,
	handedBy: world.users.a1.id,
	receivedBy: 'Officer Gashi',
	receivedUnit: 'Anti-trafficking unit',
	at,
	reference: 'RV-7',
	...overrides
});

const statuses = (results: MutationResult[]) => results.map((r) => r.status);
const refusal = (results: MutationResult[]) => results.map((r) => (r.status === 'rejected' ? r.errors : null));

/** A draft visit of team A with a photo, on a device of its own. */
async function draftVisit(device = randomUUID()) {
	const inspectionId = randomUUID();
	const photoId = randomUUID();
	const visit = visitRecords(world, inspectionId);
	const results = await push(a1, device, [
		sent('inspection', inspectionId, inspectionData(world), 1),
		sent('attachment', photoId, visit.photo(1), 2)
	]);
	expect(statuses(results)).toEqual(['applied', 'applied']);
	return { inspectionId, photoId, visit, device };
}

describe(`who records the police outcome, on ${testEngine}`, () => {
	it('refuses another agency and answers out of scope like missing', async () => {
		const { inspectionId } = await draftVisit();
		const a2 = await app.signedIn('inspector_a2');
		const b1 = await app.signedIn('inspector_b1');
		for (const entity of ['criminalReport', 'evidenceItem', 'custodyTransfer']) {
			const data = {
				criminalReport: report(inspectionId),
				evidenceItem: item(inspectionId),
				custodyTransfer: transfer(inspectionId, randomUUID(), '2026-11-25T09:00:00Z')
			}[entity];
			const results = await push(a2, randomUUID(), [sent(entity, randomUUID(), data)]);
			expect(refusal(results)[0]![0]!.field, entity).toBe('entity');
		}
		const outside = await push(b1, randomUUID(), [sent('criminalReport', randomUUID(), report(inspectionId))]);
		expect(refusal(outside)).toEqual([[{ field: 'data.inspectionId', message: 'no such inspection' }]]);
		expect(
			(await push(a1, randomUUID(), [sent('criminalReport', randomUUID(), report(inspectionId))]))[0]!.status
		).toBe('applied');
	});

	it('checks who found an item and that its photo is of the same visit', async () => {
		const { inspectionId, device } = await draftVisit();
		const other = await draftVisit();
		const outsider = await push(a1, device, [
			sent('evidenceItem', randomUUID(), item(inspectionId, { foundBy: world.users.b1.id }), 3)
		]);
		expect(refusal(outsider)[0]![0]!.field).toBe('data.foundBy');
		const labourMember = await push(a1, device, [
			sent('evidenceItem', randomUUID(), item(inspectionId, { foundBy: world.users.a2.id }), 4)
		]);
		expect(statuses(labourMember)).toEqual(['applied']);
		const otherPhoto = await push(a1, device, [
			sent('evidenceItem', randomUUID(), item(inspectionId, { attachmentId: other.photoId }), 5)
		]);
		expect(refusal(otherPhoto)[0]![0]!.field).toBe('data.attachmentId');
	});
});

describe(`after the visit is submitted, on ${testEngine}`, () => {
	it('criminal reports are filed, changed and deleted; items lock; hand-overs go on', async () => {
		const { inspectionId, photoId, visit, device } = await draftVisit();
		const itemId = randomUUID();
		const before = await push(a1, device, [
			sent('evidenceItem', itemId, item(inspectionId, { attachmentId: photoId }), 3),
			sent('inspection', inspectionId, visit.submitted(), 10, 1)
		]);
		expect(statuses(before)).toEqual(['applied', 'applied']);

		const office = randomUUID();
		const reportId = randomUUID();
		expect(statuses(await push(a1, office, [sent('criminalReport', reportId, report(inspectionId))]))).toEqual([
			'applied'
		]);
		const changed = await push(a1, office, [
			sent('criminalReport', reportId, report(inspectionId, { prosecutorCaseNo: 'PP-88', arrests: 3 }), undefined, 1)
		]);
		expect(changed).toMatchObject([{ status: 'applied', version: 2 }]);
		expect(statuses(await push(a1, office, [deleted('criminalReport', reportId, 2)]))).toEqual(['applied']);

		const late = await push(a1, office, [sent('evidenceItem', randomUUID(), item(inspectionId))]);
		expect(refusal(late)).toEqual([[{ field: 'data.inspectionId', message: SUBMITTED_LOCKED }]]);
		const edit = await push(a1, office, [
			sent('evidenceItem', itemId, item(inspectionId, { sealNo: 'S-9' }), undefined, 1)
		]);
		expect(refusal(edit)).toEqual([[{ field: 'data.inspectionId', message: SUBMITTED_LOCKED }]]);

		const handOver = await push(a1, office, [
			sent('custodyTransfer', randomUUID(), transfer(inspectionId, itemId, '2026-11-25T09:00:00Z'))
		]);
		expect(statuses(handOver)).toEqual(['applied']);
	});
});

describe(`the chain of custody, on ${testEngine}`, () => {
	async function itemWithChain() {
		const { inspectionId, photoId, device } = await draftVisit();
		const itemId = randomUUID();
		const first = randomUUID();
		const second = randomUUID();
		const results = await push(a1, device, [
			sent('evidenceItem', itemId, item(inspectionId, { attachmentId: photoId }), 3),
			sent('custodyTransfer', first, transfer(inspectionId, itemId, '2026-11-24T23:00:00Z'), 4),
			sent(
				'custodyTransfer',
				second,
				transfer(inspectionId, itemId, '2026-11-25T10:00:00Z', { receivedBy: 'Evidence room' }),
				5
			)
		]);
		expect(statuses(results)).toEqual(['applied', 'applied', 'applied']);
		return { inspectionId, itemId, first, second, device };
	}

	it('is append-only: a hand-over is neither changed nor deleted; resending it changes nothing', async () => {
		const { inspectionId, itemId, first, device } = await itemWithChain();
		const again = transfer(inspectionId, itemId, '2026-11-24T23:00:00.000Z');
		expect(await push(a1, device, [sent('custodyTransfer', first, again, 6, 1)])).toMatchObject([
			{ status: 'applied', version: 1 }
		]);
		const changed = await push(a1, device, [
			sent('custodyTransfer', first, { ...again, receivedBy: 'Someone else' }, 7, 1)
		]);
		expect(refusal(changed)[0]![0]!.field).toBe('data.receivedBy');
		expect(refusal(await push(a1, device, [deleted('custodyTransfer', first, 1)]))[0]![0]!.field).toBe('op');
		const [row] = await database.db.select().from(s.custodyTransfers).where(eq(s.custodyTransfers.id, first));
		expect(row).toMatchObject({ receivedBy: 'Officer Gashi', version: 1, deletedAt: null });
		// Nor does the item go while its chain exists.
		expect(refusal(await push(a1, device, [deleted('evidenceItem', itemId, 1)]))[0]![0]!.field).toBe('id');
	});

	it('runs forward in time: not before the item was found nor before the last hand-over', async () => {
		const { inspectionId, itemId, device } = await itemWithChain();
		const beforeFound = await push(a1, device, [
			sent('custodyTransfer', randomUUID(), transfer(inspectionId, itemId, '2026-11-24T21:00:00Z'), 8)
		]);
		expect(refusal(beforeFound)[0]![0]!.field).toBe('data.at');
		const beforeLast = await push(a1, device, [
			sent('custodyTransfer', randomUUID(), transfer(inspectionId, itemId, '2026-11-25T09:59:00Z'), 9)
		]);
		expect(refusal(beforeLast)[0]![0]!.field).toBe('data.at');
		const byLabour = await push(a1, device, [
			sent(
				'custodyTransfer',
				randomUUID(),
				transfer(inspectionId, itemId, '2026-11-26T09:00:00Z', { handedBy: world.users.a2.id }),
				10
			)
		]);
		expect(refusal(byLabour)[0]![0]!.field).toBe('data.handedBy');
		const other = await draftVisit();
		const foreignItem = await push(a1, device, [
			sent('custodyTransfer', randomUUID(), transfer(other.inspectionId, itemId, '2026-11-26T09:00:00Z'), 11)
		]);
		expect(refusal(foreignItem)[0]![0]!.field).toBe('data.evidenceItemId');
	});

	it('is proved by the audit log, and a row altered or removed in the database is found', async () => {
		const { itemId, first, second } = await itemWithChain();
		expect(await verifyCustody(database.db, itemId)).toEqual({ ok: true, links: 2, problems: [] });

		await database.db.execute(sql`UPDATE custody_transfers SET received_by = 'Someone else' WHERE id = ${first}`);
		expect(await verifyCustody(database.db, itemId)).toEqual({
			ok: false,
			links: 2,
			problems: [{ kind: 'altered', entity: 'custodyTransfer', recordId: first }]
		});
		await database.db.execute(sql`UPDATE evidence_items SET seal_no = 'S-1' WHERE id = ${itemId}`);
		await database.db.execute(sql`DELETE FROM custody_transfers WHERE id = ${second}`);
		expect(await verifyCustody(database.db, itemId)).toEqual({
			ok: false,
			links: 1,
			problems: [
				{ kind: 'altered', entity: 'evidenceItem', recordId: itemId },
				{ kind: 'altered', entity: 'custodyTransfer', recordId: first },
				{ kind: 'missing', entity: 'custodyTransfer', recordId: second }
			]
		});
		// The audit chain itself is untouched by all this: the log still proves what was written.
		expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
	});

	it('finds an audit entry rewritten to match an altered row', async () => {
		const { itemId, first } = await itemWithChain();
		const [entry] = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, first));
		await database.db.execute(
			sql`UPDATE audit_log SET summary = ${entry!.summary.replace(/sha256=[0-9a-f]+/, `sha256=${'0'.repeat(64)}`)} WHERE seq = ${entry!.seq}`
		);
		expect(await verifyCustody(database.db, itemId)).toMatchObject({
			ok: false,
			problems: expect.arrayContaining([{ kind: 'audit_broken', entity: 'custodyTransfer', recordId: first }])
		});
	});
});

describe(`the police outcome in the office, on ${testEngine}`, () => {
	it('shows reports to whoever sees the visit, evidence only to those who may read persons, audited', async () => {
		const { inspectionId, device } = await draftVisit();
		const itemId = randomUUID();
		const transferId = randomUUID();
		const results = await push(a1, device, [
			sent('evidenceItem', itemId, item(inspectionId), 3),
			sent('custodyTransfer', transferId, transfer(inspectionId, itemId, '2026-11-25T08:00:00Z'), 4),
			sent('criminalReport', randomUUID(), report(inspectionId), 5),
			sent('criminalReport', randomUUID(), report(inspectionId, { offence: 'slavery', arrests: 1, detentions: 0 }), 6)
		]);
		expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'applied']);
		const page = async (username: string) => {
			const response = await (await app.signedIn(username)).get(`/inspections/${inspectionId}`);
			expect(response.status).toBe(200);
			return response.text();
		};
		const viewsOfEvidence = async () =>
			(
				await database.db
					.select()
					.from(s.auditLog)
					.where(sql`${s.auditLog.action} = 'inspection.view_evidence' AND ${s.auditLog.recordId} = ${inspectionId}`)
			).length;

		const supervisor = await page('supervisor_x');
		expect(supervisor).toContain(`data-evidence-id="${itemId}"`);
		expect(supervisor).toContain(`data-transfer-id="${transferId}"`);
		expect(supervisor).toContain('data-custody="verified"');
		expect(supervisor).toContain('data-report-offence="slavery"');
		expect(await viewsOfEvidence()).toBe(1);

		// The labour inspector of the same team gets the visit's reports on the phone, not its evidence.
		const a2Pull = await (await (await app.signedIn('inspector_a2')).get('/api/sync/pull?limit=1000')).json();
		const a2Entities = new Set((a2Pull.changes as { entity: string }[]).map((change) => change.entity));
		expect(a2Entities).toContain('criminalReport');
		expect(a2Entities).not.toContain('evidenceItem');
		expect(a2Entities).not.toContain('custodyTransfer');

		// Nor on the office page, where the planner too reads the reports only.
		for (const username of ['inspector_a2', 'planner_x']) {
			const html = await page(username);
			expect(html, username).toContain('data-report-offence="trafficking_in_persons"');
			expect(html, username).not.toContain('data-evidence-id');
		}
		expect(await viewsOfEvidence()).toBe(1);

		await database.db.execute(sql`UPDATE custody_transfers SET reference = 'RV-8' WHERE id = ${transferId}`);
		expect(await page('supervisor_x')).toContain('data-custody="broken"');
	});

	it("sums an operation's reports by offence over its visits", async () => {
		const first = await draftVisit();
		const second = await draftVisit();
		const before = await operationPoliceOutcome(database.db, world.ids.operation);
		const withdrawn = randomUUID();
		await push(a1, first.device, [
			sent('criminalReport', randomUUID(), report(first.inspectionId, { arrests: 2, detentions: 1 }), 5),
			sent('criminalReport', withdrawn, report(first.inspectionId, { arrests: 9 }), 6)
		]);
		await push(a1, second.device, [
			sent('criminalReport', randomUUID(), report(second.inspectionId, { arrests: 1, detentions: 3 }), 5)
		]);
		await push(a1, first.device, [deleted('criminalReport', withdrawn, 1)]);
		const after = await operationPoliceOutcome(database.db, world.ids.operation);
		const trafficking = (rows: typeof after) =>
			rows.find((row) => row.offence === 'trafficking_in_persons') ?? { reports: 0, arrests: 0, detentions: 0 };
		expect(trafficking(after)).toEqual({
			offence: 'trafficking_in_persons',
			reports: trafficking(before).reports + 2,
			arrests: trafficking(before).arrests + 3,
			detentions: trafficking(before).detentions + 4
		});
	});
});

describe(`a team's police records and its members, on ${testEngine}`, () => {
	/** Posts a form action the way the enhanced form does. */
	async function formAction(client: TestClient, path: string, fields: [string, string][]) {
		const response = await client.request(path, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams(fields).toString()
		});
		return (await response.json()) as { type: string };
	}
	const teamB = (members: string[]): [string, string][] => [
		['teamId', world.ids.teamB],
		['name', 'B'],
		['compositionReason', 'testing'],
		['leader', members[0]!],
		...members.map((id): [string, string] => ['members', id])
	];
	async function pulled(client: TestClient, cursor = '') {
		const response = await client.get(`/api/sync/pull?cursor=${cursor}&limit=1000`);
		expect(response.status).toBe(200);
		return (await response.json()) as { changes: { entity: string; id: string; op: string }[]; cursor: string };
	}

	it('reach a newcomer to the team and leave the device of one who left', async () => {
		const d1 = await addUser(database, 'inspector_d1', 'inspector', 'police');
		const b1 = await app.signedIn('inspector_b1');
		const inspectionId = randomUUID();
		const itemId = randomUUID();
		const transferId = randomUUID();
		const reportId = randomUUID();
		const visit = inspectionData(world, {
			teamId: world.ids.teamB,
			assignmentId: world.ids.assignmentB,
			locationId: world.ids.venues[1]
		});
		const results = await push(b1, randomUUID(), [
			sent('inspection', inspectionId, visit, 1),
			sent('evidenceItem', itemId, item(inspectionId, { foundBy: world.users.b1.id }), 2),
			sent(
				'custodyTransfer',
				transferId,
				transfer(inspectionId, itemId, '2026-11-25T08:00:00Z', { handedBy: world.users.b1.id }),
				3
			),
			sent('criminalReport', reportId, report(inspectionId), 4)
		]);
		expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'applied']);
		const records = [`evidenceItem:${itemId}`, `custodyTransfer:${transferId}`, `criminalReport:${reportId}`];
		const keys = (changes: { entity: string; id: string; op: string }[], op: string) =>
			new Set(changes.filter((c) => c.op === op).map((c) => `${c.entity}:${c.id}`));

		const d1Client = await app.signedIn('inspector_d1');
		const before = await pulled(d1Client);
		const planner = await app.signedIn('planner_x');
		const operation = `/plan/operations/${world.ids.operation}`;
		expect((await formAction(planner, `${operation}?/updateTeam`, teamB([world.users.b1.id, d1.id]))).type).toBe(
			'success'
		);
		const welcome = await pulled(d1Client, before.cursor);
		for (const key of records) expect(keys(welcome.changes, 'upsert'), key).toContain(key);

		expect((await formAction(planner, `${operation}?/updateTeam`, teamB([world.users.b1.id]))).type).toBe('success');
		const farewell = await pulled(d1Client, welcome.cursor);
		for (const key of records) expect(keys(farewell.changes, 'delete'), key).toContain(key);
	});
});
