import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LocalDb, type OutboxEntry } from '../../src/lib/client/db.ts';
import { SyncEngine } from '../../src/lib/client/sync/engine.ts';
import { SyncHttpError, SyncTransport } from '../../src/lib/client/sync/transport.ts';
import type { Change } from '../../src/lib/domain/sync/wire.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const otherUser = '00000000-0000-4000-8000-000000000002';
const id = (n: number) => `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const [kept, gone, refused, othersWork, refusedBytes, uploaded, uploadedGone] = [1, 2, 3, 4, 5, 6, 7].map(id) as [
	string,
	string,
	string,
	string,
	string,
	string,
	string
];

const entry = (recordId: string, over: Partial<OutboxEntry>): OutboxEntry => ({
	mutationId: crypto.randomUUID(),
	entity: 'inspection',
	recordId,
	op: 'upsert',
	baseVersion: 0,
	data: { notes: 'unsent' },
	userId,
	createdAt: '2026-12-01T10:00:00Z',
	sentAt: null,
	status: 'pending',
	errors: null,
	...over
});

const photo = (photoId: string, over: { uploadedAt: string | null; uploadError: string | null }) => ({
	id: photoId,
	blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])]),
	sha256: 'a'.repeat(64),
	mime: 'image/jpeg',
	...over
});

/** A device that pulled before: venues, a visit refused by the server, another user's kept work, photos. */
async function deviceThatPulled(): Promise<LocalDb> {
	const db = new LocalDb(`start-over-${crypto.randomUUID()}`);
	await db.records('location').bulkPut([
		{ id: kept, version: 1, name: 'Kept, old name' },
		{ id: gone, version: 1, name: 'Deleted on the server' }
	]);
	await db.records('inspection').bulkPut([
		{ id: refused, version: 0, notes: 'refused' },
		{ id: othersWork, version: 0, notes: 'another user’s' }
	]);
	await db.outbox.bulkAdd([
		entry(refused, { status: 'rejected', sentAt: '2026-12-01T10:01:00Z', errors: [{ field: 'data', message: 'no' }] }),
		entry(othersWork, { userId: otherUser })
	]);
	await db.records('attachment').bulkPut([
		{ id: refusedBytes, version: 1, inspectionId: refused },
		{ id: uploaded, version: 1, inspectionId: refused },
		{ id: uploadedGone, version: 1, inspectionId: refused }
	]);
	await db.photos.bulkAdd([
		// The server refused the bytes: not uploaded, so they stay with their record.
		photo(refusedBytes, { uploadedAt: null, uploadError: 'too large' }),
		photo(uploaded, { uploadedAt: '2026-12-01T10:02:00Z', uploadError: null }),
		photo(uploadedGone, { uploadedAt: '2026-12-01T10:02:00Z', uploadError: null })
	]);
	const conflict = { fields: ['name'], device: {}, server: {}, serverVersion: 1, at: '2026-12-01T10:03:00Z' };
	await db.conflicts.bulkAdd([
		{ ...conflict, entity: 'location', recordId: gone },
		{ ...conflict, entity: 'location', recordId: kept }
	]);
	await db.syncState.bulkPut([
		{ key: 'cursor', value: '40' },
		{ key: 'writeSeq', value: 9 }
	]);
	return db;
}

/** The server: 410 for any cursor in `expired`, else one page of the current state. */
function server(expired: (cursor: string) => boolean) {
	const cursors: string[] = [];
	const page: Change[] = [
		{ entity: 'location', id: kept, op: 'upsert', version: 2, data: { name: 'Kept, new name' } },
		{ entity: 'attachment', id: uploaded, op: 'upsert', version: 1, data: { inspectionId: refused } }
	];
	const fetchFn = async (url: string) => {
		const cursor = new URL(url, 'http://x').searchParams.get('cursor') ?? '';
		cursors.push(cursor);
		if (expired(cursor)) return Response.json({ error: 'cursor too old', field: 'cursor' }, { status: 410 });
		return Response.json({ changes: page, cursor: '90.50', hasMore: false });
	};
	return { cursors, transport: new SyncTransport(fetchFn) };
}

describe('a device whose cursor is too old (410)', () => {
	it('drops what it pulled, keeps what the server lacks, and pulls from empty', async () => {
		const db = await deviceThatPulled();
		const { cursors, transport } = server((cursor) => cursor === '40');
		const report = await new SyncEngine(db, transport, crypto.randomUUID(), userId).run();

		expect(cursors).toEqual(['40', '']);
		expect(report.pulled).toBe(2);
		expect(await db.records('location').toArray()).toEqual([{ id: kept, version: 2, name: 'Kept, new name' }]);
		expect((await db.records('inspection').toCollection().primaryKeys()).sort()).toEqual([refused, othersWork]);
		expect(await db.outbox.count()).toBe(2);
		// Photos: the refused bytes with their record; the uploaded one still on the server with its
		// bytes; the one the server no longer has, record and bytes gone.
		expect((await db.records('attachment').toCollection().primaryKeys()).sort()).toEqual([refusedBytes, uploaded]);
		expect((await db.photos.toCollection().primaryKeys()).sort()).toEqual([refusedBytes, uploaded]);
		expect((await db.conflicts.toArray()).map((c) => c.recordId)).toEqual([kept]);
		expect(await db.syncState.get('cursor')).toEqual({ key: 'cursor', value: '90.50' });
		// The submission lock's order never goes back.
		expect(await db.syncState.get('writeSeq')).toEqual({ key: 'writeSeq', value: 9 });
		db.close();
	});

	it('starts over once a round: a server that keeps answering 410 is an error, not a loop', async () => {
		const db = await deviceThatPulled();
		const { cursors, transport } = server(() => true);
		const round = new SyncEngine(db, transport, crypto.randomUUID(), userId).run();
		await expect(round).rejects.toBeInstanceOf(SyncHttpError);
		expect(cursors).toEqual(['40', '']);
		// What the server lacks is still there; the checks after a finished pull from empty wait for it.
		expect(await db.outbox.count()).toBe(2);
		expect(await db.photos.count()).toBe(3);
		expect(await db.conflicts.count()).toBe(2);
		db.close();
	});
});
