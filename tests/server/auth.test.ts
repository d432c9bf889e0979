import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { auditLog, sessions, users } from '../../src/lib/server/db/schema.ts';
import { createSession, validateSession, IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from '../../src/lib/server/auth/sessions.ts';
import { auditHash } from '../../src/lib/server/audit/log.ts';

let database: Database;
let app: TestApp;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	await addUser(database, 'inspector1', 'inspector', 'police');
	await addUser(database, 'labourer1', 'inspector', 'labour');
	await addUser(database, 'admin1', 'admin', 'police');
	await addUser(database, 'gone1', 'planner', 'labour');
	await addUser(database, 'planner1', 'planner', 'police');
});

afterAll(async () => {
	await database?.close();
});

describe(`the server on ${testEngine}`, () => {
	it('reports its engine and that every migration is applied', async () => {
		const response = await app.request('/api/health');
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.engine).toBe(testEngine);
		expect(body.migrations.pending).toBe(0);
		expect(body.migrations.applied).toBeGreaterThanOrEqual(3);
	});

	it('sends the security headers on every answer', async () => {
		const response = await app.request('/api/health');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('same-origin');
		expect(response.headers.get('permissions-policy')).toContain('geolocation=(self)');
	});
});

describe('signing in', () => {
	it('answers the user and sets an httpOnly, SameSite=Lax session cookie', async () => {
		const client = app.client();
		const response = await client.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD });
		expect(response.status).toBe(200);
		const { user } = await response.json();
		expect(user).toMatchObject({ username: 'inspector1', role: 'inspector', agencyCode: 'police', displayName: 'Test inspector1' });
		expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kontrolla_session='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
		const me = await client.get('/api/auth/me');
		expect((await me.json()).user.username).toBe('inspector1');
	});

	it('accepts the username in any case', async () => {
		const response = await app.client().post('/api/auth/login', { username: '  Inspector1 ', password: FIXTURE_PASSWORD });
		expect(response.status).toBe(200);
	});

	it('refuses a wrong password and an unknown user with the same 401', async () => {
		const wrong = await app.client().post('/api/auth/login', { username: 'labourer1', password: 'nope nope nope' }, { address: '10.0.0.1' });
		const unknown = await app.client().post('/api/auth/login', { username: 'nobody', password: 'nope nope nope' }, { address: '10.0.0.1' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(await wrong.json()).toEqual(await unknown.json());
	});

	it('names the missing field on a malformed body, and survives broken JSON', async () => {
		const missing = await app.client().post('/api/auth/login', { password: 'x' });
		expect(missing.status).toBe(400);
		expect(await missing.json()).toMatchObject({ field: 'username' });
		const broken = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
		expect(broken.status).toBe(400);
		expect((await broken.json()).error).toMatch(/JSON/);
	});

	it('signs in from the plain form sent before the page script ran, never through the address bar', async () => {
		const client = app.client();
		const send = (fields: Record<string, string>, query = '') =>
			client.request(`/login${query}`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams(fields).toString(),
				address: '10.0.3.1'
			});
		const missing = await send({ username: 'planner1' });
		expect(missing.status).toBe(400);
		const wrong = await send({ username: 'planner1', password: 'nope nope nope' });
		expect(wrong.status).toBe(401);
		expect(client.cookie('kontrolla_session')).toBeUndefined();
		const right = await send({ username: 'planner1', password: FIXTURE_PASSWORD }, '?next=%2Fplan');
		expect(right.status).toBe(303);
		expect(right.headers.get('location')).toBe('/plan');
		expect(right.headers.get('location')).not.toContain(FIXTURE_PASSWORD);
		expect((await (await client.get('/api/auth/me')).json()).user.username).toBe('planner1');
		// A next= outside the role's screens is ignored: the planner lands on the map.
		const elsewhere = await app.client().request('/login?next=%2F%2Fevil.example', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ username: 'planner1', password: FIXTURE_PASSWORD }).toString(),
			address: '10.0.3.2'
		});
		expect(elsewhere.headers.get('location')).toBe('/map');
	});

	it('stores passwords as argon2id and sessions only as hashes', async () => {
		const client = app.client();
		await client.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD });
		const token = client.cookie('kontrolla_session');
		expect(token).toBeTruthy();
		const [user] = await database.db.select().from(users).where(eq(users.username, 'admin1'));
		expect(user?.passwordHash.startsWith('$argon2id$')).toBe(true);
		const rows = await database.db.select().from(sessions).where(eq(sessions.userId, user!.id));
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.some((r) => r.tokenHash === token)).toBe(false);
	});

	it('throttles a username after five failures, from any address, even with the right password', async () => {
		for (let i = 0; i < 5; i++) {
			const r = await app.client().post('/api/auth/login', { username: 'gone1', password: 'wrong password' }, { address: `10.1.0.${i}` });
			expect(r.status).toBe(401);
		}
		const sixth = await app.client().post('/api/auth/login', { username: 'gone1', password: FIXTURE_PASSWORD }, { address: '10.1.0.99' });
		expect(sixth.status).toBe(429);
	});

	it('throttles an address after twenty failures across usernames', async () => {
		for (let i = 0; i < 20; i++) {
			await app.client().post('/api/auth/login', { username: `guess${i}`, password: 'wrong password' }, { address: '10.2.0.1' });
		}
		const next = await app.client().post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD }, { address: '10.2.0.1' });
		expect(next.status).toBe(429);
		const elsewhere = await app.client().post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD }, { address: '10.2.0.2' });
		expect(elsewhere.status).toBe(200);
	});

	it('audits sign-ins and failed sign-ins in an unbroken hash chain', async () => {
		const rows = await database.db.select().from(auditLog).orderBy(auditLog.seq);
		expect(rows.some((r) => r.action === 'auth.sign_in')).toBe(true);
		expect(rows.some((r) => r.action === 'auth.sign_in_failed')).toBe(true);
		expect(rows.every((r) => !r.summary.includes(FIXTURE_PASSWORD))).toBe(true);
		let prev = '0'.repeat(64);
		for (const row of rows) {
			expect(row.prevHash).toBe(prev);
			expect(row.hash).toBe(
				auditHash(prev, row.seq, row.at.toISOString(), {
					userId: row.userId,
					action: row.action,
					entity: row.entity,
					recordId: row.recordId,
					summary: row.summary
				})
			);
			prev = row.hash;
		}
	});
});

describe('sessions', () => {
	it('signing out revokes the session on the server', async () => {
		const client = app.client();
		await client.post('/api/auth/login', { username: 'labourer1', password: FIXTURE_PASSWORD }, { address: '10.3.0.1' });
		const token = client.cookie('kontrolla_session')!;
		expect((await client.post('/api/auth/logout', {})).status).toBe(200);
		const replay = await app.request('/api/auth/me', { headers: { cookie: `kontrolla_session=${token}` } });
		expect(replay.status).toBe(401);
	});

	it('expire after inactivity, slide while used, and end at the absolute limit', async () => {
		const [user] = await database.db.select().from(users).where(eq(users.username, 'labourer1'));
		const start = new Date('2026-01-01T08:00:00Z');
		const { token } = await createSession(database.db, user!.id, null, start);
		const idleLater = new Date(start.getTime() + IDLE_TIMEOUT_MS + 1000);
		expect(await validateSession(database.db, token, idleLater)).toBeNull();

		const second = await createSession(database.db, user!.id, null, start);
		let now = start;
		// Used every 6 hours, the session slides past its first idle expiry…
		for (let i = 0; i < 4; i++) {
			now = new Date(now.getTime() + IDLE_TIMEOUT_MS / 2);
			expect(await validateSession(database.db, second.token, now)).not.toBeNull();
		}
		// …but not past the absolute limit.
		const pastAbsolute = new Date(start.getTime() + ABSOLUTE_TIMEOUT_MS + 1000);
		expect(await validateSession(database.db, second.token, pastAbsolute)).toBeNull();
	});
});

describe('lost or stolen devices', () => {
	it('answer 401 with a wipe instruction once revoked, and cannot sign in again', async () => {
		const deviceId = crypto.randomUUID();
		const phone = app.client();
		await phone.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD, deviceId }, { address: '10.6.0.1' });
		expect((await phone.get('/api/auth/me')).status).toBe(200);
		const admin = app.client();
		await admin.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.6.0.2' });
		const revoked = await admin.post(`/api/auth/devices/${deviceId}/revoke`, {});
		expect(revoked.status).toBe(200);
		const next = await phone.get('/api/auth/me');
		expect(next.status).toBe(401);
		expect(await next.json()).toMatchObject({ wipe: true });
		const again = await app.client().post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD, deviceId }, { address: '10.6.0.3' });
		expect(again.status).toBe(401);
		expect(await again.json()).toMatchObject({ wipe: true });
		const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, 'device.revoke'));
		expect(audited.map((a) => a.recordId)).toContain(deviceId);
	});

	it('escrow the PIN lock’s device key: the same key for the same user and device, only just after signing in', async () => {
		const deviceId = crypto.randomUUID();
		const signedIn = async (username: string, device: string | undefined, address: string) => {
			const client = app.client();
			await client.post('/api/auth/login', { username, password: FIXTURE_PASSWORD, deviceId: device }, { address });
			return client;
		};
		const keyOf = async (client: ReturnType<TestApp['client']>) => client.post('/api/auth/device-key', {});
		const first = await keyOf(await signedIn('inspector1', deviceId, '10.6.2.1'));
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toContain('no-store');
		const { key } = (await first.json()) as { key: string };
		expect(Buffer.from(key, 'base64')).toHaveLength(32);
		// Signing in again on the same phone recovers the same key; another phone or user gets another.
		expect(await (await keyOf(await signedIn('inspector1', deviceId, '10.6.2.2'))).json()).toEqual({ key });
		expect((await (await keyOf(await signedIn('inspector1', crypto.randomUUID(), '10.6.2.3'))).json()).key).not.toBe(key);
		expect((await (await keyOf(await signedIn('labourer1', deviceId, '10.6.2.4'))).json()).key).not.toBe(key);
		// No device named at sign-in, or not an inspector: no key.
		expect((await keyOf(await signedIn('inspector1', undefined, '10.6.2.5'))).status).toBe(409);
		expect((await keyOf(await signedIn('admin1', deviceId, '10.6.2.6'))).status).toBe(403);
		// A session older than a fresh sign-in (a phone taken while signed in) does not get it.
		const old = await signedIn('inspector1', deviceId, '10.6.2.7');
		await database.db.update(sessions).set({ createdAt: new Date(Date.now() - 11 * 60_000) }).where(eq(sessions.deviceId, deviceId));
		expect((await keyOf(old)).status).toBe(403);
		const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.device_key'));
		expect(audited.length).toBeGreaterThanOrEqual(4);
	});

	it('record the device of a session signed in through the plain form when it asks for its key, with the checks of a sign-in', async () => {
		const formSignIn = async (address: string) => {
			const client = app.client();
			const response = await client.request('/login', {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: new URLSearchParams({ username: 'inspector1', password: FIXTURE_PASSWORD }).toString(),
				address
			});
			expect(response.status).toBe(303);
			return client;
		};
		const deviceId = crypto.randomUUID();
		const phone = await formSignIn('10.6.4.1');
		const bound = await phone.post('/api/auth/device-key', { deviceId });
		expect(bound.status).toBe(200);
		// The same key a sign-in naming this device gets.
		const named = app.client();
		await named.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD, deviceId }, { address: '10.6.4.2' });
		expect(await (await named.post('/api/auth/device-key', {})).json()).toEqual(await bound.json());
		// The session now belongs to the device: revoking it ends the session with a wipe.
		const admin = app.client();
		await admin.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.6.4.3' });
		expect((await admin.post(`/api/auth/devices/${deviceId}/revoke`, {})).status).toBe(200);
		expect(await (await phone.get('/api/auth/me')).json()).toMatchObject({ wipe: true });
		// A revoked device gets no key through this door either, and its session is wiped from then on.
		const again = await formSignIn('10.6.4.4');
		const refused = await again.post('/api/auth/device-key', { deviceId });
		expect(refused.status).toBe(401);
		expect(await refused.json()).toMatchObject({ wipe: true });
		expect((await again.get('/api/auth/me')).status).toBe(401);
		expect((await again.post('/api/auth/device-key', { deviceId: 'not-a-uuid' })).status).toBe(401);
		const malformed = await (await formSignIn('10.6.4.5')).post('/api/auth/device-key', { deviceId: 'not-a-uuid' });
		expect(malformed.status).toBe(400);
		expect(await malformed.json()).toMatchObject({ field: 'deviceId' });
	});

	it('cannot be revoked by another inspector', async () => {
		const deviceId = crypto.randomUUID();
		await app.client().post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD, deviceId }, { address: '10.6.1.1' });
		const other = app.client();
		await other.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.6.1.2' });
		const stranger = app.client();
		await addUser(database, 'stranger1', 'inspector', 'labour');
		await stranger.post('/api/auth/login', { username: 'stranger1', password: FIXTURE_PASSWORD }, { address: '10.6.1.3' });
		expect((await stranger.post(`/api/auth/devices/${deviceId}/revoke`, {})).status).toBe(404);
	});

	it('refuses a state-changing request from another site', async () => {
		const response = await app.request('/api/auth/logout', { method: 'POST', headers: { origin: 'https://evil.example' } });
		expect(response.status).toBe(403);
	});
});

describe('the role check on the server', () => {
	it('redirects an anonymous page request to the login page', async () => {
		const response = await app.request('/map');
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/login/);
	});

	it('answers 401 to an anonymous API call', async () => {
		expect((await app.request('/api/auth/me')).status).toBe(401);
	});

	it('refuses an inspector the admin page and lets the admin in', async () => {
		const inspector = app.client();
		await inspector.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD }, { address: '10.4.0.1' });
		expect((await inspector.get('/admin/users')).status).toBe(403);
		const admin = app.client();
		await admin.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.4.0.2' });
		expect((await admin.get('/admin/users')).status).toBe(200);
	});

	it('closes every session of a deactivated user and refuses their sign-in', async () => {
		const client = app.client();
		await client.post('/api/auth/login', { username: 'labourer1', password: FIXTURE_PASSWORD }, { address: '10.5.0.1' });
		expect((await client.get('/api/auth/me')).status).toBe(200);
		const [target] = await database.db.select().from(users).where(eq(users.username, 'labourer1'));
		const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin1'));
		const { setUserActive } = await import('../../src/lib/server/users.ts');
		await setUserActive({ ...admin!, agencyCode: 'police' }, target!.id, false, database.db);
		expect((await client.get('/api/auth/me')).status).toBe(401);
		const again = await app.client().post('/api/auth/login', { username: 'labourer1', password: FIXTURE_PASSWORD }, { address: '10.5.0.2' });
		expect(again.status).toBe(401);
	});
});
