import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { and, like } from 'drizzle-orm';
import { auditLog, devices, sessions, signInThrottle, users } from '../../src/lib/server/db/schema.ts';
import { chargeAttempt, FIRST_DELAY_MS, MAX_DELAY_MS, THROTTLE_WINDOW_MS } from '../../src/lib/server/auth/throttle.ts';
import {
	createSession,
	validateSession,
	IDLE_TIMEOUT_MS,
	ABSOLUTE_TIMEOUT_MS
} from '../../src/lib/server/auth/sessions.ts';
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
		expect(user).toMatchObject({
			username: 'inspector1',
			role: 'inspector',
			agencyCode: 'police',
			displayName: 'Test inspector1'
		});
		expect(user.id).toMatch(/^[0-9a-f-]{36}$/);
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kontrolla_session='));
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
		const me = await client.get('/api/auth/me');
		expect((await me.json()).user.username).toBe('inspector1');
	});

	it('accepts the username in any case', async () => {
		const response = await app
			.client()
			.post('/api/auth/login', { username: '  Inspector1 ', password: FIXTURE_PASSWORD });
		expect(response.status).toBe(200);
	});

	it('refuses a wrong password and an unknown user with the same 401', async () => {
		const wrong = await app
			.client()
			.post('/api/auth/login', { username: 'labourer1', password: 'nope nope nope' }, { address: '10.0.0.1' });
		const unknown = await app
			.client()
			.post('/api/auth/login', { username: 'nobody', password: 'nope nope nope' }, { address: '10.0.0.1' });
		expect(wrong.status).toBe(401);
		expect(unknown.status).toBe(401);
		expect(await wrong.json()).toEqual(await unknown.json());
	});

	it('names the missing field on a malformed body, and survives broken JSON', async () => {
		const missing = await app.client().post('/api/auth/login', { password: 'x' });
		expect(missing.status).toBe(400);
		expect(await missing.json()).toMatchObject({ field: 'username' });
		const broken = await app.request('/api/auth/login', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"username":'
		});
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
			const r = await app
				.client()
				.post('/api/auth/login', { username: 'gone1', password: 'wrong password' }, { address: `10.1.0.${i}` });
			expect(r.status).toBe(401);
		}
		const sixth = await app
			.client()
			.post('/api/auth/login', { username: 'gone1', password: FIXTURE_PASSWORD }, { address: '10.1.0.99' });
		expect(sixth.status).toBe(429);
	});

	it('throttles an address after twenty failures across usernames', async () => {
		for (let i = 0; i < 20; i++) {
			await app
				.client()
				.post('/api/auth/login', { username: `guess${i}`, password: 'wrong password' }, { address: '10.2.0.1' });
		}
		const next = await app
			.client()
			.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD }, { address: '10.2.0.1' });
		expect(next.status).toBe(429);
		const elsewhere = await app
			.client()
			.post('/api/auth/login', { username: 'inspector1', password: FIXTURE_PASSWORD }, { address: '10.2.0.2' });
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
		await client.post(
			'/api/auth/login',
			{ username: 'labourer1', password: FIXTURE_PASSWORD },
			{ address: '10.3.0.1' }
		);
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
		await phone.post(
			'/api/auth/login',
			{ username: 'inspector1', password: FIXTURE_PASSWORD, deviceId },
			{ address: '10.6.0.1' }
		);
		expect((await phone.get('/api/auth/me')).status).toBe(200);
		const admin = app.client();
		await admin.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.6.0.2' });
		const revoked = await admin.post(`/api/auth/devices/${deviceId}/revoke`, {});
		expect(revoked.status).toBe(200);
		const next = await phone.get('/api/auth/me');
		expect(next.status).toBe(401);
		expect(await next.json()).toMatchObject({ wipe: true });
		const again = await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'inspector1', password: FIXTURE_PASSWORD, deviceId },
				{ address: '10.6.0.3' }
			);
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
		expect((await (await keyOf(await signedIn('inspector1', crypto.randomUUID(), '10.6.2.3'))).json()).key).not.toBe(
			key
		);
		// Another user cannot sign in on this phone at all (the device is inspector1's); on their own phone the key differs.
		const onTakenPhone = await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'labourer1', password: FIXTURE_PASSWORD, deviceId },
				{ address: '10.6.2.4' }
			);
		expect(onTakenPhone.status).toBe(409);
		expect((await (await keyOf(await signedIn('labourer1', crypto.randomUUID(), '10.6.2.4'))).json()).key).not.toBe(
			key
		);
		// No device named at sign-in, or not an inspector: no key.
		expect((await keyOf(await signedIn('inspector1', undefined, '10.6.2.5'))).status).toBe(409);
		expect((await keyOf(await signedIn('admin1', crypto.randomUUID(), '10.6.2.6'))).status).toBe(403);
		// A session older than a fresh sign-in (a phone taken while signed in) does not get it.
		const old = await signedIn('inspector1', deviceId, '10.6.2.7');
		await database.db
			.update(sessions)
			.set({ createdAt: new Date(Date.now() - 11 * 60_000) })
			.where(eq(sessions.deviceId, deviceId));
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
		await named.post(
			'/api/auth/login',
			{ username: 'inspector1', password: FIXTURE_PASSWORD, deviceId },
			{ address: '10.6.4.2' }
		);
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
		await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'inspector1', password: FIXTURE_PASSWORD, deviceId },
				{ address: '10.6.1.1' }
			);
		const other = app.client();
		await other.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.6.1.2' });
		const stranger = app.client();
		await addUser(database, 'stranger1', 'inspector', 'labour');
		await stranger.post(
			'/api/auth/login',
			{ username: 'stranger1', password: FIXTURE_PASSWORD },
			{ address: '10.6.1.3' }
		);
		expect((await stranger.post(`/api/auth/devices/${deviceId}/revoke`, {})).status).toBe(404);
	});

	it('refuses a state-changing request from another site', async () => {
		const response = await app.request('/api/auth/logout', {
			method: 'POST',
			headers: { origin: 'https://evil.example' }
		});
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
		await inspector.post(
			'/api/auth/login',
			{ username: 'inspector1', password: FIXTURE_PASSWORD },
			{ address: '10.4.0.1' }
		);
		expect((await inspector.get('/admin/users')).status).toBe(403);
		const admin = app.client();
		await admin.post('/api/auth/login', { username: 'admin1', password: FIXTURE_PASSWORD }, { address: '10.4.0.2' });
		expect((await admin.get('/admin/users')).status).toBe(200);
	});

	it('closes every session of a deactivated user and refuses their sign-in', async () => {
		const client = app.client();
		await client.post(
			'/api/auth/login',
			{ username: 'labourer1', password: FIXTURE_PASSWORD },
			{ address: '10.5.0.1' }
		);
		expect((await client.get('/api/auth/me')).status).toBe(200);
		const [target] = await database.db.select().from(users).where(eq(users.username, 'labourer1'));
		const [admin] = await database.db.select().from(users).where(eq(users.username, 'admin1'));
		const { setUserActive } = await import('../../src/lib/server/auth/users.ts');
		await setUserActive({ ...admin!, agencyCode: 'police' }, target!.id, false, database.db);
		expect((await client.get('/api/auth/me')).status).toBe(401);
		const again = await app
			.client()
			.post('/api/auth/login', { username: 'labourer1', password: FIXTURE_PASSWORD }, { address: '10.5.0.2' });
		expect(again.status).toBe(401);
	});
});

/** A form action of the admin's users page, answered as JSON the way the page's script asks. */
async function adminAction(
	client: ReturnType<TestApp['client']>,
	action: string,
	fields: Record<string, string>
): Promise<{ type: string; status?: number }> {
	const response = await client.request(`/admin/users?/${action}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams(fields).toString()
	});
	return (await response.json()) as { type: string; status?: number };
}

const auditRows = (action: string, summary: string) =>
	database.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, action), like(auditLog.summary, `%${summary}%`)));

describe('sign-in throttling', () => {
	it('evaluates at most the limit of attempts fired in parallel, and audits the block once, counting the rest', async () => {
		await addUser(database, 'parallel1', 'inspector');
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				app
					.client()
					.post(
						'/api/auth/login',
						{ username: 'parallel1', password: `wrong password ${i}` },
						{ address: `10.20.0.${i}` }
					)
			)
		);
		const statuses = answers.map((r) => r.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(15);
		// Each evaluated attempt is audited; the refused ones are one entry and a count.
		expect(await auditRows('auth.sign_in_failed', 'username=parallel1')).toHaveLength(5);
		expect(await auditRows('auth.sign_in_throttled', 'username=parallel1')).toHaveLength(1);
		const [key] = await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, 'user:parallel1'));
		expect(key).toMatchObject({ failures: 5, refused: 15 });
	});

	it('answers how long to wait, and the wait doubles with each failure after the limit', async () => {
		const refused = await app
			.client()
			.post('/api/auth/login', { username: 'parallel1', password: 'wrong again' }, { address: '10.20.1.1' });
		expect(refused.status).toBe(429);
		const body = await refused.json();
		expect(body.retryAfter).toBeGreaterThan(0);
		expect(body.retryAfter).toBeLessThanOrEqual(FIRST_DELAY_MS / 1000);
		expect(refused.headers.get('retry-after')).toBe(String(body.retryAfter));

		// On the server's clock, moved by hand: no waiting in the test.
		const start = new Date();
		const attempt = (at: number) =>
			chargeAttempt(
				database.db,
				{ username: 'doubling1', address: '10.20.2.1', knownDeviceId: null },
				new Date(start.getTime() + at)
			);
		for (let i = 0; i < 5; i++) expect((await attempt(0)).allowed).toBe(true);
		expect(await attempt(1000)).toEqual({ allowed: false, retryAfterSeconds: FIRST_DELAY_MS / 1000 - 1 });
		expect((await attempt(FIRST_DELAY_MS)).allowed).toBe(true);
		expect(await attempt(FIRST_DELAY_MS)).toEqual({ allowed: false, retryAfterSeconds: (2 * FIRST_DELAY_MS) / 1000 });
		expect((await attempt(3 * FIRST_DELAY_MS)).allowed).toBe(true);
		expect(await attempt(3 * FIRST_DELAY_MS)).toEqual({
			allowed: false,
			retryAfterSeconds: (4 * FIRST_DELAY_MS) / 1000
		});
		let at = 7 * FIRST_DELAY_MS;
		for (let i = 0; i < 10; i++) {
			expect((await attempt(at)).allowed).toBe(true);
			const gate = await attempt(at);
			expect(gate.allowed).toBe(false);
			at += (gate as { retryAfterSeconds: number }).retryAfterSeconds * 1000;
		}
		expect(await attempt(at)).toMatchObject({ allowed: true });
		expect(await attempt(at)).toEqual({ allowed: false, retryAfterSeconds: MAX_DELAY_MS / 1000 });
		// Quiet for a window after its last block, the key is dropped; the attempts it refused are audited once, as a count.
		const later = new Date(start.getTime() + at + MAX_DELAY_MS + THROTTLE_WINDOW_MS + 1000);
		expect(
			(await chargeAttempt(database.db, { username: 'someone else', address: '10.20.3.1', knownDeviceId: null }, later))
				.allowed
		).toBe(true);
		const ended = await auditRows('auth.sign_in_throttle_ended', 'username=doubling1');
		expect(ended.map((row) => row.summary)).toEqual(['user username=doubling1 refused=14']);
		expect(await auditRows('auth.sign_in_throttled', 'username=doubling1')).toHaveLength(1);
	});

	it('says on the sign-in page how long to wait, in the reader’s language', async () => {
		await addUser(database, 'waiting1', 'planner');
		const send = (password: string, language: string) =>
			app.client().request('/login', {
				method: 'POST',
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					accept: 'text/html',
					cookie: `PARAGLIDE_LOCALE=${language}`
				},
				body: new URLSearchParams({ username: 'waiting1', password }).toString(),
				address: '10.24.0.1'
			});
		for (let i = 0; i < 5; i++) expect((await send('wrong password', 'en')).status).toBe(401);
		const english = await send(FIXTURE_PASSWORD, 'en');
		expect(english.status).toBe(429);
		expect(await english.text()).toMatch(/Wait \d+ s, then try again/);
		const albanian = await send(FIXTURE_PASSWORD, 'sq');
		expect(await albanian.text()).toMatch(/Prisni \d+ s dhe provoni përsëri/);
	});

	it('lets the owner in from a phone they signed in on before, whatever others tried', async () => {
		await addUser(database, 'owner1', 'inspector');
		const phone = crypto.randomUUID();
		expect(
			(
				await app
					.client()
					.post(
						'/api/auth/login',
						{ username: 'owner1', password: FIXTURE_PASSWORD, deviceId: phone },
						{ address: '10.21.0.1' }
					)
			).status
		).toBe(200);
		// Someone guesses from many addresses, and names devices of their own.
		for (let i = 0; i < 8; i++) {
			await app
				.client()
				.post(
					'/api/auth/login',
					{ username: 'owner1', password: 'guess guess', deviceId: crypto.randomUUID() },
					{ address: `10.21.1.${i}` }
				);
		}
		const elsewhere = await app
			.client()
			.post('/api/auth/login', { username: 'owner1', password: FIXTURE_PASSWORD }, { address: '10.21.2.1' });
		expect(elsewhere.status).toBe(429);
		const own = await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'owner1', password: FIXTURE_PASSWORD, deviceId: phone },
				{ address: '10.21.2.1' }
			);
		expect(own.status).toBe(200);
	});

	it('slows guessing on a stolen phone too: its device has its own limit', async () => {
		await addUser(database, 'stolen1', 'inspector');
		const phone = crypto.randomUUID();
		await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'stolen1', password: FIXTURE_PASSWORD, deviceId: phone },
				{ address: '10.22.0.1' }
			);
		for (let i = 0; i < 5; i++) {
			const r = await app
				.client()
				.post(
					'/api/auth/login',
					{ username: 'stolen1', password: 'guess guess', deviceId: phone },
					{ address: `10.22.1.${i}` }
				);
			expect(r.status).toBe(401);
		}
		const sixth = await app
			.client()
			.post(
				'/api/auth/login',
				{ username: 'stolen1', password: FIXTURE_PASSWORD, deviceId: phone },
				{ address: '10.22.2.1' }
			);
		expect(sixth.status).toBe(429);
	});

	it('can be lifted by an admin (audited), and by no one else', async () => {
		const target = await addUser(database, 'blocked1', 'planner');
		for (let i = 0; i < 5; i++) {
			await app
				.client()
				.post('/api/auth/login', { username: 'blocked1', password: 'wrong password' }, { address: `10.23.0.${i}` });
		}
		expect(
			(
				await app
					.client()
					.post('/api/auth/login', { username: 'blocked1', password: FIXTURE_PASSWORD }, { address: '10.23.1.1' })
			).status
		).toBe(429);
		const inspector = await app.signedIn('inspector1');
		const notAllowed = await inspector.request('/admin/users?/unlockSignIn', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ userId: target.id }).toString()
		});
		expect(notAllowed.status).toBe(403);
		const admin = await app.signedIn('admin1');
		expect(await adminAction(admin, 'unlockSignIn', { userId: crypto.randomUUID() })).toMatchObject({
			type: 'failure',
			status: 404
		});
		expect(await adminAction(admin, 'unlockSignIn', { userId: 'not-an-id' })).toMatchObject({
			type: 'failure',
			status: 404
		});
		expect(await adminAction(admin, 'unlockSignIn', { userId: target.id })).toMatchObject({ type: 'success' });
		expect(
			(
				await app
					.client()
					.post('/api/auth/login', { username: 'blocked1', password: FIXTURE_PASSWORD }, { address: '10.23.1.1' })
			).status
		).toBe(200);
		const audited = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.sign_in_unlock'), eq(auditLog.recordId, target.id)));
		// The right password sent while blocked was refused and counted.
		expect(audited.map((a) => a.summary)).toEqual(['keys=1 failures=5 refused=1']);
	});
});

describe('a device id', () => {
	const signIn = (username: string, deviceId: string | undefined, address: string) => {
		const client = app.client();
		return client
			.post('/api/auth/login', { username, password: FIXTURE_PASSWORD, deviceId }, { address })
			.then((response) => ({ client, response }));
	};
	// A write an inspector may not make (a municipality): the push itself is answered, the write refused.
	const pushAs = (client: ReturnType<TestApp['client']>, deviceId: string) =>
		client.post('/api/sync/push', {
			deviceId,
			mutations: [
				{
					mutationId: crypto.randomUUID(),
					entity: 'municipality',
					op: 'upsert',
					id: crypto.randomUUID(),
					baseVersion: 0,
					data: {}
				}
			]
		});

	it('belongs to the first user who signs in with it: another user is refused on it, audited', async () => {
		const first = await addUser(database, 'shared1', 'inspector');
		await addUser(database, 'shared2', 'inspector');
		const phone = crypto.randomUUID();
		expect((await signIn('shared1', phone, '10.30.0.1')).response.status).toBe(200);
		const taken = (await signIn('shared2', phone, '10.30.0.2')).response;
		expect(taken.status).toBe(409);
		expect(await taken.json()).toMatchObject({ field: 'deviceId' });
		const [device] = await database.db.select().from(devices).where(eq(devices.id, phone));
		expect(device?.userId).toBe(first.id);
		const audited = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'auth.device_taken'), eq(auditLog.recordId, phone)));
		expect(audited).toHaveLength(1);
		// Signing in again on it stays open to its user.
		expect((await signIn('shared1', phone, '10.30.0.3')).response.status).toBe(200);
	});

	it('of another user is refused on a push, and a session pushes only under the device it signed in on', async () => {
		const phone = crypto.randomUUID();
		const { client: owner } = await signIn('shared1', phone, '10.31.0.1');
		expect((await pushAs(owner, phone)).status).toBe(200);
		const other = await pushAs(owner, crypto.randomUUID());
		expect(other.status).toBe(403);
		expect(await other.json()).toMatchObject({ field: 'deviceId' });
		// A session that named no device (the plain form) cannot use someone else's either…
		const { client: colleague } = await signIn('shared2', undefined, '10.31.0.2');
		const stolen = await pushAs(colleague, phone);
		expect(stolen.status).toBe(403);
		expect(await stolen.json()).toMatchObject({ field: 'deviceId' });
		// …and the one it uses becomes its user's.
		const own = crypto.randomUUID();
		expect((await pushAs(colleague, own)).status).toBe(200);
		expect((await signIn('shared1', own, '10.31.0.3')).response.status).toBe(409);
		// The device key is not handed out for another user's device either.
		const formSession = app.client();
		await formSession.request('/login', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ username: 'shared2', password: FIXTURE_PASSWORD }).toString(),
			address: '10.31.0.4'
		});
		const key = await formSession.post('/api/auth/device-key', { deviceId: phone });
		expect(key.status).toBe(409);
		expect(await key.json()).toMatchObject({ field: 'deviceId' });
	});

	it('is released by an admin (audited): its user’s sessions on it end and the next user registers it', async () => {
		const second = await addUser(database, 'shared3', 'inspector');
		const phone = crypto.randomUUID();
		const { client: before } = await signIn('shared1', phone, '10.32.0.1');
		expect((await signIn('shared3', phone, '10.32.0.2')).response.status).toBe(409);
		const inspector = await app.signedIn('inspector1');
		const notAllowed = await inspector.request('/admin/users?/releaseDevice', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams({ deviceId: phone }).toString()
		});
		expect(notAllowed.status).toBe(403);
		const admin = await app.signedIn('admin1');
		expect(await adminAction(admin, 'releaseDevice', { deviceId: crypto.randomUUID() })).toMatchObject({
			type: 'failure',
			status: 404
		});
		expect(await adminAction(admin, 'releaseDevice', { deviceId: 'not-an-id' })).toMatchObject({
			type: 'failure',
			status: 404
		});
		expect(await adminAction(admin, 'releaseDevice', { deviceId: phone })).toMatchObject({ type: 'success' });
		expect((await before.get('/api/auth/me')).status).toBe(401);
		const { client: after, response } = await signIn('shared3', phone, '10.32.0.3');
		expect(response.status).toBe(200);
		expect((await pushAs(after, phone)).status).toBe(200);
		const [device] = await database.db.select().from(devices).where(eq(devices.id, phone));
		expect(device?.userId).toBe(second.id);
		const audited = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'device.release'), eq(auditLog.recordId, phone)));
		expect(audited).toHaveLength(1);
		// A phone reported lost is not released: it must wipe itself.
		expect((await admin.post(`/api/auth/devices/${phone}/revoke`, {})).status).toBe(200);
		expect(await adminAction(admin, 'releaseDevice', { deviceId: phone })).toMatchObject({
			type: 'failure',
			status: 409
		});
	});
});
