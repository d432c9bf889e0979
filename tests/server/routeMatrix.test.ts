/**
 * Every route with every role and agency, from the one access table: a refused role gets 401/403
 * (or the sign-in redirect for pages), an allowed one gets past the guard. A new route without an
 * entry fails tests/unit/routeAccess.test.ts; this walks what the entries promise against the
 * server. Then the routes that answer with a person's records, asked by each role × agency about a
 * real visit, against the access policy (domain/accessPolicy.ts): who reads persons, who their
 * count, who a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { decideAccess, routeAccess } from '../../src/lib/server/auth/routeAccess.ts';
import type { Role } from '../../src/lib/domain/auth.ts';
import { levelOf } from '../../src/lib/domain/accessPolicy.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { sha256Hex } from '../../src/lib/server/storage/attachments.ts';
import { byteStore } from '../../src/lib/server/storage/byteStore.ts';
import { buildSyncWorld } from '../support/syncWorld.ts';
import { and, eq } from 'drizzle-orm';

let database: Database;
let app: TestApp;
const clients = new Map<string, { client: TestClient; role: Role | null }>();

const callers: { name: string; role: Role | null; agency: 'police' | 'labour' }[] = [
	{ name: 'anonymous', role: null, agency: 'police' },
	{ name: 'police_inspector', role: 'inspector', agency: 'police' },
	{ name: 'labour_inspector', role: 'inspector', agency: 'labour' },
	{ name: 'planner', role: 'planner', agency: 'police' },
	{ name: 'labour_planner', role: 'planner', agency: 'labour' },
	{ name: 'supervisor', role: 'supervisor', agency: 'labour' },
	{ name: 'police_supervisor', role: 'supervisor', agency: 'police' },
	{ name: 'admin', role: 'admin', agency: 'police' },
	{ name: 'victim_services', role: 'victim_services', agency: 'labour' }
];

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	for (const caller of callers) {
		const client = app.client();
		if (caller.role) {
			await addUser(database, `m_${caller.name}`, caller.role, caller.agency);
			const response = await client.post(
				'/api/auth/login',
				{ username: `m_${caller.name}`, password: FIXTURE_PASSWORD },
				{ address: `10.7.0.${clients.size}` }
			);
			expect(response.status).toBe(200);
		}
		clients.set(caller.name, { client, role: caller.role });
	}
});
afterAll(async () => database?.close());

/** A concrete path for a route id: groups dropped, parameters filled with an id nobody has. */
function pathOf(routeId: string): string {
	return routeId.replace(/\/\([^)]+\)/g, '').replace(/\[[^\]]+\]/g, randomUUID()) || '/';
}

describe(`every route × every role on ${testEngine}`, () => {
	for (const routeId of Object.keys(routeAccess)) {
		it(`${routeId} answers each role as the access table says`, async () => {
			for (const caller of callers) {
				const { client, role } = clients.get(caller.name)!;
				const response = await client.get(pathOf(routeId));
				const decision = decideAccess(routeId, role);
				const where = `${caller.name} GET ${routeId} → ${response.status}`;
				const toLogin = response.status === 303 && (response.headers.get('location') ?? '').startsWith('/login');
				if (decision === 'allow') {
					expect([401, 403], where).not.toContain(response.status);
					// A public route may send visitors to sign in itself (the landing page does).
					if (routeAccess[routeId] !== 'anonymous') expect(toLogin, where).toBe(false);
				} else if (decision === 'signIn') {
					expect(response.status === 401 || toLogin, where).toBe(true);
				} else {
					expect(response.status, where).toBe(403);
				}
			}
		});
	}
});

describe(`person-level routes × role × agency on ${testEngine}`, () => {
	const inspection = randomUUID();
	const person = randomUUID();
	const photo = randomUUID();
	const photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);

	beforeAll(async () => {
		// A visit of a team none of the callers is on: inspectors find nothing, office roles what their row says.
		const world = await buildSyncWorld(database);
		const db = database.db;
		await db.insert(s.inspections).values({
			id: inspection,
			locationId: world.ids.venues[0]!,
			assignmentId: world.ids.assignmentA,
			teamId: world.ids.teamA,
			templateId: world.template.id,
			templateVersion: world.template.version,
			status: 'submitted',
			outcome: 'trafficking_indicators_referred',
			createdBy: world.users.a1.id,
			startedAt: new Date('2026-11-24T20:00:00Z'),
			answers: { women_present: 2, weapons_seen: 'yes' }
		});
		await db.insert(s.screenedPersons).values({
			id: person,
			inspectionId: inspection,
			sex: 'female',
			ageBand: '18_22',
			isMinor: false,
			result: 'possible_victim'
		});
		await (await byteStore()).put(sha256Hex(photoBytes), photoBytes);
		await db.insert(s.attachments).values({
			id: photo,
			inspectionId: inspection,
			sha256: sha256Hex(photoBytes),
			mime: 'image/jpeg',
			size: photoBytes.length,
			takenAt: new Date('2026-11-24T20:30:00Z'),
			storedAt: new Date('2026-11-24T22:00:00Z')
		});
	});

	/** What the policy promises each caller: the persons, their count, the venue part only, or nothing. */
	function promised(role: Role, agency: string): 'persons' | 'counts' | 'venue' | 'hidden' {
		// Victim services read only the persons referred to them, on their own pages (victimServices.test.ts).
		if (role === 'inspector' || role === 'victim_services') return 'hidden';
		const level = levelOf({ role, agencyCode: agency }, 'persons');
		return level === 'read' || level === 'write' ? 'persons' : level === 'counts' ? 'counts' : 'venue';
	}

	it('answers a person’s record, photo bytes and the reflection list as the policy says, and audits each read', async () => {
		for (const caller of callers.filter((c) => c.role !== null)) {
			const { client } = clients.get(caller.name)!;
			const role = caller.role!;
			const expected = promised(role, caller.agency);
			const where = (what: string, status: number) => `${caller.name} ${what} → ${status}`;
			const [user] = await database.db
				.select()
				.from(s.users)
				.where(eq(s.users.username, `m_${caller.name}`));
			const seen = async (action: string) =>
				(
					await database.db
						.select()
						.from(s.auditLog)
						.where(and(eq(s.auditLog.userId, user!.id), eq(s.auditLog.action, action)))
				).length;

			const page = await client.get(`/inspections/${inspection}`);
			if (decideAccess('/(app)/inspections/[id]', role) !== 'allow')
				expect(page.status, where('page', page.status)).toBe(403);
			else if (expected === 'hidden') expect(page.status, where('page', page.status)).toBe(404);
			else {
				expect(page.status, where('page', page.status)).toBe(200);
				const html = await page.text();
				expect(html.includes(person), where('person on page', page.status)).toBe(expected === 'persons');
				expect(html.includes('data-persons="counted"'), where('count on page', page.status)).toBe(
					expected === 'counts'
				);
				expect(await seen('inspection.view_persons'), where('audited page', page.status)).toBe(
					expected === 'persons' ? 1 : 0
				);
			}

			const bytes = await client.get(`/api/attachments/${photo}/file`);
			const photoAllowed = decideAccess('/api/attachments/[id]/file', role) === 'allow';
			expect(bytes.status, where('photo bytes', bytes.status)).toBe(
				!photoAllowed ? 403 : expected === 'persons' ? 200 : 404
			);
			expect(await seen('attachment.view'), where('audited photo', bytes.status)).toBe(expected === 'persons' ? 1 : 0);

			const reflection = await client.get('/coverage/reflection');
			const listAllowed = decideAccess('/(app)/coverage/reflection', role) === 'allow';
			const readsList = levelOf({ role, agencyCode: caller.agency }, 'reflectionPeriods') !== 'none';
			expect(reflection.status, where('reflection list', reflection.status)).toBe(
				!listAllowed ? 403 : readsList ? 200 : 404
			);
		}
	});

	it('holds victim services to 404 on a person not referred to them, on their own page too', async () => {
		expect((await clients.get('victim_services')!.client.get(`/referred/${person}`)).status).toBe(404);
	});

	it('holds a labour supervisor to 404 on a person’s photo while a police supervisor reads it', async () => {
		expect((await clients.get('supervisor')!.client.get(`/api/attachments/${photo}/file`)).status).toBe(404);
		expect((await clients.get('police_supervisor')!.client.get(`/api/attachments/${photo}/file`)).status).toBe(200);
	});
});
