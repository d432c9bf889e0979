/**
 * A pull cursor the server no longer serves (410 Gone): the feed was pruned past it, so deletions
 * made while the device was away may be gone from the feed too (server/sync/feedPruning.ts). The
 * device cannot tell which of its records were deleted, so it drops what it pulled and pulls again
 * from empty: a record deleted on the server must not live on on a phone.
 *
 * Nothing the server lacks is dropped: records with an outbox entry (waiting or refused, anyone's)
 * and photos whose bytes are not uploaded, with their attachment records. The pull from empty
 * brings back every record that still exists; a kept record is not overwritten by it while its
 * entry waits (engine.ts `applyPage`), and it is the same row (by id), never a second one.
 */
import type { LocalDb } from '../db.ts';
import { syncEntities } from '../../domain/sync/entities.ts';

export const CURSOR_KEY = 'cursor';
/** Set while a pull from empty after a 410 has not finished: what stayed beside the records is checked then. */
const STARTED_OVER_KEY = 'startedOver';

function localTables(db: LocalDb) {
	return [...syncEntities.map((entity) => db.records(entity)), db.outbox, db.conflicts, db.syncState, db.photos];
}

/** In one transaction: the pulled records go, the cursor goes back to empty. */
export async function dropPulledRecords(db: LocalDb): Promise<void> {
	await db.transaction('rw', localTables(db), async () => {
		const unsent = new Set((await db.outbox.toArray()).map((entry) => `${entry.entity}:${entry.recordId}`));
		// Bytes not yet uploaded need their record: it is what the upload is checked against and shown by.
		const waitingPhotos = await db.photos.filter((photo) => photo.uploadedAt === null).primaryKeys();
		for (const id of waitingPhotos) unsent.add(`attachment:${id}`);
		for (const entity of syncEntities) {
			const table = db.records(entity);
			// Keys only: the records themselves (sealed ones too) need not be read to be dropped.
			const ids = await table.toCollection().primaryKeys();
			await table.bulkDelete(ids.filter((id) => !unsent.has(`${entity}:${id}`)));
		}
		await db.syncState.put({ key: CURSOR_KEY, value: '' });
		await db.syncState.put({ key: STARTED_OVER_KEY, value: true });
	});
}

/**
 * Once the pull from empty has reached the end of the feed: what is kept by record beside the
 * records goes with the records that did not come back — an uploaded photo's bytes (a photo still
 * on the server keeps them, so it is not shown as taken elsewhere) and a conflict left to resolve.
 * Run at the end of every pull; it does something only after a start from empty, in whichever
 * round that pull ends.
 */
export async function finishStartingOver(db: LocalDb): Promise<void> {
	// Most rounds: no lock on every table for nothing.
	if (!(await db.syncState.get(STARTED_OVER_KEY))) return;
	await db.transaction('rw', localTables(db), async () => {
		if (!(await db.syncState.get(STARTED_OVER_KEY))) return;
		const attachments = db.records('attachment');
		const uploaded = await db.photos.filter((photo) => photo.uploadedAt !== null).primaryKeys();
		const held = new Set(await attachments.where(':id').anyOf(uploaded).primaryKeys());
		await db.photos.bulkDelete(uploaded.filter((id) => !held.has(id)));
		for (const conflict of await db.conflicts.toArray()) {
			const present = await db.records(conflict.entity).where(':id').equals(conflict.recordId).count();
			if (present === 0) await db.conflicts.delete(conflict.key!);
		}
		await db.syncState.delete(STARTED_OVER_KEY);
	});
}
