/**
 * A device away longer than the change feed keeps deletions: the real client engine over
 * fake-indexeddb against the real app. Its cursor gets 410, it drops what it pulled (keeping what
 * the server does not have yet) and pulls again from empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import { simulatedDevice, type Device } from '../support/device.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { appendChanges } from '../../src/lib/server/sync/changeFeed.ts';
import { pruneChangeFeed } from '../../src/lib/server/sync/feedPruning.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
});
afterAll(async () => database?.close());

/** A device signed in as a1 whose pull requests are recorded (their cursors) and may be intercepted. */
async function deviceOfA1(beforePull: () => Promise<void>): Promise<{ device: Device; cursors: string[] }> {
	const client = app.client();
	const response = await client.post(
		'/api/auth/login',
		{ username: 'inspector_a1', password: FIXTURE_PASSWORD },
		{ address: '10.7.0.1' }
	);
	const { user } = await response.json();
	const cursors: string[] = [];
	const device = simulatedDevice(user.id, async (url, init) => {
		if (String(url).startsWith('/api/sync/pull')) {
			cursors.push(new URL(String(url), 'http://x').searchParams.get('cursor') ?? '');
			await beforePull();
		}
		return client.request(url, init);
	});
	return { device, cursors };
}

/** A photo the way the device keeps it: the attachment record (through the outbox) and its bytes. */
async function takePhoto(device: Device, inspectionId: string, n: number): Promise<string> {
	const bytes = new Uint8Array([
		0xff,
		0xd8,
		0xff,
		0xe0,
		n,
		...randomUUID()
			.split('')
			.map((c) => c.charCodeAt(0))
	]);
	const sha256 = createHash('sha256').update(bytes).digest('hex');
	const id = randomUUID();
	await device.db.photos.add({
		id,
		blob: new Blob([bytes]),
		sha256,
		mime: 'image/jpeg',
		uploadedAt: null,
		uploadError: null
	});
	await device.write('attachment', id, { ...visitRecords(world, inspectionId).photo(n), sha256, size: bytes.length });
	return id;
}

/** A venue change as the register's screens write it: the row and its feed row. */
async function venue(op: 'create' | 'rename' | 'delete', id: string, name = 'Venue'): Promise<void> {
	await database.db.transaction(async (tx) => {
		if (op === 'create')
			await tx
				.insert(s.locations)
				.values({ id, name, kind: 'bar', municipalityId: world.ids.municipality, lat: 42.6, lng: 21.1 });
		if (op === 'rename') await tx.update(s.locations).set({ name }).where(eq(s.locations.id, id));
		if (op === 'delete') await tx.delete(s.locations).where(eq(s.locations.id, id));
		await appendChanges(tx, [
			{ entity: 'location', recordId: id, op: op === 'delete' ? 'delete' : 'upsert', version: 1 }
		]);
	});
}

const onServer = async (table: typeof s.inspections, id: string) =>
	database.db.select().from(table).where(eq(table.id, id));

describe(`a device whose cursor the pruned feed no longer serves, on ${testEngine}`, () => {
	it('drops what it pulled but keeps its unsent work, and pulls the server’s state again', async () => {
		let duringPull = async () => {};
		const { device, cursors } = await deviceOfA1(() => duringPull());
		const [x, y] = [randomUUID(), randomUUID()];
		await venue('create', x, 'Venue X');
		await venue('create', y, 'Venue Y');

		// Before going away: a visit with a photo, sent and uploaded; then a conflict about X and one about the visit.
		const earlier = randomUUID();
		await device.write('inspection', earlier, inspectionData(world, { notes: 'earlier' }));
		const earlierPhoto = await takePhoto(device, earlier, 1);
		await device.sync();
		await device.sync();
		expect((await device.db.photos.get(earlierPhoto))?.uploadedAt).not.toBeNull();
		expect(await device.db.records('location').get(x)).toBeDefined();
		const conflict = { fields: ['name'], device: {}, server: {}, serverVersion: 1, at: new Date().toISOString() };
		await device.db.conflicts.bulkAdd([
			{ ...conflict, entity: 'location', recordId: x },
			{ ...conflict, entity: 'inspection', recordId: earlier }
		]);

		// Away: the server deletes X and renames Y; the device records a visit.
		device.online = false;
		await venue('delete', x);
		await venue('rename', y, 'Venue Y, renamed');
		const visit = randomUUID();
		await device.write('inspection', visit, inspectionData(world, { notes: 'recorded while away' }));

		// Months later the feed is pruned: X's deletion is no longer on it.
		await database.db.update(s.changes).set({ changedAt: sql`now() - interval '200 days'` });
		const { horizon } = await pruneChangeFeed(database.db, { now: new Date(), retentionDays: 90 });
		expect(horizon).toBeGreaterThan(0);

		// Back online. While its pull is on the way, the inspector photographs the visit: unsent work
		// on the device when the 410 comes back.
		device.online = true;
		cursors.length = 0;
		let photoDuringPull: string | undefined;
		duringPull = async () => {
			duringPull = async () => {};
			photoDuringPull = await takePhoto(device, visit, 2);
		};
		await device.sync();
		expect(cursors[0]).not.toBe('');
		expect(cursors[1]).toBe('');

		expect(await device.db.records('location').get(x)).toBeUndefined();
		expect((await device.db.records('location').get(y))?.name).toBe('Venue Y, renamed');
		expect(await device.db.records('location').count()).toBe((await database.db.select().from(s.locations)).length);
		// The visit recorded away was pushed once, and is on the device (pulled back, the same row).
		expect(await onServer(s.inspections, visit)).toHaveLength(1);
		expect((await device.db.records('inspection').get(visit))?.notes).toBe('recorded while away');
		expect(await device.db.records('inspection').where(':id').equals(visit).count()).toBe(1);
		// The photo taken during the pull stayed, record and bytes, waiting to be sent.
		expect(await device.db.records('attachment').get(photoDuringPull!)).toBeDefined();
		expect((await device.db.photos.get(photoDuringPull!))?.uploadedAt).toBeNull();
		expect((await device.db.outbox.toArray()).map((e) => e.recordId)).toEqual([photoDuringPull]);
		// The earlier photo is still on the server: its bytes stay. The conflict about X went with X.
		expect(await device.db.records('attachment').get(earlierPhoto)).toBeDefined();
		expect(await device.db.photos.get(earlierPhoto)).toBeDefined();
		expect((await device.db.conflicts.toArray()).map((c) => c.recordId)).toEqual([earlier]);

		// The next round sends the photo and its bytes; the cursor is good again.
		cursors.length = 0;
		await device.sync();
		expect(cursors).not.toContain('');
		expect(await device.db.outbox.count()).toBe(0);
		expect((await device.db.photos.get(photoDuringPull!))?.uploadedAt).not.toBeNull();
		const stored = await database.db.select().from(s.attachments).where(eq(s.attachments.id, photoDuringPull!));
		expect(stored).toHaveLength(1);
		expect(stored[0]?.storedAt).not.toBeNull();
		expect(await onServer(s.inspections, visit)).toHaveLength(1);
	});
});
