/**
 * A phone passing to a colleague whose last user's session ended without signing out: the server
 * refuses the new user on the old user's device id (server/auth/devices.ts). When the phone holds
 * nothing the server lacks, it is emptied here as that sign-out would have done — local database,
 * cached pages, PIN lock material, device id — and the sign-in is asked again as a new device.
 * Work not yet sent is never deleted: its author signs in to send it, or an admin releases the phone.
 */
import { forgetDeviceId } from './deviceId.ts';
import { stopLock } from './lock/lock.svelte.ts';

// The device database's name (sync/service.svelte.ts).
const DATABASE_NAME = 'kontrolla';

/** Whether the phone was emptied (nothing unsent was on it). */
export async function emptyIfNothingUnsent(): Promise<boolean> {
	const { default: Dexie } = await import('dexie');
	if (await Dexie.exists(DATABASE_NAME)) {
		const { LocalDb } = await import('./db.ts');
		const db = new LocalDb(DATABASE_NAME);
		try {
			const unsent = (await db.outbox.count()) + (await db.photos.filter((photo) => photo.uploadedAt === null).count());
			if (unsent > 0) return false;
		} finally {
			db.close();
		}
		await Dexie.delete(DATABASE_NAME);
	}
	stopLock({ forget: true, everyone: true });
	const { forgetCachedPages } = await import('./pwa.ts');
	await forgetCachedPages();
	forgetDeviceId();
	return true;
}
