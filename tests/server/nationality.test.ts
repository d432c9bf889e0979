/**
 * Nationalities as ISO 3166-1 codes, on the engine under test: persons stored before the codes (the
 * old profile's option ids, "other" free text) are brought to codes by the maintenance backfill,
 * with new versions that reach the devices; what cannot be read stays as written and is listed for
 * an admin, whose mapping rewrites the persons, is audited, and reads what older apps still push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { normaliseStoredNationalities } from '../../src/lib/server/nationality/backfill.ts';
import { unmappedNationalities } from '../../src/lib/server/nationality/mappings.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let inspector: TestClient;
const deviceId = randomUUID();
const inspectionId = randomUUID();

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_nat', 'admin', 'police');
	inspector = await app.signedIn('inspector_a1');
	const results = await push([upsert('inspection', inspectionId, inspectionData(world))]);
	expect(results[0]?.status).toBe('applied');
});
afterAll(async () => database?.close());

type Mutation = { mutationId: string; entity: string; id: string; op: 'upsert'; baseVersion: number; data: unknown };
const upsert = (entity: string, id: string, data: unknown, baseVersion = 0): Mutation => ({
	mutationId: randomUUID(),
	entity,
	id,
	op: 'upsert',
	baseVersion,
	data
});

async function push(mutations: Mutation[]): Promise<{ status: string }[]> {
	const response = await inspector.post('/api/sync/push', { deviceId, mutations });
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

/** A person as an app of before the codes sent it: the nationality as the old form gave it. */
async function pushedPerson(nationality: string): Promise<string> {
	const id = randomUUID();
	const results = await push([
		upsert('screenedPerson', id, { ...visitRecords(world, inspectionId).person('male'), nationality })
	]);
	expect(results[0]?.status).toBe('applied');
	return id;
}

/** A person stored before the codes, as the database holds it (written straight, as an old server did). */
async function storedPerson(nationality: string, deleted = false): Promise<string> {
	const id = randomUUID();
	await database.db.insert(s.screenedPersons).values({
		id,
		inspectionId,
		sex: 'female',
		ageBand: '18_22',
		nationality,
		answers: nationality === 'Atlantis' ? { nationality: 'other', nationality_other: 'Atlantis' } : { nationality },
		version: 1,
		deletedAt: deleted ? new Date() : null
	});
	return id;
}

async function person(id: string) {
	const [row] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, id));
	return row!;
}

async function feedVersions(id: string): Promise<number[]> {
	const rows = await database.db
		.select({ version: s.changes.version })
		.from(s.changes)
		.where(and(eq(s.changes.entity, 'screenedPerson'), eq(s.changes.recordId, id)));
	return rows.map((row) => Number(row.version));
}

describe(`nationalities stored before the codes, on ${testEngine}`, () => {
	it('are read as codes by the backfill, as new versions devices receive; the unreadable stay as written', async () => {
		const ids = {
			kosovo: await storedPerson('kosovo'),
			macedonia: await storedPerson('north_macedonia'),
			albanian: await storedPerson('Albanian'),
			shqiperi: await storedPerson('SHQIPËRI'),
			coded: await storedPerson('RS'),
			atlantis: await storedPerson('Atlantis'),
			deleted: await storedPerson('moldova', true)
		};
		const done = await normaliseStoredNationalities(database.db);
		expect(done.persons).toBeGreaterThanOrEqual(4);

		expect((await person(ids.kosovo)).nationality).toBe('XK');
		expect((await person(ids.macedonia)).nationality).toBe('MK');
		expect((await person(ids.albanian)).nationality).toBe('AL');
		expect((await person(ids.shqiperi)).nationality).toBe('AL');
		expect(await person(ids.coded)).toMatchObject({ nationality: 'RS', version: 1 });
		// Kept, never lost: the admin maps it.
		expect(await person(ids.atlantis)).toMatchObject({ nationality: 'Atlantis', version: 1 });
		// A deleted person is neither counted nor shown: it is left as it was.
		expect((await person(ids.deleted)).nationality).toBe('moldova');

		// A new version with its feed row, and the answers as the inspector gave them (the evidence).
		expect(await person(ids.kosovo)).toMatchObject({ version: 2, answers: { nationality: 'kosovo' } });
		expect(await feedVersions(ids.kosovo)).toEqual([2]);
		const bases = await database.db
			.select({ version: s.recordVersions.version })
			.from(s.recordVersions)
			.where(eq(s.recordVersions.recordId, ids.kosovo));
		expect(bases.map((b) => b.version).sort()).toEqual([1, 2]);

		const audited = await database.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'nationality.normalise'));
		expect(audited.map((entry) => entry.summary)).toContain('code=XK persons=1');
		expect(audited.every((entry) => entry.userId === null)).toBe(true);

		// Once done there is nothing left to do.
		expect(await normaliseStoredNationalities(database.db)).toEqual({ values: 0, persons: 0 });
		expect(await unmappedNationalities(database.db)).toEqual([{ written: 'Atlantis', persons: 1 }]);
	});

	it('are read as codes when an older app still pushes them', async () => {
		expect((await person(await pushedPerson('moldova'))).nationality).toBe('MD');
		expect((await person(await pushedPerson('Srbija'))).nationality).toBe('RS');
		expect((await person(await pushedPerson('UA'))).nationality).toBe('UA');
		expect((await person(await pushedPerson('Atlantis'))).nationality).toBe('Atlantis');
	});
});

describe(`an admin maps a nationality nothing could read, on ${testEngine}`, () => {
	const map = (client: TestClient, body: Record<string, string>) =>
		client.request('/admin/persons?/mapNationality', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams(body).toString()
		});

	it('lists it with its count, refuses what is not a code naming the field, and rewrites the persons, audited', async () => {
		const admin = await app.signedIn('admin_nat');
		const listed = await unmappedNationalities(database.db);
		expect(listed).toEqual([{ written: 'Atlantis', persons: 2 }]);
		const page = await admin.get('/admin/persons');
		expect(page.status).toBe(200);
		expect(await page.text()).toContain('Atlantis');

		for (const [code, field] of [
			['Greece', 'code'],
			['', 'code']
		] as const) {
			const refused = (await (await map(admin, { written: 'Atlantis', code })).json()) as {
				type: string;
				status: number;
				data: string;
			};
			expect(refused).toMatchObject({ type: 'failure', status: 400 });
			expect(refused.data).toContain(field);
		}
		expect(await unmappedNationalities(database.db)).toHaveLength(1);

		const done = (await (await map(admin, { written: 'Atlantis', code: 'GR' })).json()) as { type: string };
		expect(done.type).toBe('success');
		const rows = await database.db
			.select()
			.from(s.screenedPersons)
			.where(inArray(s.screenedPersons.nationality, ['Atlantis', 'GR']));
		expect(rows.map((row) => row.nationality)).toEqual(['GR', 'GR']);
		expect(rows.every((row) => row.version >= 2)).toBe(true);
		expect(await unmappedNationalities(database.db)).toEqual([]);

		const [adminUser] = await database.db.select().from(s.users).where(eq(s.users.username, 'admin_nat'));
		const [entry] = await database.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'nationality.map'));
		expect(entry).toMatchObject({ userId: adminUser!.id, summary: 'code=GR persons=2' });

		// What an older app still sends is read with the admin's mapping.
		expect((await person(await pushedPerson('Atlantis'))).nationality).toBe('GR');
	});

	it('is refused to everyone but admins', async () => {
		await storedPerson('Atlantis');
		for (const username of ['supervisor_x', 'planner_x', 'inspector_a1']) {
			const client = await app.signedIn(username);
			expect((await map(client, { written: 'Atlantis', code: 'GR' })).status, username).toBe(403);
		}
		expect(await unmappedNationalities(database.db)).toEqual([{ written: 'Atlantis', persons: 1 }]);
	});
});
