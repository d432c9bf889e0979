/**
 * On the server's side: person-level answers (the inspection page with
 * its persons, the admin's person search, photo bytes, the pull) say `no-store`, so no cache —
 * the browser's, a proxy's or the service worker's — keeps them outside the device's sealed
 * database. And the page's Content-Security-Policy lets images and connections reach our own
 * origin and the configured tile server only, so an injected `<img src="https://…">` goes nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { sha256Hex } from '../../src/lib/server/storage/attachments.ts';
import { byteStore } from '../../src/lib/server/storage/byteStore.ts';

/** A deployment's tile server with `{s}` subdomains, read when the app starts. */
const TILE_URL = 'https://{s}.tiles.example.org/{z}/{x}/{y}.png';

let database: Database;
let app: TestApp;
let world: SyncWorld;
const inspection = randomUUID();
const person = randomUUID();
const photo = randomUUID();
const photoBytes = new Uint8Array([
	0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9
]);

beforeAll(async () => {
	process.env.TILE_URL = TILE_URL;
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_x', 'admin');
	const db = database.db;
	await db.insert(s.inspections).values({
		id: inspection,
		templateId: world.template.id,
		templateVersion: world.template.version,
		status: 'submitted',
		outcome: 'trafficking_indicators_referred',
		locationId: world.ids.venues[0]!,
		assignmentId: world.ids.assignmentA,
		teamId: world.ids.teamA,
		createdBy: world.users.a1.id,
		startedAt: new Date('2026-11-24T20:00:00Z'),
		answers: { women_present: 3 }
	});
	await db.insert(s.screenedPersons).values({
		id: person,
		inspectionId: inspection,
		sex: 'female',
		ageBand: '18_22',
		nationality: 'moldova',
		isMinor: false,
		answers: { sex: 'female', age_band: '18_22' },
		dimensionsPresent: [1, 4],
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
afterAll(async () => {
	delete process.env.TILE_URL;
	await database?.close();
});

const cacheControl = (response: Response) => response.headers.get('cache-control') ?? '';

async function expectNoStore(client: TestClient, pathname: string, status = 200): Promise<void> {
	const response = await client.get(pathname);
	expect(response.status, pathname).toBe(status);
	expect(cacheControl(response), pathname).toMatch(/(^|[\s,])no-store($|[\s,])/);
	await response.arrayBuffer();
}

describe(`person-level answers are never kept by a cache, on ${testEngine}`, () => {
	it('marks the inspection page with its persons no-store, as page and as data', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const page = await a1.get(`/inspections/${inspection}`);
		expect(await page.text()).toContain(`data-person="${person}"`);
		expect(cacheControl(page)).toMatch(/no-store/);
		await expectNoStore(a1, `/inspections/${inspection}/__data.json`);
		await expectNoStore(await app.signedIn('supervisor_x'), `/inspections/${inspection}`);
	});

	it('marks the photo bytes and the pull no-store', async () => {
		const a1 = await app.signedIn('inspector_a1');
		await expectNoStore(a1, `/api/attachments/${photo}/file`);
		await expectNoStore(a1, '/api/sync/pull?cursor=0&limit=50');
	});

	it("marks the admin's person search no-store, as page and as data", async () => {
		const admin = await app.signedIn('admin_x');
		await expectNoStore(admin, '/admin/persons?q=moldova');
		await expectNoStore(admin, '/admin/persons/__data.json?q=moldova');
		await expectNoStore(admin, `/api/admin/persons/${person}/export?purpose=data_subject_request`);
	});

	it('marks a refusal of a person-level page no-store too', async () => {
		await expectNoStore(await app.signedIn('inspector_b1'), `/inspections/${inspection}`, 404);
	});

	it('leaves the offline shell of a browser-rendered page storable', async () => {
		const response = await (await app.signedIn('inspector_a1')).get('/today');
		expect(response.status).toBe(200);
		expect(cacheControl(response)).not.toMatch(/no-store/);
	});
});

/** A directive's sources, in order. */
function directive(policy: string, name: string): string[] {
	const found = policy
		.split(';')
		.map((part) => part.trim().split(/\s+/))
		.find(([directiveName]) => directiveName === name);
	return found ? found.slice(1) : [];
}

describe(`the Content-Security-Policy on ${testEngine}`, () => {
	it('lets images and connections reach our origin and the configured tile server only', async () => {
		for (const pathname of ['/login', '/today']) {
			const response = await (pathname === '/login' ? app.client() : await app.signedIn('inspector_a1')).get(pathname);
			const policy = response.headers.get('content-security-policy') ?? '';
			expect(directive(policy, 'img-src'), pathname).toEqual([
				"'self'",
				'data:',
				'blob:',
				'https://*.tiles.example.org'
			]);
			expect(directive(policy, 'connect-src'), pathname).toEqual(["'self'", 'https://*.tiles.example.org']);
			expect(directive(policy, 'default-src'), pathname).toEqual(["'self'"]);
		}
	});
});
