/**
 * Data protection on the real server modules and endpoints: the retention rule
 * anonymises person-level details of closed cases only, keeps every coverage figure as it was,
 * reaches devices through the change feed and the audit log; an admin exports and erases a
 * person's record on request, and nobody else can.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { applyRetention, dueForAnonymisation } from '../../src/lib/server/privacy/retention.ts';
import { coverageReport } from '../../src/lib/server/coverage/index.ts';
import { coverageFiltersSchema } from '../../src/lib/domain/coverage/filters.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const NOW = new Date('2026-11-24T12:00:00Z');
const ids = {
	oldInspection: randomUUID(),
	newInspection: randomUUID(),
	closed: randomUUID(),
	closedReferred: randomUUID(),
	stillOpen: randomUUID(),
	recent: randomUUID(),
	referralClosed: randomUUID(),
	referralOpen: randomUUID()
};

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_dp', 'admin', 'police');
	const db = database.db;
	const inspection = (id: string, startedAt: string) => ({
		id,
		locationId: world.ids.venues[0]!,
		teamId: world.ids.teamA,
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted' as const,
		outcome: 'trafficking_indicators_referred' as const,
		createdBy: world.users.a1.id,
		startedAt: new Date(startedAt),
		submittedAt: new Date(startedAt)
	});
	await db
		.insert(s.inspections)
		.values([
			inspection(ids.oldInspection, '2020-03-10T20:00:00Z'),
			inspection(ids.newInspection, '2026-10-01T20:00:00Z')
		]);
	const person = (id: string, inspectionId: string, nationality: string) => ({
		id,
		inspectionId,
		sex: 'female' as const,
		ageBand: '18_22',
		nationality,
		roleAtVenue: 'dancer',
		language: 'Romanian',
		recruitment: 'job_offer',
		exploitationForm: 'sexual_exploitation',
		answers: { deceived_about_job: 'yes', nationality_other: 'told us her home town' },
		dimensionsPresent: [1, 4, 5],
		result: 'possible_victim' as const
	});
	await db
		.insert(s.screenedPersons)
		.values([
			person(ids.closed, ids.oldInspection, 'moldova'),
			person(ids.closedReferred, ids.oldInspection, 'ukraine'),
			person(ids.stillOpen, ids.oldInspection, 'moldova'),
			person(ids.recent, ids.newInspection, 'albania')
		]);
	const referral = (id: string, personId: string, status: 'closed' | 'made') => ({
		id,
		personId,
		inspectionId: ids.oldInspection,
		target: 'police_anti_trafficking' as const,
		referredAt: new Date('2020-03-10T21:00:00Z'),
		consent: true,
		urgentNeeds: 'medical care for her child',
		interpreterLanguage: 'Romanian',
		interpreterName: 'Ana, court interpreter',
		status,
		notes: 'lives with her sister',
		formalIdentification: 'yes' as const,
		policeCaseNo: 'PK-2020-7',
		prosecutorCaseNo: 'PP-2020-3',
		socialWorkCaseNo: 'QPS-2020-9',
		reflectionStart: '2020-03-11',
		reflectionEnd: '2020-06-09'
	});
	await db
		.insert(s.referrals)
		.values([
			referral(ids.referralClosed, ids.closedReferred, 'closed'),
			referral(ids.referralOpen, ids.stillOpen, 'made')
		]);
	await db.insert(s.recordVersions).values({
		entity: 'screenedPerson',
		recordId: ids.closed,
		version: 1,
		data: {
			language: 'Romanian',
			roleAtVenue: 'dancer',
			answers: { nationality_other: 'told us her home town' },
			sex: 'female'
		}
	});
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

const report = () =>
	coverageReport(database.db, coverageFiltersSchema.parse({ from: '2020-01-01', to: '2026-11-24' }), '2026-11-24');

describe(`retention on ${testEngine}`, () => {
	it('anonymises closed cases past the period only, keeps the figures, and tells devices and the audit log', async () => {
		const before = await report();
		const seqBefore = (await database.db.select().from(s.changes)).length;

		expect(await applyRetention(database.db, 5 * 365, NOW)).toEqual({ anonymised: 2 });

		const persons = await database.db
			.select()
			.from(s.screenedPersons)
			.where(inArray(s.screenedPersons.id, Object.values(ids)));
		const byId = new Map(persons.map((p) => [p.id, p]));
		for (const id of [ids.closed, ids.closedReferred]) {
			expect(byId.get(id)).toMatchObject({
				answers: {},
				roleAtVenue: null,
				language: null,
				sex: 'female',
				ageBand: '18_22',
				result: 'possible_victim',
				exploitationForm: 'sexual_exploitation'
			});
			expect(byId.get(id)?.anonymisedAt).not.toBeNull();
		}
		// An open referral keeps the case open; a recent case is within the period.
		expect(byId.get(ids.stillOpen)).toMatchObject({ language: 'Romanian', anonymisedAt: null });
		expect(byId.get(ids.recent)).toMatchObject({ language: 'Romanian', anonymisedAt: null });
		const [closedReferral] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, ids.referralClosed));
		// The interpreter and the case numbers lead to the person; the identification is a statistic.
		expect(closedReferral).toMatchObject({
			urgentNeeds: '',
			notes: '',
			interpreterLanguage: '',
			interpreterName: '',
			policeCaseNo: '',
			prosecutorCaseNo: '',
			socialWorkCaseNo: '',
			status: 'closed',
			target: 'police_anti_trafficking',
			consent: true,
			formalIdentification: 'yes'
		});
		const [openReferral] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, ids.referralOpen));
		expect(openReferral?.notes).toBe('lives with her sister');

		// Earlier versions lose the details too.
		const [stored] = await database.db
			.select()
			.from(s.recordVersions)
			.where(and(eq(s.recordVersions.entity, 'screenedPerson'), eq(s.recordVersions.recordId, ids.closed)));
		expect(JSON.stringify(stored?.data)).not.toMatch(/Romanian|dancer|home town/);

		const after = await report();
		expect(after.totals).toEqual(before.totals);
		expect(after.report).toEqual(before.report);

		const feed = (await database.db.select().from(s.changes)).slice(seqBefore);
		expect(feed.map((c) => [c.entity, c.recordId, c.restricted]).sort()).toEqual(
			[
				['referral', ids.referralClosed, true],
				['screenedPerson', ids.closed, true],
				['screenedPerson', ids.closedReferred, true]
			].sort()
		);
		const audited = await database.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'person.anonymise'));
		expect(audited.map((a) => a.recordId).sort()).toEqual([ids.closed, ids.closedReferred].sort());
		expect(JSON.stringify(audited)).not.toMatch(/Romanian|dancer|sister|medical/);

		expect(await applyRetention(database.db, 5 * 365, NOW)).toEqual({ anonymised: 0 });
	});
});

describe(`retention waits for a running reflection period on ${testEngine}`, () => {
	it('keeps a closed case whose 90-day period has not ended, and takes it once the period is over', async () => {
		const inspectionId = randomUUID();
		const personId = randomUUID();
		await database.db.insert(s.inspections).values({
			id: inspectionId,
			locationId: world.ids.venues[0]!,
			teamId: world.ids.teamA,
			templateId: world.template.id,
			templateVersion: world.template.version,
			status: 'submitted',
			outcome: 'trafficking_indicators_referred',
			createdBy: world.users.a1.id,
			startedAt: new Date('2026-09-01T20:00:00Z'),
			submittedAt: new Date('2026-09-01T20:00:00Z')
		});
		await database.db.insert(s.screenedPersons).values({
			id: personId,
			inspectionId,
			sex: 'female',
			ageBand: '18_22',
			result: 'possible_victim'
		});
		// The case is closed, but the person's reflection period runs to 2027-01-30.
		await database.db.insert(s.referrals).values({
			id: randomUUID(),
			personId,
			inspectionId,
			target: 'police_anti_trafficking',
			referredAt: new Date('2026-09-01T21:00:00Z'),
			consent: true,
			status: 'closed',
			reflectionStart: '2026-11-01',
			reflectionEnd: '2027-01-30'
		});
		expect(await dueForAnonymisation(database.db, 30, NOW)).not.toContain(personId);
		expect(await dueForAnonymisation(database.db, 30, new Date('2027-01-30T12:00:00Z'))).not.toContain(personId);
		expect(await dueForAnonymisation(database.db, 30, new Date('2027-01-31T12:00:00Z'))).toContain(personId);
	});
});

describe(`a person's record on request on ${testEngine}`, () => {
	it('lets an admin find and export everything held on a person, audited', async () => {
		const admin = await signedIn('admin_dp');
		const page = await admin.get(`/admin/persons?q=${ids.referralOpen}`);
		expect(page.status).toBe(200);
		expect(await page.text()).toContain(`data-person="${ids.stillOpen}"`);
		const response = await admin.get(`/api/admin/persons/${ids.stillOpen}/export?purpose=data_subject_request`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-disposition')).toContain('attachment');
		const record = (await response.json()) as {
			person: { id: string; language: string };
			referrals: { id: string; notes: string }[];
		};
		expect(record.person).toMatchObject({ id: ids.stillOpen, language: 'Romanian' });
		expect(record.referrals).toEqual([
			expect.objectContaining({ id: ids.referralOpen, notes: 'lives with her sister' })
		]);
		const exports = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'person.export'), eq(s.auditLog.recordId, ids.stillOpen)));
		expect(exports).toHaveLength(1);
		expect((await admin.get(`/api/admin/persons/${randomUUID()}/export?purpose=data_subject_request`)).status).toBe(
			404
		);
		expect((await admin.get('/api/admin/persons/not-an-id/export?purpose=data_subject_request')).status).toBe(404);
	});

	it('erases a person’s details with a reason, and refuses without one', async () => {
		const admin = await signedIn('admin_dp');
		const erase = (body: Record<string, string>) =>
			admin.request('/admin/persons?/erase', {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'application/json',
					'x-sveltekit-action': 'true'
				},
				body: new URLSearchParams(body).toString()
			});
		const refused = (await (await erase({ personId: ids.recent, confirm: 'yes', reason: '' })).json()) as {
			type: string;
			status: number;
		};
		expect(refused).toMatchObject({ type: 'failure', status: 400 });
		expect(
			(await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, ids.recent)))[0]?.language
		).toBe('Romanian');

		const done = (await (
			await erase({ personId: ids.recent, confirm: 'yes', reason: 'request 2026/114 via victim advocate' })
		).json()) as { type: string };
		expect(done.type).toBe('success');
		const [erased] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, ids.recent));
		expect(erased).toMatchObject({ language: null, roleAtVenue: null, answers: {}, result: 'possible_victim' });
		const audited = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'person.erase'), eq(s.auditLog.recordId, ids.recent)));
		expect(audited[0]?.summary).toContain('request 2026/114');
	});

	it('refuses everyone but admins', async () => {
		for (const username of ['supervisor_x', 'planner_x', 'inspector_a1']) {
			const client = await signedIn(username);
			expect(
				(await client.get(`/api/admin/persons/${ids.stillOpen}/export?purpose=data_subject_request`)).status,
				username
			).toBe(403);
			expect((await client.get(`/admin/persons?q=${ids.stillOpen}`)).status, username).toBe(403);
		}
	});
});
