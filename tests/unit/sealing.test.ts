/**
 * The device lock's sealing of person-level records at rest (src/lib/client/lock), through the real
 * Dexie store on fake-indexeddb: what IndexedDB holds is ciphertext, what the app reads is the
 * record while the key is held, and nothing readable (nor writable) without it.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LocalDb } from '../../src/lib/client/db.ts';
import { derivePinKey, newDataKey, openJson, sealJson, unwrapKey, wrapKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import { LockedError, sealStoredInClear } from '../../src/lib/client/lock/sealing.ts';
import { recordLocalChange } from '../../src/lib/client/sync/outbox.ts';
import { addPerson, answerPerson, personsOf } from '../../src/lib/client/field/persons.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';

/** The same database opened without the app's middleware: what a thief reading the disk would see. */
async function raw(name: string, table: string): Promise<Record<string, unknown>[]> {
	const plain = new Dexie(name);
	await plain.open();
	try {
		return (await plain.table(table).toArray()) as Record<string, unknown>[];
	} finally {
		plain.close();
	}
}

afterEach(() => dropDataKey());

describe('the cipher', () => {
	it('opens what it sealed, and never reuses an IV', () => {
		const key = newDataKey();
		const a = sealJson(key, { nationality: 'moldova' });
		const b = sealJson(key, { nationality: 'moldova' });
		expect(openJson(key, a)).toEqual({ nationality: 'moldova' });
		expect(a.iv).not.toEqual(b.iv);
		expect(a.ct).not.toEqual(b.ct);
	});

	it('refuses a changed byte and a wrong key', () => {
		const key = newDataKey();
		const sealed = sealJson(key, { sex: 'female' });
		const tampered = { iv: sealed.iv, ct: sealed.ct.slice() };
		tampered.ct[0] = (tampered.ct[0] ?? 0) ^ 1;
		expect(() => openJson(key, tampered)).toThrow();
		expect(() => openJson(newDataKey(), sealed)).toThrow();
	});

	it('unwraps the data key with the right PIN only', async () => {
		const key = newDataKey();
		const salt = crypto.getRandomValues(new Uint8Array(16));
		const wrapped = await wrapKey(await derivePinKey('482913', salt, 1000), key);
		expect(await unwrapKey(await derivePinKey('482913', salt, 1000), wrapped)).toEqual(key);
		await expect(unwrapKey(await derivePinKey('482914', salt, 1000), wrapped)).rejects.toThrow();
	});
});

describe('person-level records at rest', () => {
	it('stores persons and their outbox copies as ciphertext and reads them back while unlocked', async () => {
		const name = `sealing-${crypto.randomUUID()}`;
		const db = new LocalDb(name);
		holdDataKey(newDataKey());
		const personId = await addPerson(db, userId, inspectionId);
		await answerPerson(db, userId, personId, 'nationality', 'moldova');
		expect((await personsOf(db, inspectionId))[0]).toMatchObject({
			id: personId,
			nationality: 'MD',
			answers: { nationality: 'moldova' }
		});

		const [stored] = await raw(name, 'screenedPersons');
		expect(stored).toMatchObject({ id: personId, inspectionId });
		expect(JSON.stringify(stored)).not.toMatch(/moldova|nationality|answers/);
		const [queued] = await raw(name, 'outbox');
		expect(queued).toMatchObject({ entity: 'screenedPerson', recordId: personId, status: 'pending' });
		expect(queued).not.toHaveProperty('data');
		expect(JSON.stringify(queued)).not.toMatch(/moldova/);
		db.close();
	});

	it('gives locked records without their details, and refuses to write them while locked', async () => {
		const name = `sealing-${crypto.randomUUID()}`;
		const db = new LocalDb(name);
		holdDataKey(newDataKey());
		const personId = await addPerson(db, userId, inspectionId);
		await answerPerson(db, userId, personId, 'nationality', 'moldova');
		dropDataKey();
		const [locked] = await personsOf(db, inspectionId);
		expect(locked).toMatchObject({ id: personId, locked: true });
		expect(locked).not.toHaveProperty('nationality');
		expect((await db.outbox.toArray())[0]).toMatchObject({ data: null, locked: true });
		await expect(answerPerson(db, userId, personId, 'nationality', 'albania')).rejects.toBeInstanceOf(LockedError);
		// Another key (another user on a shared phone) reads it no better.
		holdDataKey(newDataKey());
		expect((await personsOf(db, inspectionId))[0]).toMatchObject({ locked: true });
		db.close();
	});

	it('leaves the rest of the store readable, and seals what was stored in clear before the lock', async () => {
		const name = `sealing-${crypto.randomUUID()}`;
		const clearDb = new Dexie(name);
		// The schema as the app had it, without the middleware: an app updated with data on it.
		clearDb.version(1).stores({
			screenedPersons: 'id, inspectionId',
			outbox: '++seq, mutationId, [entity+recordId], userId, status',
			referrals: 'id, personId, inspectionId',
			conflicts: '++key, [entity+recordId]'
		});
		await clearDb
			.table('screenedPersons')
			.put({ id: 'p1', version: 0, inspectionId, nationality: 'serbia', answers: {} });
		clearDb.close();

		const db = new LocalDb(name);
		await recordLocalChange(db, { entity: 'inspection', id: inspectionId, data: { notes: 'back door' }, userId });
		expect(JSON.stringify(await raw(name, 'outbox'))).toContain('back door');
		holdDataKey(newDataKey());
		expect(await sealStoredInClear(db)).toBe(1);
		expect(JSON.stringify(await raw(name, 'screenedPersons'))).not.toContain('serbia');
		expect((await personsOf(db, inspectionId))[0]).toMatchObject({ id: 'p1', nationality: 'serbia' });
		expect(await sealStoredInClear(db)).toBe(0);
		db.close();
	});
});
