/**
 * Venue networks and the reopened-venue flag against the built app: the owner, manager and phone a
 * planner records (validated, audited by field name, kept off the phones), networks by business
 * number, phone and person, a possible reopening for each kind of link — and none when the other
 * venue was there before the closure —, the card's network and history, and who sees any of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { metresPerDegree } from '../../src/lib/domain/geo/distance.ts';
import { readWireRecords } from '../../src/lib/server/sync/wireRecords.ts';
import type { PossibleReopening, VenueDetail } from '../../src/lib/domain/views/register.ts';

let database: Database;
let app: TestApp;
let planner: TestClient;
const M1 = randomUUID();
const centre = { lat: 42.6629, lng: 21.1655 };
/** Each venue gets its own spot, so that no save meets the likely-duplicate warning. */
let spot = 0;
const nextSpot = () => ({ lat: centre.lat + (spot++ * 200) / metresPerDegree(centre.lat).lat, lng: centre.lng });

beforeAll(async () => {
	database = await openTestDatabase();
	await addUser(database, 'net_planner', 'planner');
	await addUser(database, 'net_inspector', 'inspector');
	await addUser(database, 'net_supervisor', 'supervisor', 'labour');
	await addUser(database, 'net_admin', 'admin');
	await database.db
		.insert(s.municipalities)
		.values({ id: M1, code: 'prishtine', nameSq: 'Prishtinë', nameSr: 'Priština', nameEn: 'Pristina', ...centre });
	app = await startApp(database);
	planner = await app.signedIn('net_planner');
});
afterAll(async () => database?.close());

type Fields = { name: string } & Partial<{
	address: string;
	businessRegNo: string;
	ownerName: string;
	managerName: string;
	phone: string;
}>;

async function register(fields: Fields): Promise<string> {
	const response = await planner.post('/api/locations', {
		kind: 'bar',
		municipalityId: M1,
		...nextSpot(),
		...fields,
		confirmDuplicate: true
	});
	expect(response.status, await response.clone().text()).toBe(201);
	return (await response.json()).id;
}

async function closeByAuthority(id: string): Promise<void> {
	const response = await planner.post(`/api/locations/${id}/status`, {
		status: 'closed_by_authority',
		reason: 'closed by the labour inspectorate'
	});
	expect(response.status).toBe(200);
}

async function card(client: TestClient, id: string): Promise<VenueDetail> {
	const response = await client.get(`/api/locations/${id}`);
	expect(response.status).toBe(200);
	return response.json();
}

async function reopenings(): Promise<PossibleReopening[]> {
	const response = await planner.get('/api/register/reopenings');
	expect(response.status).toBe(200);
	return response.json();
}

function edit(id: string, body: Record<string, unknown>) {
	return planner.request(`/api/locations/${id}`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ kind: 'bar', municipalityId: M1, ...body })
	});
}

describe(`owner, manager and phone on ${testEngine}`, () => {
	it('a planner records them; a change is audited by field name only, never by value', async () => {
		const id = await register({ name: 'Bar Contacts', ownerName: 'Arbën Çela', phone: '044 100 200' });
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, id));
		expect(row).toMatchObject({ ownerName: 'Arbën Çela', managerName: '', phone: '044 100 200' });

		const response = await edit(id, {
			name: 'Bar Contacts',
			lat: row!.lat,
			lng: row!.lng,
			ownerName: 'Arbën Çela',
			managerName: 'Drita Hoxha',
			phone: '+383 44 100 200'
		});
		expect(response.status).toBe(200);
		const audit = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, id));
		const update = audit.find((entry) => entry.action === 'location.update');
		expect(update!.summary).toBe('version=2 fields=managerName,phone');
		expect(audit.map((entry) => entry.summary).join(' ')).not.toMatch(/Drita|100/);
	});

	it('refuses a phone that is not a phone number, naming the field', async () => {
		const response = await planner.post('/api/locations', {
			name: 'Bar Bad Phone',
			kind: 'bar',
			municipalityId: M1,
			...nextSpot(),
			phone: 'call the owner'
		});
		expect(response.status).toBe(400);
		expect((await response.json()).field).toBe('phone');
	});

	it('stay off the phones: the wire form of a venue leaves them out', async () => {
		const id = await register({ name: 'Bar Wire', ownerName: 'Someone', managerName: 'Other', phone: '044 999 888' });
		const wire = (await readWireRecords(database.db, 'location', [id])).get(id)!;
		expect(wire.data.name).toBe('Bar Wire');
		for (const field of ['ownerName', 'managerName', 'phone']) expect(wire.data).not.toHaveProperty(field);
	});
});

describe(`networks on ${testEngine}`, () => {
	it('link venues by business number, phone and one person, directly or through each other', async () => {
		const a = await register({ name: 'Net A', businessRegNo: '810-555-111' });
		const b = await register({ name: 'Net B', businessRegNo: '810555111', phone: '049 222 333' });
		const c = await register({ name: 'Net C', phone: '+383 49 222 333', ownerName: 'Besnik  Gashi' });
		const d = await register({ name: 'Net D', managerName: 'BESNIK GASHI' });
		const outsider = await register({ name: 'Net E', ownerName: 'Besnik Gashi Jr' });

		const { network } = await card(planner, a);
		const members = new Map(network!.members.map((member) => [member.id, member]));
		expect([...members.keys()].sort()).toEqual([b, c, d].sort());
		expect(members.get(b)!.links).toEqual(['businessRegNo']);
		expect(members.get(c)!.links).toEqual([]);
		expect(members.get(b)!.status).toBe('active');
		expect(members.has(outsider)).toBe(false);

		const fromD = await card(planner, d);
		expect(fromD.network!.members.find((member) => member.id === c)!.links).toEqual(['person']);
	});

	it('follow an edit of the register at once: the kept networks are not answered stale', async () => {
		const a = await register({ name: 'Kept A', phone: '049 333 444' });
		const b = await register({ name: 'Kept B', phone: '049 333 444' });
		expect((await card(planner, a)).network!.members.map((member) => member.id)).toEqual([b]);
		const row = await database.db.query.locations.findFirst({ where: (l, { eq }) => eq(l.id, b) });
		expect((await edit(b, { name: 'Kept B', phone: '049 999 000', lat: row!.lat, lng: row!.lng })).status).toBe(200);
		expect((await card(planner, a)).network!.members).toEqual([]);
		expect((await card(planner, b)).network!.members).toEqual([]);
	});
});

describe(`possible reopenings on ${testEngine}`, () => {
	const kinds = [
		{
			kind: 'address',
			closed: { address: 'Rruga Agim Ramadani 15' },
			reopened: { address: 'Rr. Agim Ramadani nr. 15' }
		},
		{ kind: 'person', closed: { ownerName: 'Fatmir Berisha' }, reopened: { managerName: 'fatmir berisha' } },
		{ kind: 'businessRegNo', closed: { businessRegNo: '811000222' }, reopened: { businessRegNo: '811 000 222' } },
		{ kind: 'phone', closed: { phone: '044 777 111' }, reopened: { phone: '+383 44 777 111' } }
	] as const;

	for (const { kind, closed, reopened } of kinds) {
		it(`flag a venue registered after a venue with the same ${kind} was closed by the authorities`, async () => {
			const closedId = await register({ name: `Closed by ${kind}`, ...closed });
			await closeByAuthority(closedId);
			const newId = await register({ name: `New name by ${kind}`, ...reopened });

			const flag = (await reopenings()).find((entry) => entry.venueId === newId);
			expect(flag).toMatchObject({ closedVenueId: closedId, closedVenueName: `Closed by ${kind}`, links: [kind] });
			expect(Date.parse(flag!.openedAt)).toBeGreaterThan(Date.parse(flag!.closedAt));
		});
	}

	it('do not flag a linked venue that was there before the closure, nor a closed or gone one', async () => {
		const earlier = await register({ name: 'Earlier Sister', ownerName: 'Valon Morina' });
		const gone = await register({ name: 'Gone Sister', ownerName: 'Valon Morina' });
		const goneResponse = await planner.post(`/api/locations/${gone}/status`, { status: 'gone', reason: 'vanished' });
		expect(goneResponse.status).toBe(200);
		const closedId = await register({ name: 'Closed Sister', ownerName: 'Valon Morina' });
		await closeByAuthority(closedId);

		const flagged = (await reopenings()).map((entry) => entry.venueId);
		expect(flagged).not.toContain(earlier);
		expect(flagged).not.toContain(gone);
		expect(flagged).not.toContain(closedId);
	});

	it('flag a linked venue re-activated after the closure', async () => {
		const sister = await register({ name: 'Sleeping Sister', phone: '045 303 404' });
		await planner.post(`/api/locations/${sister}/status`, { status: 'gone', reason: 'vanished' });
		const closedId = await register({ name: 'Closed Phone', phone: '045303404' });
		await closeByAuthority(closedId);
		expect((await reopenings()).map((entry) => entry.venueId)).not.toContain(sister);

		const back = await planner.post(`/api/locations/${sister}/status`, { status: 'active', reason: '' });
		expect(back.status).toBe(200);
		expect((await reopenings()).find((entry) => entry.venueId === sister)).toMatchObject({
			closedVenueId: closedId,
			links: ['phone']
		});
	});

	it("show on both venues' cards, with the closed venue's history of name and status", async () => {
		const closedId = await register({ name: 'Club Old', address: 'Rruga B 9' });
		const [row] = await database.db.select().from(s.locations).where(eq(s.locations.id, closedId));
		expect(
			(await edit(closedId, { name: 'Club Older', address: 'Rruga B 9', lat: row!.lat, lng: row!.lng })).status
		).toBe(200);
		await closeByAuthority(closedId);
		const newId = await register({ name: 'Club New', address: 'rruga b 9' });

		const closedCard = await card(planner, closedId);
		expect(closedCard.network!.reopenings).toMatchObject([
			{ venueId: newId, venueName: 'Club New', links: ['address'] }
		]);
		expect(closedCard.changes.map((change) => change.kind)).toEqual(['status', 'name', 'registered']);
		expect(closedCard.changes[0]).toMatchObject({ from: 'active', to: 'closed_by_authority' });
		expect(closedCard.changes[1]).toMatchObject({ from: 'Club Old', to: 'Club Older' });
		expect((await card(planner, newId)).network!.reopenings).toMatchObject([{ closedVenueId: closedId }]);

		const plan = await (await planner.get('/plan')).text();
		expect(plan).toContain('data-testid="plan-reopenings"');
		expect(plan).toContain('Club New');
	});
});

describe(`who sees networks on ${testEngine}`, () => {
	it('only those who keep the register: inspectors and supervisors get the card without them, and no list', async () => {
		const id = await register({ name: 'Bar Private', ownerName: 'Private Person', phone: '044 121 212' });
		for (const username of ['net_inspector', 'net_supervisor']) {
			const client = await app.signedIn(username);
			const detail = await card(client, id);
			expect(detail.contacts, username).toBeNull();
			expect(detail.network, username).toBeNull();
			expect(JSON.stringify(detail)).not.toContain('Private Person');
			expect((await client.get('/api/register/reopenings')).status, username).toBe(403);
		}
		const admin = await app.signedIn('net_admin');
		expect((await card(admin, id)).contacts).toEqual({
			ownerName: 'Private Person',
			managerName: '',
			phone: '044 121 212'
		});
		expect((await admin.get('/api/register/reopenings')).status).toBe(200);
	});
});
