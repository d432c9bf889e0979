/**
 * Every route with every role, from the one access table: a refused role gets 401/403 (or the
 * sign-in redirect for pages), an allowed one gets past the guard. A new route without an entry
 * fails tests/unit/routeAccess.test.ts; this walks what the entries promise against the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { decideAccess, routeAccess } from '../../src/lib/server/auth/routeAccess.ts';
import type { Role } from '../../src/lib/domain/auth.ts';

let database: Database;
let app: TestApp;
const clients = new Map<string, { client: TestClient; role: Role | null }>();

const callers: { name: string; role: Role | null; agency: 'police' | 'labour' }[] = [
	{ name: 'anonymous', role: null, agency: 'police' },
	{ name: 'police_inspector', role: 'inspector', agency: 'police' },
	{ name: 'labour_inspector', role: 'inspector', agency: 'labour' },
	{ name: 'planner', role: 'planner', agency: 'police' },
	{ name: 'supervisor', role: 'supervisor', agency: 'labour' },
	{ name: 'admin', role: 'admin', agency: 'police' }
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
