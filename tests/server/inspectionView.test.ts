/**
 * The read-only inspection behind the coverage drill-down, and who may see its person-level
 * records: supervisors and admins, and the team that made the inspection. Anyone else who may not
 * see an inspection gets the same 404 as for an id that does not exist, and every look at
 * person-level records is written to the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { inspectionView } from '../../src/lib/server/inspections/view.ts';
import { sha256Hex } from '../../src/lib/server/storage/attachments.ts';
import { byteStore } from '../../src/lib/server/storage/byteStore.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const teamAInspection = randomUUID();
const unplannedByB1 = randomUUID();
const person = randomUUID();
const referral = randomUUID();
const photo = randomUUID();
const photoBytes = new Uint8Array([
	0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9
]);

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	const db = database.db;
	const base = {
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted' as const,
		outcome: 'trafficking_indicators_referred' as const
	};
	await db.insert(s.inspections).values([
		{
			...base,
			id: teamAInspection,
			locationId: world.ids.venues[0]!,
			assignmentId: world.ids.assignmentA,
			teamId: world.ids.teamA,
			createdBy: world.users.a1.id,
			startedAt: new Date('2026-11-24T20:00:00Z'),
			answers: { women_present: 3, business_registered: 'no' },
			notes: 'Back door locked from outside.'
		},
		{
			...base,
			id: unplannedByB1,
			locationId: world.ids.venues[2]!,
			teamId: null,
			unplannedReason: 'seen on patrol',
			createdBy: world.users.b1.id,
			startedAt: new Date('2026-11-25T20:00:00Z'),
			outcome: 'no_findings'
		}
	]);
	await db.insert(s.screenedPersons).values({
		id: person,
		inspectionId: teamAInspection,
		sex: 'female',
		ageBand: '14_17',
		nationality: 'moldova',
		isMinor: true,
		answers: { sex: 'female', age_band: '14_17' },
		dimensionsPresent: [1, 4],
		result: 'possible_victim'
	});
	await db.insert(s.referrals).values({
		id: referral,
		personId: person,
		inspectionId: teamAInspection,
		target: 'centre_for_social_work',
		referredAt: new Date('2026-11-24T21:00:00Z'),
		consent: true,
		status: 'made'
	});
	await (await byteStore()).put(sha256Hex(photoBytes), photoBytes);
	await db.insert(s.attachments).values({
		id: photo,
		inspectionId: teamAInspection,
		sha256: sha256Hex(photoBytes),
		mime: 'image/jpeg',
		size: photoBytes.length,
		takenAt: new Date('2026-11-24T20:30:00Z'),
		storedAt: new Date('2026-11-24T22:00:00Z')
	});
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

async function personViews(userId: string) {
	return database.db
		.select()
		.from(s.auditLog)
		.where(
			and(
				eq(s.auditLog.action, 'inspection.view_persons'),
				eq(s.auditLog.userId, userId),
				eq(s.auditLog.recordId, teamAInspection)
			)
		);
}

describe(`the read-only inspection on ${testEngine}`, () => {
	it('shows the supervisor the persons and referrals, and audits the look', async () => {
		const response = await (await signedIn('supervisor_x')).get(`/inspections/${teamAInspection}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain(`data-person="${person}"`);
		expect(html).toContain('Centre for Social Work');
		expect(html).toContain('Back door locked from outside.');
		const views = await personViews(world.users.supervisor.id);
		expect(views).toHaveLength(1);
		expect(views[0]).toMatchObject({ entity: 'inspection', summary: 'persons=1 referrals=1' });
	});

	it('shows the inspectors of the team that recorded it the persons too, audited', async () => {
		const response = await (await signedIn('inspector_a2')).get(`/inspections/${teamAInspection}`);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain(`data-person="${person}"`);
		expect(await personViews(world.users.a2.id)).toHaveLength(1);
	});

	it('answers an inspector of another team 404, as for an id that does not exist', async () => {
		const b1 = await signedIn('inspector_b1');
		const other = await b1.get(`/inspections/${teamAInspection}`);
		const missing = await b1.get(`/inspections/${randomUUID()}`);
		expect(other.status).toBe(404);
		expect(missing.status).toBe(404);
		expect(await personViews(world.users.b1.id)).toHaveLength(0);
	});

	it('lets an inspector read their own unplanned visit, and nobody else in the field', async () => {
		expect((await (await signedIn('inspector_b1')).get(`/inspections/${unplannedByB1}`)).status).toBe(200);
		expect((await (await signedIn('inspector_a1')).get(`/inspections/${unplannedByB1}`)).status).toBe(404);
	});

	it('shows planners the venue part without person-level records, and audits nothing', async () => {
		const response = await (await signedIn('planner_x')).get(`/inspections/${teamAInspection}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('data-persons="restricted"');
		expect(html).not.toContain(person);
		expect(await personViews(world.users.planner.id)).toHaveLength(0);
	});

	it('answers 404 for an id that is not a UUID, and sends the signed-out to sign in', async () => {
		expect((await (await signedIn('supervisor_x')).get('/inspections/not-an-id')).status).toBe(404);
		expect((await app.request(`/inspections/${teamAInspection}`)).status).toBe(303);
	});

	it('reads answers back with the template labels and the person with their screening', async () => {
		const supervisor: SessionUser = {
			...world.users.supervisor,
			displayName: 'Supervisor',
			role: 'supervisor',
			agencyId: randomUUID(),
			agencyCode: 'police'
		};
		const view = await inspectionView(database.db, supervisor, teamAInspection);
		const lines = view!.venueAnswers.flatMap((section) => section.lines);
		expect(lines.find((line) => line.itemId === 'women_present')).toMatchObject({
			label: { en: expect.stringMatching(/women/i) },
			value: { kind: 'number', value: 3 }
		});
		expect(view!.persons).toEqual([
			expect.objectContaining({
				id: person,
				result: 'possible_victim',
				dimensionsPresent: [1, 4],
				referrals: [expect.objectContaining({ target: 'centre_for_social_work', status: 'made', consent: true })]
			})
		]);
		expect(view!.auditTrail.map((entry) => entry.action)).toContain('inspection.view_persons');
	});

	it('hands a photo’s bytes to those who may see persons, audited, and 404 to everyone else', async () => {
		for (const username of ['supervisor_x', 'inspector_a2']) {
			const response = await (await signedIn(username)).get(`/api/attachments/${photo}/file`);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('image/jpeg');
			expect(response.headers.get('cache-control')).toContain('no-store');
			expect(sha256Hex(new Uint8Array(await response.arrayBuffer()))).toBe(sha256Hex(photoBytes));
		}
		const views = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'attachment.view'), eq(s.auditLog.recordId, photo)));
		expect(views).toHaveLength(2);
		// Another team's inspector, and a planner (venue part only), cannot tell it from a missing photo.
		for (const username of ['inspector_b1', 'planner_x']) {
			const response = await (await signedIn(username)).get(`/api/attachments/${photo}/file`);
			expect(response.status, username).toBe(username === 'planner_x' ? 403 : 404);
		}
		expect((await (await signedIn('supervisor_x')).get(`/api/attachments/${randomUUID()}/file`)).status).toBe(404);
		expect((await (await signedIn('supervisor_x')).get('/api/attachments/nope/file')).status).toBe(404);
		const page = await (await (await signedIn('supervisor_x')).get(`/inspections/${teamAInspection}`)).text();
		expect(page).toContain(`/api/attachments/${photo}/file`);
		const plannerPage = await (await (await signedIn('planner_x')).get(`/inspections/${teamAInspection}`)).text();
		expect(plannerPage).not.toContain(`/api/attachments/${photo}/file`);
	});
});
