/**
 * The escrow half of the device PIN lock. A device wraps its data key twice: with the key derived
 * from the inspector's PIN, and with this device key, which the server derives from a secret of
 * its own and hands only to a live session of the same user on the same, unrevoked device. A
 * forgotten PIN (or too many wrong ones) therefore costs a sign-in online, never the unsent work on
 * the phone; a thief with the phone but without the password gets neither key.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appMeta, sessions } from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { registerDevice } from './devices.ts';

const SECRET_KEY = 'device_key_secret';
/**
 * Only a session signed in this recently gets the key: a phone taken with a live session cookie must
 * not let its holder skip the PIN. Setting the PIN follows the sign-in; recovering signs in anew.
 */
export const FRESH_SIGN_IN_MS = 10 * 60_000;

async function serverSecret(db: Db): Promise<Buffer> {
	const [row] = await db.select().from(appMeta).where(eq(appMeta.key, SECRET_KEY));
	if (row) return Buffer.from(row.value as string, 'base64');
	// Two first requests at once both insert; the loser reads the winner's secret.
	await db
		.insert(appMeta)
		.values({ key: SECRET_KEY, value: randomBytes(32).toString('base64') })
		.onConflictDoNothing();
	const [stored] = await db.select().from(appMeta).where(eq(appMeta.key, SECRET_KEY));
	return Buffer.from(stored!.value as string, 'base64');
}

export type DeviceKeyAnswer =
	{ key: string } | { refused: 'noDevice' | 'staleSession' | 'revokedDevice' | 'deviceTaken' };

/**
 * The device key of this session's device, for a fresh sign-in on a registered device only. A
 * session signed in through the plain form (sent before the page's script ran) names no device:
 * while it is fresh, the device it runs on is recorded now, with the checks of a sign-in.
 */
export async function deviceKeyFor(
	db: Db,
	user: SessionUser,
	sessionHash: string,
	device: { id?: string; userAgent: string | null } = { userAgent: null },
	now = new Date()
): Promise<DeviceKeyAnswer> {
	const [session] = await db
		.select({ deviceId: sessions.deviceId, createdAt: sessions.createdAt })
		.from(sessions)
		.where(eq(sessions.tokenHash, sessionHash));
	if (!session) return { refused: 'noDevice' };
	if (now.getTime() - session.createdAt.getTime() > FRESH_SIGN_IN_MS) return { refused: 'staleSession' };
	let deviceId = session.deviceId;
	if (!deviceId) {
		if (!device.id) return { refused: 'noDevice' };
		const registered = await registerDevice(db, user.id, device.id, device.userAgent);
		// Another user's device: not bound, no key (devices.ts registerDevice).
		if (registered === 'taken') return { refused: 'deviceTaken' };
		// Bound even when revoked: every later request of this session then answers with the wipe.
		await db.update(sessions).set({ deviceId: device.id }).where(eq(sessions.tokenHash, sessionHash));
		if (registered === 'revoked') return { refused: 'revokedDevice' };
		await audit(db, {
			userId: user.id,
			action: 'auth.session_device',
			entity: 'device',
			recordId: device.id,
			summary: ''
		});
		deviceId = device.id;
	}
	const key = createHmac('sha256', await serverSecret(db))
		.update(`device-key:${user.id}:${deviceId}`)
		.digest('base64');
	await audit(db, { userId: user.id, action: 'auth.device_key', entity: 'device', recordId: deviceId, summary: '' });
	return { key };
}
