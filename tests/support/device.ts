/**
 * A simulated device: its own IndexedDB (fake-indexeddb, one factory per device so they share
 * nothing), the real client sync code, and a `fetch` the test controls (to cut the network).
 */
import { randomUUID } from 'node:crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LocalDb } from '../../src/lib/client/db.ts';
import { SyncEngine } from '../../src/lib/client/sync/engine.ts';
import { SyncTransport, type Fetch } from '../../src/lib/client/sync/transport.ts';
import { recordLocalChange } from '../../src/lib/client/sync/outbox.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { currentDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import type { SyncEntity } from '../../src/lib/domain/sync/entities.ts';

export type Device = {
	id: string;
	db: LocalDb;
	engine: SyncEngine;
	online: boolean;
	write(entity: SyncEntity, id: string, data: Record<string, unknown> | null, op?: 'upsert' | 'delete'): Promise<void>;
	sync(): ReturnType<SyncEngine['run']>;
};

export function simulatedDevice(userId: string, fetchFn: Fetch): Device {
	// A device in use is unlocked: person-level records it pulls or writes are sealed under a data key.
	if (!currentDataKey()) holdDataKey(newDataKey());
	const id = randomUUID();
	const db = new LocalDb(`device-${id}`, { indexedDB: new IDBFactory(), IDBKeyRange });
	const device: Device = {
		id,
		db,
		online: true,
		engine: undefined as unknown as SyncEngine,
		write: (entity, recordId, data, op = 'upsert') => recordLocalChange(db, { entity, id: recordId, data, op, userId }),
		sync: () => device.engine.run()
	};
	const guarded: Fetch = (url, init) =>
		device.online ? fetchFn(url, init) : Promise.reject(new TypeError('Failed to fetch'));
	device.engine = new SyncEngine(db, new SyncTransport(guarded, '', 10_000), id, userId);
	return device;
}
