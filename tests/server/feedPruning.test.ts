import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { appendChanges, type ChangeInput } from '../../src/lib/server/sync/changeFeed.ts';
import { pruneChangeFeed, syncHorizon } from '../../src/lib/server/sync/feedPruning.ts';
import type { Change } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let inspector: TestClient;

const DAY_MS = 86_400_000;
const now = new Date();
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	inspector = await app.signedIn('inspector_a1');
});
afterAll(async () => database?.close());

/** Venues written with their feed rows, as the register's screens write them. */
async function venue(op: 'create' | 'rename' | 'delete', id: string, name = 'Venue'): Promise<number> {
	const [seq] = await database.db.transaction(async (tx) => {
		if (op === 'create')
			await tx.insert(s.locations).values({
				id,
				name,
				kind: 'bar',
				municipalityId: world.ids.municipality,
				lat: 42.6,
				lng: 21.1
			});
		if (op === 'rename') await tx.update(s.locations).set({ name }).where(eq(s.locations.id, id));
		if (op === 'delete') await tx.delete(s.locations).where(eq(s.locations.id, id));
		return appendChanges(tx, [
			{ entity: 'location', recordId: id, op: op === 'delete' ? 'delete' : 'upsert', version: 1 }
		]);
	});
	return seq!;
}

async function feedRow(row: ChangeInput): Promise<number> {
	const [seq] = await database.db.transaction((tx) => appendChanges(tx, [row]));
	return seq!;
}

/** Every row written so far (at or below `upTo`) dated `days` ago. */
async function age(upTo: number, days: number): Promise<void> {
	await database.db
		.update(s.changes)
		.set({ changedAt: daysAgo(days) })
		.where(sql`${s.changes.seq} <= ${upTo} and ${s.changes.changedAt} > ${daysAgo(days).toISOString()}::timestamptz`);
}

const remaining = async (seqs: number[]) =>
	(
		await database.db
			.select({ seq: s.changes.seq })
			.from(s.changes)
			.where(inArray(s.changes.seq, seqs))
			.orderBy(asc(s.changes.seq))
	).map((r) => Number(r.seq));

const lastSeq = async () => Number((await database.db.select().from(s.syncCounter))[0]!.seq);

async function pull(cursor: string): Promise<{ status: number; changes: Change[]; cursor: string; hasMore: boolean }> {
	const response = await inspector.get(`/api/sync/pull?cursor=${cursor}&limit=4`);
	if (response.status !== 200) return { status: response.status, changes: [], cursor, hasMore: false };
	return { status: 200, ...(await response.json()) };
}

/** A device pulling every page from `cursor` until none is left ('' for a device starting from empty). */
async function pullAll(cursor = ''): Promise<{ changes: Change[]; cursor: string }> {
	const all: Change[] = [];
	for (;;) {
		const page = await pull(cursor);
		expect(page.status).toBe(200);
		all.push(...page.changes);
		cursor = page.cursor;
		if (!page.hasMore) return { changes: all, cursor };
	}
}

describe(`pruning the change feed on ${testEngine}`, () => {
	it('removes superseded rows below the window, keeps the rest, and does not move the horizon', async () => {
		const { cursor } = await pullAll();

		const renamed = randomUUID();
		const v1 = await venue('create', renamed, 'First name');
		const v2 = await venue('rename', renamed, 'Second name');
		// An older row of the same record for another audience (addressed to one user) is no one's
		// superseded row: the team's later row does not reach that user.
		const assignment = world.ids.assignmentA;
		const addressed = await feedRow({
			entity: 'assignment',
			recordId: assignment,
			op: 'upsert',
			version: 1,
			userId: world.users.b1.id
		});
		const teamRow = await feedRow({
			entity: 'assignment',
			recordId: assignment,
			op: 'upsert',
			version: 1,
			teamId: world.ids.teamA,
			operationId: world.ids.operation
		});
		const recent = randomUUID();
		const r1 = await venue('create', recent, 'Recent');
		const r2 = await venue('rename', recent, 'Recent, renamed');
		await age(teamRow, 120);
		await age(r2, 10);

		const result = await pruneChangeFeed(database.db, { now, retentionDays: 90, batchSize: 3 });
		// The renamed venue's first row, and the world's row of the assignment (the team's new row supersedes it).
		expect(result).toEqual({ pruned: 2, horizon: 0 });
		// Below the window the renamed venue's first row went; within it both of the recent venue's stay.
		expect(await remaining([v1, v2, addressed, teamRow, r1, r2])).toEqual([v2, addressed, teamRow, r1, r2]);
		// A device whose cursor is older than the pruned row still pulls on, and reads the venue as it is.
		const page = await pull(cursor);
		expect(page.status).toBe(200);
		expect(page.changes.filter((c) => c.id === renamed)).toMatchObject([
			{ op: 'upsert', data: { name: 'Second name' } }
		]);
	});

	it('prunes deletions older than the window: an older cursor gets 410, a pull from empty holds each live record once', async () => {
		expect((await pullAll()).changes.length).toBeGreaterThan(0);
		const heldSince = await lastSeq();
		const cursorBefore = String(heldSince);

		const [gone, kept, lateGone, reborn] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
		const goneRows = [await venue('create', gone), await venue('delete', gone)];
		const keptRows = [await venue('create', kept, 'Kept v1'), await venue('rename', kept, 'Kept v2')];
		const lateGoneCreated = await venue('create', lateGone);
		// Deleted and made again under the same id (an undo): its deletion is superseded, no horizon for it.
		const rebornRows = [
			await venue('create', reborn),
			await venue('delete', reborn),
			await venue('create', reborn, 'Again')
		];
		const old = await lastSeq();
		const keptLatest = await venue('rename', kept, 'Kept v3');
		const lateGoneDeleted = await venue('delete', lateGone);
		await age(old, 200);
		await age(await lastSeq(), 30);

		const result = await pruneChangeFeed(database.db, { now, retentionDays: 90, batchSize: 2 });
		// The gone venue's two rows, the kept venue's two older ones, the late-gone venue's creation
		// (superseded by its recent deletion), the reborn venue's first two, and the first test's
		// recent venue's first row, older now too.
		expect(result.pruned).toBe(8);
		expect(result.horizon).toBe(goneRows[1]);
		expect(await syncHorizon(database.db)).toBe(goneRows[1]);
		expect(
			await remaining([...goneRows, ...keptRows, lateGoneCreated, ...rebornRows, keptLatest, lateGoneDeleted])
		).toEqual([rebornRows[2], keptLatest, lateGoneDeleted]);

		// A device that held the gone venue never saw its deletion: it must start again.
		expect((await pull(cursorBefore)).status).toBe(410);
		expect((await pull(String(goneRows[1]! - 1))).status).toBe(410);
		// One that saw the deletion before it was pruned goes on.
		expect((await pull(String(goneRows[1]))).status).toBe(200);

		const fresh = (await pullAll()).changes;
		const keys = fresh.map((c) => `${c.entity}:${c.id}`);
		expect(new Set(keys).size).toBe(keys.length);
		const venues = fresh.filter((c) => c.entity === 'location');
		const live = (await database.db.select({ id: s.locations.id }).from(s.locations).orderBy(asc(s.locations.id))).map(
			(l) => l.id
		);
		expect(
			venues
				.filter((c) => c.op === 'upsert')
				.map((c) => c.id)
				.sort()
		).toEqual(live.sort());
		expect(live).not.toContain(gone);
		expect(venues.find((c) => c.id === gone)).toBeUndefined();
		expect(venues.find((c) => c.id === kept)).toMatchObject({ op: 'upsert', data: { name: 'Kept v3' } });
		expect(venues.find((c) => c.id === reborn)).toMatchObject({ op: 'upsert', data: { name: 'Again' } });
		// A deletion within the window is still on the feed, for the devices that hold the venue.
		expect(venues.find((c) => c.id === lateGone)).toMatchObject({ op: 'delete' });

		// A second run finds nothing more to do, and the horizon stays.
		expect(await pruneChangeFeed(database.db, { now, retentionDays: 90 })).toEqual({ pruned: 0, horizon: goneRows[1] });
	});
});
