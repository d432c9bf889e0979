/**
 * The child-site rule recorded at check-in, through the real push endpoint on the engine under
 * test: the server judges it from its own register and the configured radius, and what a device
 * claims (out of date or forged) is replaced. The visit keeps the judgement made at check-in; the
 * inspection page and the national report show it with the persons under 18.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import {
	allIndicatorsYes,
	buildSyncWorld,
	inspectionData,
	visitRecords,
	type SyncWorld
} from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { EARTH_MEAN_RADIUS_METRES } from '../../src/lib/domain/geo/distance.ts';
import { inspectionView } from '../../src/lib/server/inspections/view.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let inspector: TestClient;
const deviceId = randomUUID();
const school = randomUUID();

// The sync world's venues stand 111 m apart on a north–south line from (42.66, 21.16).
const venue0 = { lat: 42.66, lng: 21.16 };
const south = (metres: number) => ({
	lat: venue0.lat - (metres / EARTH_MEAN_RADIUS_METRES) * (180 / Math.PI),
	lng: venue0.lng
});

async function addChildSite(id: string, name: string, point: { lat: number; lng: number }) {
	await database.db.insert(s.childSites).values({
		id,
		name,
		kind: 'school',
		address: '',
		municipalityId: world.ids.municipality,
		...point
	});
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	// 200 m south of venue 0; venue 1 is then 311 m away, venue 2 422 m.
	await addChildSite(school, 'Shkolla fillore "Faik Konica"', south(200));
	inspector = await app.signedIn('inspector_a1');
});
afterAll(async () => database?.close());
afterEach(() => {
	delete process.env.CHILD_SITE_RADIUS_METRES;
});

const forged = {
	siteId: randomUUID(),
	siteName: 'Nowhere',
	siteKind: 'playground',
	distanceMetres: 3,
	radiusMetres: 350
};
const checkIn = (nearChildren: unknown) => ({ ...inspectionData(world).checkIn, nearChildren });

async function pushInspection(id: string, data: Record<string, unknown>, baseVersion = 0) {
	const response = await inspector.post('/api/sync/push', {
		deviceId,
		mutations: [{ mutationId: randomUUID(), entity: 'inspection', op: 'upsert', id, baseVersion, data }]
	});
	expect(response.status).toBe(200);
	const [result] = (await response.json()).results;
	expect(result.status).toBe('applied');
}

async function storedFlag(id: string) {
	const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id));
	return row!.checkIn?.nearChildren;
}

describe(`the child-site rule at check-in, on ${testEngine}`, () => {
	it('is the server’s judgement: a forged flag is replaced with the nearest site and its distance', async () => {
		const id = randomUUID();
		await pushInspection(id, inspectionData(world, { checkIn: checkIn(forged) }));
		expect(await storedFlag(id)).toEqual({
			siteId: school,
			siteName: 'Shkolla fillore "Faik Konica"',
			siteKind: 'school',
			distanceMetres: 200,
			radiusMetres: 350
		});
	});

	it('is recorded for a device that judged none (an older app, or sites not yet pulled)', async () => {
		const id = randomUUID();
		await pushInspection(id, inspectionData(world, { checkIn: checkIn(null) }));
		expect(await storedFlag(id)).toMatchObject({ siteId: school, distanceMetres: 200 });
		const older = randomUUID();
		const { nearChildren: _none, ...oldShape } = checkIn(null);
		await pushInspection(older, inspectionData(world, { checkIn: oldShape }));
		expect(await storedFlag(older)).toMatchObject({ siteId: school });
	});

	it('is null beyond the radius, whatever the device claims', async () => {
		const id = randomUUID();
		const far = { locationId: world.ids.venues[2], assignmentId: null, unplannedReason: 'seen on patrol' };
		await pushInspection(id, inspectionData(world, { ...far, checkIn: checkIn(forged) }));
		expect(await storedFlag(id)).toBeNull();
	});

	it('uses the configured radius: at 500 m the venue 422 m away is near children', async () => {
		process.env.CHILD_SITE_RADIUS_METRES = '500';
		const id = randomUUID();
		const far = { locationId: world.ids.venues[2], assignmentId: null, unplannedReason: 'seen on patrol' };
		await pushInspection(id, inspectionData(world, { ...far, checkIn: checkIn(null) }));
		expect(await storedFlag(id)).toMatchObject({ siteId: school, distanceMetres: 422, radiusMetres: 500 });
	});

	it('keeps the judgement of check-in through later pushes, even when a site is added nearer', async () => {
		const id = randomUUID();
		await pushInspection(id, inspectionData(world, { checkIn: checkIn(null) }));
		await addChildSite(randomUUID(), 'Kopshti "Lule"', south(50));
		await pushInspection(id, inspectionData(world, { checkIn: checkIn(forged), notes: 'later' }), 1);
		expect(await storedFlag(id)).toMatchObject({ siteId: school, distanceMetres: 200 });
	});
});

describe(`the aggravating circumstances, on ${testEngine}`, () => {
	// Venue 0 now has the kindergarten added above 50 m away.
	it('are shown on the inspection page and counted in the national report', async () => {
		const id = randomUUID();
		const visit = visitRecords(world, id);
		const minor = { ...visit.person('female'), ageBand: '14_17', answers: allIndicatorsYes(world.template) };
		const response = await inspector.post('/api/sync/push', {
			deviceId,
			mutations: [
				{ mutationId: randomUUID(), entity: 'inspection', op: 'upsert', id, baseVersion: 0, data: visit.submitted() },
				{
					mutationId: randomUUID(),
					entity: 'screenedPerson',
					op: 'upsert',
					id: randomUUID(),
					baseVersion: 0,
					data: minor
				}
			]
		});
		expect((await response.json()).results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

		const supervisor: SessionUser = {
			...world.users.supervisor,
			displayName: 'Supervisor',
			role: 'supervisor',
			agencyId: randomUUID(),
			agencyCode: 'police'
		};
		const view = await inspectionView(database.db, supervisor, id);
		expect(view?.aggravating).toMatchObject({ nearChildren: { distanceMetres: 50 }, minors: 1 });
		// A planner sees the venue's flag, not the persons behind the count.
		const planner = { ...supervisor, id: world.users.planner.id, role: 'planner' as const };
		expect((await inspectionView(database.db, planner, id))?.aggravating).toMatchObject({
			nearChildren: { distanceMetres: 50 },
			minors: null
		});

		const sup = await app.signedIn('supervisor_x');
		const report = await (await sup.get('/api/coverage?from=2026-11-01&to=2026-11-30')).json();
		expect(report.report.aggravating).toEqual({
			inspectionsNearChildren: 1,
			possibleVictimsUnder18: 1,
			possibleVictimsNearChildren: 1
		});
	});
});
