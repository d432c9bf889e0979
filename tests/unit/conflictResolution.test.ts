import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import { resolveConflict, resolvedData, valueAt } from '../../src/lib/client/sync/conflictResolution.ts';

const conflict = {
	fields: ['notes', 'answers.q2'],
	device: { notes: 'device notes', outcome: 'ok', answers: { q1: 'yes', q2: 'no' } },
	server: { notes: 'server notes', outcome: 'ok', answers: { q1: 'yes', q2: 'yes', q3: 'n/a' }, createdBy: 'someone' }
};

describe('reading a conflicting field', () => {
	it('reads a top-level field', () => expect(valueAt(conflict.device, 'notes')).toBe('device notes'));
	it('reads one item of a map merged per key', () => expect(valueAt(conflict.server, 'answers.q2')).toBe('yes'));
	it('says undefined where a side has no value', () => expect(valueAt(conflict.device, 'answers.q9')).toBeUndefined());
});

describe('the data written when a conflict is resolved', () => {
	it('is nothing when every field keeps the server value', () => {
		expect(resolvedData(conflict, conflict.server, { notes: 'server', 'answers.q2': 'server' })).toBeNull();
	});

	it('puts the device value back only where the user chose it, on top of the server record', () => {
		expect(resolvedData(conflict, conflict.server, { notes: 'server', 'answers.q2': 'device' })).toEqual({
			notes: 'server notes',
			outcome: 'ok',
			answers: { q1: 'yes', q2: 'no', q3: 'n/a' }
		});
	});

	it('sends only the fields the device authors, not the server-kept ones', () => {
		const data = resolvedData(conflict, conflict.server, { notes: 'device' });
		expect(data).not.toHaveProperty('createdBy');
		expect(data?.notes).toBe('device notes');
	});
});

describe('resolving a conflict on the device', () => {
	it('queues the chosen values as a new change on the server version and removes the conflict', async () => {
		const db = new LocalDb(`resolve-${crypto.randomUUID()}`);
		const id = crypto.randomUUID();
		await db.records('inspection').put({ id, version: 3, ...conflict.server });
		const key = await db.conflicts.add({
			entity: 'inspection',
			recordId: id,
			...conflict,
			serverVersion: 3,
			at: new Date().toISOString()
		});

		await resolveConflict(db, key as number, { notes: 'device', 'answers.q2': 'server' }, 'user-1');

		expect(await db.conflicts.count()).toBe(0);
		const [entry] = await db.outbox.toArray();
		expect(entry).toMatchObject({
			entity: 'inspection',
			recordId: id,
			baseVersion: 3,
			userId: 'user-1',
			status: 'pending'
		});
		expect(entry?.data).toMatchObject({ notes: 'device notes', answers: { q2: 'yes' } });
		expect((await db.records('inspection').get(id))?.notes).toBe('device notes');
		await db.delete();
	});
});
