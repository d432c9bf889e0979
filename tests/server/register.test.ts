/**
 * The venue register's endpoints against the built app: who may change what (an inspector never
 * a verified venue), what every write leaves behind (a new version, a change-feed row, an audit
 * entry), duplicates, verify and merge, the all-or-nothing import, the export, and the 350 m flag
 * recomputed when either layer changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { metresPerDegree } from '../../src/lib/domain/geo/distance.ts';
import { mapData } from '../../src/lib/server/register/mapVenues.ts';

let database: Database;
let app: TestApp;
const id = {
	M1: randomUUID(),
	V1: randomUUID(),
	U1: randomUUID(),
	U2: randomUUID(),
	S1: randomUUID(),
	I1: randomUUID(),
	P1: randomUUID(),
	O1: randomUUID(),
	T1: randomUUID(),
	A1: randomUUID()
};
const users: Record<string, { id: string }> = {};
/** Pristina's centre; every fixture is placed by metres north of it. */
const centre = { lat: 42.6629, lng: 21.1655 };
const north = (metres: number) => ({ lat: centre.lat + metres / metresPerDegree(centre.lat).lat, lng: centre.lng });

beforeAll(async () => {
	database = await openTestDatabase();
	const db = database.db;
	users.planner = await addUser(database, 'plan1', 'planner');
	users.inspector = await addUser(database, 'insp1', 'inspector');
	users.other = await addUser(database, 'insp2', 'inspector', 'labour');
	users.supervisor = await addUser(database, 'sup1', 'supervisor');
	users.admin = await addUser(database, 'adm1', 'admin');
	const [police] = await db.select().from(s.agencies).where(eq(s.agencies.code, 'police'));
	await db
		.insert(s.municipalities)
		.values({ id: id.M1, code: 'prishtine', nameSq: 'Prishtinë', nameSr: 'Priština', nameEn: 'Pristina', ...centre });
	await db.insert(s.locations).values([
		{ id: id.V1, name: 'Bar Kristal', kind: 'bar', municipalityId: id.M1, ...north(0), status: 'active' },
		{
			id: id.U1,
			name: 'Kristal',
			kind: 'bar',
			municipalityId: id.M1,
			...north(20),
			status: 'unverified',
			createdBy: users.inspector.id
		},
		{
			id: id.U2,
			name: 'Night club found in the field',
			kind: 'night_club',
			municipalityId: id.M1,
			...north(2000),
			status: 'unverified',
			createdBy: users.inspector.id
		}
	]);
	await db.insert(s.plans).values({ id: id.P1, title: 'Plan', periodStart: '2026-01-01', periodEnd: '2026-12-31' });
	await db
		.insert(s.operations)
		.values({ id: id.O1, planId: id.P1, title: 'Op', date: '2026-02-01', leadAgencyId: police!.id });
	await db.insert(s.teams).values({ id: id.T1, operationId: id.O1, name: 'Team North' });
	await db.insert(s.teamMembers).values({ teamId: id.T1, userId: users.inspector.id, agencyId: police!.id });
	await db.insert(s.assignments).values({ id: id.A1, operationId: id.O1, teamId: id.T1, locationId: id.U1 });
	await db.insert(s.inspections).values({
		id: id.I1,
		locationId: id.U1,
		assignmentId: id.A1,
		teamId: id.T1,
		templateId: randomUUID(),
		templateVersion: 1,
		startedAt: new Date('2026-02-01T21:00:00Z'),
		outcome: 'labour_violations',
		status: 'submitted',
		createdBy: users.inspector.id
	});
	app = await startApp(database);
});

afterAll(async () => {
	await database?.close();
});

const clients = new Map<string, TestClient>();
async function as(username: string): Promise<TestClient> {
	const known = clients.get(username);
	if (known) return known;
	const client = app.client();
	const response = await client.post(
		'/api/auth/login',
		{ username, password: FIXTURE_PASSWORD },
		{ address: `10.9.${clients.size}.1` }
	);
	expect(response.status).toBe(200);
	clients.set(username, client);
	return client;
}

function put(client: TestClient, path: string, body: unknown) {
	return client.request(path, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
}

const venue = (overrides: Record<string, unknown> = {}) => ({
	name: 'Hotel Dardania',
	kind: 'hotel_motel',
	municipalityId: id.M1,
	address: 'Bulevardi Nëna Terezë',
	...north(500),
	...overrides
});

async function changesFor(recordId: string) {
	return database.db.select().from(s.changes).where(eq(s.changes.recordId, recordId));
}
async function auditFor(recordId: string) {
	return database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, recordId));
}

describe('creating a venue', () => {
	it('a planner creates one; it gets version 1, a change-feed row and an audit entry', async () => {
		const response = await (await as('plan1')).post('/api/locations', venue());
		expect(response.status).toBe(201);
		const { id: created, version } = await response.json();
		expect(version).toBe(1);
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, created));
		expect(row).toMatchObject({ name: 'Hotel Dardania', status: 'active', createdBy: users.planner!.id });
		expect((await changesFor(created)).map((c) => [c.entity, c.op, c.version])).toEqual([['location', 'upsert', 1]]);
		expect((await auditFor(created)).map((a) => a.action)).toEqual(['location.create']);
	});

	it('names the field that is wrong', async () => {
		const planner = await as('plan1');
		const outside = await planner.post('/api/locations', venue({ lat: 21.16, lng: 42.66 }));
		expect(outside.status).toBe(400);
		expect((await outside.json()).field).toBe('lat');
		const nameless = await planner.post('/api/locations', venue({ name: ' ' }));
		expect((await nameless.json()).field).toBe('name');
		const nowhere = await planner.post('/api/locations', venue({ municipalityId: randomUUID() }));
		expect(nowhere.status).toBe(400);
		expect((await nowhere.json()).field).toBe('municipalityId');
	});

	it('warns of a similar name within 50 m and saves only when the planner confirms', async () => {
		const planner = await as('plan1');
		const warned = await planner.post('/api/locations', venue({ name: 'BAR KRISTALL', ...north(30) }));
		expect(warned.status).toBe(409);
		const body = await warned.json();
		expect(body.field).toBe('name');
		expect(body.duplicates.map((d: { id: string }) => d.id)).toContain(id.V1);
		const confirmed = await planner.post(
			'/api/locations',
			venue({ name: 'BAR KRISTALL', ...north(30), confirmDuplicate: true })
		);
		expect(confirmed.status).toBe(201);
	});

	it('is refused to inspectors and supervisors', async () => {
		expect((await (await as('insp1')).post('/api/locations', venue({ name: 'Inspector venue' }))).status).toBe(403);
		expect((await (await as('sup1')).post('/api/locations', venue({ name: 'Supervisor venue' }))).status).toBe(403);
	});
});

describe('editing a venue', () => {
	it('an inspector cannot edit a verified venue', async () => {
		const response = await put(
			await as('insp1'),
			`/api/locations/${id.V1}`,
			venue({ name: 'Bar Kristal', kind: 'bar', ...north(0), address: 'changed' })
		);
		expect(response.status).toBe(403);
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, id.V1));
		expect(row!.address).toBe('');
		expect(row!.version).toBe(1);
	});

	it('an inspector cannot close or verify venues', async () => {
		const inspector = await as('insp1');
		expect((await inspector.post(`/api/locations/${id.V1}/status`, { status: 'gone', reason: 'x' })).status).toBe(403);
		expect((await inspector.post(`/api/locations/${id.U2}/verify`, {})).status).toBe(403);
	});

	it('an inspector may correct the unverified venue they proposed, but not one another inspector proposed', async () => {
		const body = venue({
			name: 'Night club found in the field',
			kind: 'night_club',
			...north(2000),
			address: 'Behind the bus station'
		});
		expect((await put(await as('insp2'), `/api/locations/${id.U2}`, body)).status).toBe(403);
		expect((await put(await as('insp1'), `/api/locations/${id.U2}`, body)).status).toBe(200);
	});

	it('a planner moves a venue by dragging it: a new version, a change row and an audit entry naming the fields', async () => {
		const planner = await as('plan1');
		const moved = venue({ name: 'Bar Kristal', kind: 'bar', address: '', ...north(5) });
		// The "BAR KRISTALL" confirmed above is now 25 m away: the move is warned about first.
		expect((await put(planner, `/api/locations/${id.V1}`, moved)).status).toBe(409);
		const response = await put(planner, `/api/locations/${id.V1}`, { ...moved, confirmDuplicate: true });
		expect(response.status).toBe(200);
		expect((await response.json()).version).toBe(2);
		expect((await changesFor(id.V1)).map((c) => c.version)).toEqual([2]);
		const [entry] = await auditFor(id.V1);
		expect(entry).toMatchObject({ action: 'location.update' });
		expect(entry!.summary).toContain('fields=lat');
		expect(entry!.summary).not.toContain('Kristal');
	});

	it('closing by the authorities needs a reason, and is recorded', async () => {
		const planner = await as('plan1');
		const refused = await planner.post(`/api/locations/${id.V1}/status`, { status: 'closed_by_authority' });
		expect(refused.status).toBe(400);
		expect((await refused.json()).field).toBe('reason');
		const closed = await planner.post(`/api/locations/${id.V1}/status`, {
			status: 'closed_by_authority',
			reason: 'Closed by court order'
		});
		expect(closed.status).toBe(200);
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, id.V1));
		expect(row).toMatchObject({ status: 'closed_by_authority', statusReason: 'Closed by court order', version: 3 });
		await planner.post(`/api/locations/${id.V1}/status`, { status: 'active' });
	});
});

describe('the venue card', () => {
	it('shows the inspection history and, to a planner, the actions for an unverified venue', async () => {
		const response = await (await as('plan1')).get(`/api/locations/${id.U1}`);
		expect(response.status).toBe(200);
		const detail = await response.json();
		expect(detail.history).toEqual([
			expect.objectContaining({ id: id.I1, teamName: 'Team North', outcome: 'labour_violations' })
		]);
		expect(detail.actions).toEqual({ edit: true, changeStatus: true, verify: true, merge: true });
		expect(detail.proposedBy).toBe('Test insp1');
	});

	it('offers an inspector no action on a verified venue', async () => {
		const detail = await (await (await as('insp1')).get(`/api/locations/${id.V1}`)).json();
		expect(detail.actions).toEqual({ edit: false, changeStatus: false, verify: false, merge: false });
	});

	it('answers 404 for an unknown venue', async () => {
		expect((await (await as('plan1')).get(`/api/locations/${randomUUID()}`)).status).toBe(404);
		expect((await (await as('plan1')).get('/api/locations/not-an-id')).status).toBe(404);
	});
});

describe('an unverified venue proposed from the field', () => {
	it('is verified by a planner, once', async () => {
		const planner = await as('plan1');
		expect((await planner.post(`/api/locations/${id.U2}/verify`, {})).status).toBe(200);
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, id.U2));
		expect(row!.status).toBe('active');
		expect((await planner.post(`/api/locations/${id.U2}/verify`, {})).status).toBe(409);
	});

	it('is merged into the venue it really is: its inspections and assignments move, and it is tombstoned', async () => {
		const response = await (await as('plan1')).post(`/api/locations/${id.U1}/merge`, { targetId: id.V1 });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ targetId: id.V1, inspections: 1, assignments: 1 });
		const [inspection] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id.I1));
		expect(inspection).toMatchObject({ locationId: id.V1, version: 2 });
		const [assignment] = await database.db.select().from(s.assignments).where(eq(s.assignments.id, id.A1));
		expect(assignment).toMatchObject({ locationId: id.V1, version: 2 });
		const [source] = await database.db.select().from(s.locations).where(eq(s.locations.id, id.U1));
		expect(source!.deletedAt).not.toBeNull();
		// Devices pull each moved record, with the team scope its inspectors need, and the tombstone.
		const inspectionChange = (await changesFor(id.I1))[0];
		expect(inspectionChange).toMatchObject({ entity: 'inspection', op: 'upsert', version: 2, teamId: id.T1 });
		expect((await changesFor(id.U1)).map((c) => c.op)).toEqual(['delete']);
		expect((await auditFor(id.U1)).map((a) => a.action)).toEqual(['location.merge']);
		expect((await (await as('plan1')).get(`/api/locations/${id.U1}`)).status).toBe(404);
		const history = (await (await (await as('plan1')).get(`/api/locations/${id.V1}`)).json()).history;
		expect(history.map((h: { id: string }) => h.id)).toContain(id.I1);
	});

	it('cannot merge a verified venue', async () => {
		const response = await (await as('plan1')).post(`/api/locations/${id.U2}/merge`, { targetId: id.V1 });
		expect(response.status).toBe(409);
	});
});

describe('near children (350 m), recomputed whenever either layer changes', () => {
	it('flags a venue once a school is imported 200 m away, with the school and the distance', async () => {
		const before = (await mapData(database.db)).venues.find((v) => v.id === id.V1);
		expect(before?.nearChildren).toBeNull();
		const school = north(205);
		const csv = `name,kind,municipality,lat,lng\nShkolla "Ismail Qemali",school,Prishtinë,${school.lat},${school.lng}\n`;
		const response = await (
			await as('plan1')
		).post('/api/register/import', { layer: 'childSites', format: 'csv', text: csv, confirm: true });
		expect(response.status).toBe(201);
		const after = (await mapData(database.db)).venues.find((v) => v.id === id.V1);
		expect(after?.nearChildren).toMatchObject({ siteName: 'Shkolla "Ismail Qemali"' });
		expect(after!.nearChildren!.distanceMetres).toBeGreaterThanOrEqual(199);
		expect(after!.nearChildren!.distanceMetres).toBeLessThanOrEqual(201);
	});

	it('drops the flag when the venue moves away', async () => {
		await put(
			await as('plan1'),
			`/api/locations/${id.V1}`,
			venue({ name: 'Bar Kristal', kind: 'bar', address: '', ...north(-300) })
		);
		expect((await mapData(database.db)).venues.find((v) => v.id === id.V1)?.nearChildren).toBeNull();
	});
});

describe('importing venues', () => {
	const header = 'name,kind,municipality,address,lat,lng';
	const good = [
		`Bar Import 1,bar,Pristina,,42.60,21.10`,
		`Bar Import 2,night_club,prishtine,,42.61,21.11`,
		`Bar Import 3,massage_parlour,Priština,,42.62,21.12`
	];
	const countImported = async () =>
		(await database.db.select().from(s.locations)).filter((row) => row.name.startsWith('Bar Import')).length;

	it('previews with the error naming the row and field, and writes nothing even when confirmed', async () => {
		const text = [header, ...good, 'Bar Import 4,bar,Pristina,,92.5,21.1'].join('\n');
		const planner = await as('plan1');
		const preview = await planner.post('/api/register/import', { layer: 'venues', format: 'csv', text });
		expect(preview.status).toBe(200);
		const body = await preview.json();
		expect(body.written).toBe(false);
		expect(body.preview.valid).toBe(3);
		expect(body.preview.errors).toEqual([expect.objectContaining({ row: 5, field: 'lat' })]);
		const confirmed = await planner.post('/api/register/import', {
			layer: 'venues',
			format: 'csv',
			text,
			confirm: true
		});
		expect(confirmed.status).toBe(422);
		expect(await countImported()).toBe(0);
	});

	it('writes every row of a clean file in one go, each with its change-feed row, and one audit entry', async () => {
		const seqBefore = (await database.db.select().from(s.changes)).length;
		const response = await (
			await as('plan1')
		).post('/api/register/import', {
			layer: 'venues',
			format: 'csv',
			text: [header, ...good].join('\n'),
			confirm: true
		});
		expect(response.status).toBe(201);
		expect((await response.json()).count).toBe(3);
		expect(await countImported()).toBe(3);
		expect((await database.db.select().from(s.changes)).length).toBe(seqBefore + 3);
		const audits = await database.db.select().from(s.auditLog).where(eq(s.auditLog.action, 'register.import.venues'));
		expect(audits).toHaveLength(1);
	});

	it('is refused to supervisors and inspectors', async () => {
		const body = { layer: 'venues', format: 'csv', text: [header, ...good].join('\n') };
		expect((await (await as('sup1')).post('/api/register/import', body)).status).toBe(403);
		expect((await (await as('insp1')).post('/api/register/import', body)).status).toBe(403);
	});
});

describe('exporting the register', () => {
	it('writes the filtered venues as CSV that Excel reads as UTF-8', async () => {
		const response = await (await as('sup1')).get('/api/register/export?format=csv&kind=night_club&purpose=statistics');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/csv');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		const lines = text.trim().split('\r\n');
		expect(lines[0]).toContain('name,kind,status');
		expect(lines.slice(1).every((line) => line.includes(',night_club,'))).toBe(true);
		expect(lines).toHaveLength(3);
	});

	it('writes GeoJSON that parses, longitude first', async () => {
		const response = await (await as('plan1')).get('/api/register/export?format=geojson&purpose=statistics');
		const document = JSON.parse(await response.text());
		expect(document.type).toBe('FeatureCollection');
		const kristal = document.features.find((f: { properties: { id: string } }) => f.properties.id === id.V1);
		expect(kristal.geometry.coordinates[0]).toBeCloseTo(centre.lng, 5);
		const audits = await database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.action, 'register.export')));
		expect(audits.length).toBeGreaterThanOrEqual(2);
	});

	it('is refused to inspectors', async () => {
		expect((await (await as('insp1')).get('/api/register/export?format=csv&purpose=statistics')).status).toBe(403);
	});
});
