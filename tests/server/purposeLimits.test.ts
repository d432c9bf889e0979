/**
 * Purpose limits on the real endpoints: every export names its purpose (400 naming `purpose`
 * without one or with one not on the list), leaves out the tagged fields its purpose may not
 * receive (a screened person's nationality: not for immigration enforcement), and writes an audit
 * entry saying who received what for which purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { exportPurposes, limitToPurpose, taggedFields } from '../../src/lib/domain/privacy/purposes.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const ids = { inspection: randomUUID(), person: randomUUID(), worker: randomUUID() };
const PERIOD = 'from=2026-11-01&to=2026-11-30';

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_pl', 'admin', 'police');
	await addUser(database, 'police_sup', 'supervisor', 'police');
	await database.db.insert(s.inspections).values({
		id: ids.inspection,
		locationId: world.ids.venues[0]!,
		teamId: world.ids.teamA,
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted',
		outcome: 'trafficking_indicators_referred',
		createdBy: world.users.a1.id,
		startedAt: new Date('2026-11-20T20:00:00Z'),
		submittedAt: new Date('2026-11-20T23:00:00Z')
	});
	await database.db.insert(s.screenedPersons).values({
		id: ids.person,
		inspectionId: ids.inspection,
		sex: 'female',
		ageBand: '18_22',
		nationality: 'MD',
		result: 'possible_victim'
	});
	await database.db.insert(s.checkedWorkers).values({
		id: ids.worker,
		inspectionId: ids.inspection,
		sex: 'male',
		isMinor: false,
		foreign: true,
		contractBeforeWork: 'no',
		declaredToTax: 'no',
		pensionContributions: 'unknown',
		wageAtLeastMinimum: 'unknown',
		workingTimeRespected: 'unknown',
		workPermit: 'no',
		residencePermit: 'no'
	});
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

async function lastAudit() {
	const [entry] = await database.db.select().from(s.auditLog).orderBy(desc(s.auditLog.seq)).limit(1);
	return entry!;
}

/** Each export as a supervisor or an admin opens it, before the purpose is added. */
const exportsOf = (): { who: string; path: string; action: string }[] => [
	{ who: 'supervisor_x', path: `/api/coverage?${PERIOD}&format=csv&table=totals`, action: 'coverage.export' },
	{
		who: 'supervisor_x',
		path: `/api/coverage?${PERIOD}&format=csv&table=victimsByNationality`,
		action: 'coverage.export'
	},
	{ who: 'supervisor_x', path: `/api/coverage/venues?${PERIOD}`, action: 'coverage.export' },
	{ who: 'planner_x', path: '/api/register/export?format=csv', action: 'register.export' },
	{ who: 'planner_x', path: '/api/register/export?format=geojson&layer=childSites', action: 'register.export' },
	{ who: 'admin_pl', path: `/api/admin/persons/${ids.person}/export`, action: 'person.export' }
];
const join = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

describe(`purpose limits on ${testEngine}`, () => {
	it('refuses an export without a purpose, or with one not on the list, naming `purpose`', async () => {
		for (const { who, path } of exportsOf()) {
			const client = await signedIn(who);
			for (const url of [path, join(path, 'purpose='), join(path, 'purpose=immigration_enforcement')]) {
				const response = await client.get(url);
				expect(response.status, url).toBe(400);
				expect((await response.json()).field, url).toBe('purpose');
			}
		}
	});

	it('audits every export with who received what, for which purpose', async () => {
		for (const { who, path, action } of exportsOf()) {
			const client = await signedIn(who);
			const response = await client.get(join(path, 'purpose=statistics'));
			expect(response.status, path).toBe(200);
			await response.arrayBuffer();
			const entry = await lastAudit();
			const [user] = await database.db.select().from(s.users).where(eq(s.users.username, who));
			expect(entry.userId, path).toBe(user!.id);
			expect(entry.action, path).toBe(action);
			expect(entry.summary, path).toMatch(/^purpose=statistics parts=[a-zA-Z.]+:count=\d+/);
		}
	});

	it('leaves the tagged fields out for statistics and keeps them for a purpose that allows them', async () => {
		const admin = await signedIn('admin_pl');
		const statistics = await admin.get(`/api/admin/persons/${ids.person}/export?purpose=statistics`);
		const limited = (await statistics.json()) as { purpose: string; person: Record<string, unknown> };
		expect(limited.purpose).toBe('statistics');
		expect(limited.person).toMatchObject({ id: ids.person, sex: 'female' });
		expect(limited.person).not.toHaveProperty('nationality');
		expect((await lastAudit()).summary).toContain('withheld=nationality');

		for (const purpose of ['data_subject_request', 'victim_assistance']) {
			const response = await admin.get(`/api/admin/persons/${ids.person}/export?purpose=${purpose}`);
			const full = (await response.json()) as { person: Record<string, unknown> };
			expect(full.person.nationality, purpose).toBe('MD');
			const summary = (await lastAudit()).summary!;
			expect(summary).toContain(`purpose=${purpose}`);
			expect(summary).not.toContain('withheld=');
		}
		const investigation = await admin.get(`/api/admin/persons/${ids.person}/export?purpose=criminal_investigation`);
		expect((await investigation.json()).person).not.toHaveProperty('nationality');
	});

	it('keeps aggregate statistics by nationality: counts, not the tagged field of a person', async () => {
		const supervisor = await signedIn('supervisor_x');
		const response = await supervisor.get(
			`/api/coverage?${PERIOD}&format=csv&table=victimsByNationality&purpose=statistics`
		);
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('MD');
	});

	it('tags the workers’ permits and the persons’ nationality, and only purposes that may have them get them', () => {
		expect(Object.keys(taggedFields.checkedWorker).sort()).toEqual(['foreign', 'residencePermit', 'workPermit']);
		const worker = { id: 'w', sex: 'male', foreign: true, workPermit: 'no', residencePermit: 'missing' };
		for (const purpose of exportPurposes) {
			const kept = limitToPurpose('checkedWorker', worker, purpose);
			const allowed = ['labour_enforcement', 'victim_assistance', 'data_subject_request'].includes(purpose);
			expect(kept, purpose).toEqual(allowed ? worker : { id: 'w', sex: 'male' });
		}
	});

	it('shows the workers’ permits on the inspection page to labour enforcement, not to the police', async () => {
		const data = async (who: string) =>
			(await (await signedIn(who)).get(`/inspections/${ids.inspection}/__data.json`)).text();
		const labour = await data('inspector_a2');
		expect(labour).toContain(ids.worker);
		for (const field of ['"residencePermit"', '"workPermit"', '"foreign"']) expect(labour).toContain(field);
		const police = await data('police_sup');
		expect(police).toContain(ids.worker);
		for (const field of ['"residencePermit"', '"workPermit"', '"foreign"']) expect(police).not.toContain(field);
		// The rest of the worker's record is there for both.
		expect(police).toContain('"contractBeforeWork"');
	});
});
