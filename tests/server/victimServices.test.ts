/**
 * The victim-services role on the real server: a victim advocate (or a social worker) reads exactly
 * the persons referred to their organisation, on the list and on the person's page; any other person
 * answers 404; every person shown is a view on that person's audit trail; they never sync a device;
 * they set the status and notes of a referral to them (a synced, audited write), and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { victimServicesMayReadPerson } from '../../src/lib/server/victimServices/access.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const users: Record<string, { id: string }> = {};
const ids = {
	inspection: randomUUID(),
	otherMunicipality: randomUUID(),
	// Referred to the victim advocates (and, as every possible victim, to the police).
	toAdvocates: randomUUID(),
	// Referred to the Centre for Social Work only.
	toSocialWork: randomUUID(),
	// Screened, referred to no one.
	notReferred: randomUUID(),
	// Its referral to the advocates was withdrawn (tombstoned).
	withdrawn: randomUUID(),
	referralAdvocates: randomUUID(),
	referralPolice: randomUUID(),
	referralSocialWork: randomUUID(),
	referralWithdrawn: randomUUID()
};

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	const db = database.db;
	await addUser(database, 'admin_v', 'admin', 'police');
	users.advocate = await addUser(database, 'advocate_v', 'victim_services', 'police', {
		organisation: 'victim_advocate'
	});
	users.socialWorker = await addUser(database, 'social_v', 'victim_services', 'labour', {
		organisation: 'centre_for_social_work'
	});
	await db.insert(s.municipalities).values({
		id: ids.otherMunicipality,
		code: 'elsewhere',
		nameSq: 'Gjetkë',
		nameSr: 'Drugde',
		nameEn: 'Elsewhere',
		lat: 42.5,
		lng: 21
	});
	// An advocate who covers another municipality only: the persons met in this one are not theirs.
	users.advocateElsewhere = await addUser(database, 'advocate_far', 'victim_services', 'police', {
		organisation: 'victim_advocate',
		municipalityIds: [ids.otherMunicipality]
	});
	await db.insert(s.inspections).values({
		id: ids.inspection,
		locationId: world.ids.venues[0]!,
		teamId: world.ids.teamA,
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted',
		outcome: 'trafficking_indicators_referred',
		createdBy: world.users.a1.id,
		startedAt: new Date('2026-11-20T20:00:00Z'),
		submittedAt: new Date('2026-11-20T23:00:00Z'),
		notes: 'SECRET venue notes: the owner keeps a second ledger'
	});
	const person = (id: string) => ({
		id,
		inspectionId: ids.inspection,
		sex: 'female' as const,
		ageBand: '18_22',
		nationality: 'MD',
		language: 'Romanian',
		answers: { deceived_about_job: 'yes' },
		result: 'possible_victim' as const
	});
	await db
		.insert(s.screenedPersons)
		.values([person(ids.toAdvocates), person(ids.toSocialWork), person(ids.notReferred), person(ids.withdrawn)]);
	const referral = (
		id: string,
		personId: string,
		target: 'victim_advocate' | 'police_anti_trafficking' | 'centre_for_social_work'
	) => ({
		id,
		personId,
		inspectionId: ids.inspection,
		target,
		referredAt: new Date('2026-11-20T22:00:00Z'),
		consent: true,
		urgentNeeds: target === 'victim_advocate' ? 'a safe place tonight' : '',
		status: 'made' as const,
		notes: ''
	});
	await db
		.insert(s.referrals)
		.values([
			referral(ids.referralAdvocates, ids.toAdvocates, 'victim_advocate'),
			referral(ids.referralPolice, ids.toAdvocates, 'police_anti_trafficking'),
			referral(ids.referralSocialWork, ids.toSocialWork, 'centre_for_social_work'),
			{ ...referral(ids.referralWithdrawn, ids.withdrawn, 'victim_advocate'), deletedAt: new Date() }
		]);
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

async function formAction(client: TestClient, path: string, fields: Record<string, string>) {
	const response = await client.request(path, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields).toString()
	});
	return (await response.json()) as { type: string; status?: number; data?: string };
}

async function views(userId: string, personId: string) {
	return database.db
		.select()
		.from(s.auditLog)
		.where(and(eq(s.auditLog.userId, userId), eq(s.auditLog.action, 'person.view'), eq(s.auditLog.recordId, personId)));
}

const personIds = [ids.toAdvocates, ids.toSocialWork, ids.notReferred, ids.withdrawn];

describe(`victim services on ${testEngine}`, () => {
	it('lists exactly the persons referred to their organisation, each view on the person’s trail', async () => {
		const advocate = await signedIn('advocate_v');
		const response = await advocate.get('/referred');
		expect(response.status).toBe(200);
		const html = await response.text();
		const shown = personIds.filter((id) => html.includes(`data-person="${id}"`));
		expect(shown).toEqual([ids.toAdvocates]);
		// What the referral carries, never the venue investigation or the other services' referrals.
		expect(html).toContain('a safe place tonight');
		expect(html).not.toContain('SECRET venue notes');
		expect(html).not.toContain(`data-referral="${ids.referralPolice}"`);
		expect(await views(users.advocate!.id, ids.toAdvocates)).toEqual([
			expect.objectContaining({ entity: 'screenedPerson', summary: 'via=referred_list purpose=victim_assistance' })
		]);

		const socialWorker = await signedIn('social_v');
		const theirs = await (await socialWorker.get('/referred')).text();
		expect(personIds.filter((id) => theirs.includes(`data-person="${id}"`))).toEqual([ids.toSocialWork]);

		const far = await (await (await signedIn('advocate_far')).get('/referred')).text();
		expect(personIds.filter((id) => far.includes(`data-person="${id}"`))).toEqual([]);
	});

	it('opens a referred person’s page, audited; every other person answers 404', async () => {
		const advocate = await signedIn('advocate_v');
		const page = await advocate.get(`/referred/${ids.toAdvocates}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain(`data-referral="${ids.referralAdvocates}"`);
		expect(html).not.toContain(`data-referral="${ids.referralPolice}"`);
		expect(html).not.toContain('SECRET venue notes');
		expect(await views(users.advocate!.id, ids.toAdvocates)).toContainEqual(
			expect.objectContaining({ summary: 'via=referred_page purpose=victim_assistance' })
		);
		for (const other of [ids.toSocialWork, ids.notReferred, ids.withdrawn, randomUUID(), 'not-an-id']) {
			expect((await advocate.get(`/referred/${other}`)).status, other).toBe(404);
			// The page's data request answers the load's 404 inside its body, and nothing of the person.
			const data = await (await advocate.get(`/referred/${other}/__data.json`)).text();
			expect(data, other).toContain('"status":404');
			expect(data, other).not.toContain('data-referral');
			expect(data, other).not.toContain(other === 'not-an-id' ? '"referrals"' : `${ids.referralSocialWork}`);
		}
		expect((await (await signedIn('advocate_far')).get(`/referred/${ids.toAdvocates}`)).status).toBe(404);
		// The shared rule, as the access policy calls it.
		const advocateUser = { id: users.advocate!.id, role: 'victim_services' as const };
		expect(await victimServicesMayReadPerson(database.db, advocateUser, ids.toAdvocates)).toBe(true);
		expect(await victimServicesMayReadPerson(database.db, advocateUser, ids.toSocialWork)).toBe(false);
		expect(
			await victimServicesMayReadPerson(database.db, { ...advocateUser, role: 'supervisor' }, ids.toAdvocates)
		).toBe(false);
	});

	it('never syncs a device and reaches no other screen or endpoint', async () => {
		const advocate = await signedIn('advocate_v');
		expect((await advocate.get('/api/sync/pull?cursor=&limit=10')).status).toBe(403);
		expect((await advocate.post('/api/sync/push', { deviceId: randomUUID(), mutations: [] })).status).toBe(403);
		expect((await advocate.get(`/inspections/${ids.inspection}`)).status).toBe(403);
		expect((await advocate.get(`/api/locations/${world.ids.venues[0]}`)).status).toBe(403);
		expect((await advocate.get(`/api/admin/persons/${ids.toAdvocates}/export?purpose=victim_assistance`)).status).toBe(
			403
		);
		expect((await advocate.get('/map')).status).toBe(403);
		// And nobody else reads the victim-services pages.
		expect((await (await signedIn('supervisor_x')).get('/referred')).status).toBe(403);
		expect((await (await signedIn('inspector_a1')).get(`/referred/${ids.toAdvocates}`)).status).toBe(403);
	});

	it('sets the status and notes of a referral to them, audited and sent to the recording team', async () => {
		const advocate = await signedIn('advocate_v');
		const result = await formAction(advocate, `/referred/${ids.toAdvocates}?/update`, {
			referralId: ids.referralAdvocates,
			status: 'accepted',
			notes: 'placed in the shelter'
		});
		expect(result.type).toBe('success');
		const [stored] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, ids.referralAdvocates));
		expect(stored).toMatchObject({ status: 'accepted', notes: 'placed in the shelter', version: 2 });
		const [entry] = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'referral.update_by_service'), eq(s.auditLog.recordId, ids.referralAdvocates)));
		expect(entry).toMatchObject({
			userId: users.advocate!.id,
			entity: 'referral',
			summary: 'version=2 status=made>accepted notes=changed purpose=victim_assistance'
		});
		const [feed] = await database.db
			.select()
			.from(s.changes)
			.where(and(eq(s.changes.recordId, ids.referralAdvocates), eq(s.changes.version, 2)));
		expect(feed).toMatchObject({ entity: 'referral', teamId: world.ids.teamA, restricted: true });
	});

	it('changes nothing else: not the person’s screening, not another service’s referral, not bad input', async () => {
		const advocate = await signedIn('advocate_v');
		const [before] = await database.db
			.select()
			.from(s.screenedPersons)
			.where(eq(s.screenedPersons.id, ids.toAdvocates));
		// Fields of the screening sent along are not read.
		const sneaky = await formAction(advocate, `/referred/${ids.toAdvocates}?/update`, {
			referralId: ids.referralAdvocates,
			status: 'closed',
			notes: 'closed',
			result: 'no_indicators',
			nationality: 'XK'
		});
		expect(sneaky.type).toBe('success');
		const [after] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, ids.toAdvocates));
		expect(after).toEqual(before);
		// The police referral of the same person is not the advocates' to change.
		const police = await formAction(advocate, `/referred/${ids.toAdvocates}?/update`, {
			referralId: ids.referralPolice,
			status: 'closed',
			notes: ''
		});
		expect(police).toMatchObject({ type: 'failure', status: 404 });
		// Another organisation's person: the page itself is not found.
		const elsewhere = await formAction(advocate, `/referred/${ids.toSocialWork}?/update`, {
			referralId: ids.referralSocialWork,
			status: 'closed',
			notes: ''
		});
		expect(elsewhere.type).toBe('error');
		const bad = await formAction(advocate, `/referred/${ids.toAdvocates}?/update`, {
			referralId: ids.referralAdvocates,
			status: 'forgotten',
			notes: ''
		});
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		expect(bad.data).toContain('status');
		const [police2] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, ids.referralPolice));
		const [social] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, ids.referralSocialWork));
		expect([police2!.status, social!.status]).toEqual(['made', 'made']);
		// No screening through the device door either.
		expect((await advocate.post('/api/sync/push', { deviceId: randomUUID(), mutations: [] })).status).toBe(403);
	});

	it('an admin gives a victim-services account its organisation and municipalities, and changes them', async () => {
		const admin = await signedIn('admin_v');
		const account = {
			username: 'shelter_v',
			displayName: 'Shelter worker',
			password: 'a long enough password',
			role: 'victim_services',
			agencyCode: 'police'
		};
		const missing = await formAction(admin, '/admin/users?/create', account);
		expect(missing).toMatchObject({ type: 'failure', status: 400 });
		expect(missing.data).toContain('organisation');
		const onInspector = await formAction(admin, '/admin/users?/create', {
			...account,
			role: 'inspector',
			organisation: 'shelter'
		});
		expect(onInspector).toMatchObject({ type: 'failure', status: 400 });
		expect((await formAction(admin, '/admin/users?/create', { ...account, organisation: 'shelter' })).type).toBe(
			'success'
		);
		const [created] = await database.db.select().from(s.users).where(eq(s.users.username, 'shelter_v'));
		expect(created).toMatchObject({ role: 'victim_services', organisation: 'shelter', municipalityIds: [] });

		const moved = new URLSearchParams({ userId: created!.id, organisation: 'ngo' });
		moved.append('municipalityIds', ids.otherMunicipality);
		const response = await admin.request('/admin/users?/organisation', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: moved.toString()
		});
		expect(((await response.json()) as { type: string }).type).toBe('success');
		const [changed] = await database.db.select().from(s.users).where(eq(s.users.id, created!.id));
		expect(changed).toMatchObject({ organisation: 'ngo', municipalityIds: [ids.otherMunicipality] });
		const [entry] = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'user.set_organisation'), eq(s.auditLog.recordId, created!.id)));
		expect(entry?.summary).toBe('organisation=ngo municipalities=1');
		// Not for another role's account.
		const inspector = await formAction(admin, '/admin/users?/organisation', {
			userId: world.users.a1.id,
			organisation: 'ngo'
		});
		expect(inspector).toMatchObject({ type: 'failure', status: 400 });
	});
});
