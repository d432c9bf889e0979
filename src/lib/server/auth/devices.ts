/**
 * The devices users sign in on, and lost or stolen ones: revoking one closes its sessions and makes
 * its next contact answer 401 with a wipe instruction; "sign out everywhere" closes every session
 * of a user. Both audited.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { devices, sessions, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { appendAudit, audit } from '../audit/log.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/**
 * Records the device a user signs in on. A device reported lost stays locked out (audited): it must
 * wipe itself and get a new id.
 */
export async function registerDevice(db: Db, userId: string, deviceId: string, userAgent: string | null): Promise<'ok' | 'revoked'> {
	const [known] = await db.select({ revokedAt: devices.revokedAt }).from(devices).where(eq(devices.id, deviceId));
	if (known?.revokedAt) {
		await audit(db, { userId, action: 'auth.sign_in_revoked_device', entity: 'device', recordId: deviceId });
		return 'revoked';
	}
	await db
		.insert(devices)
		.values({ id: deviceId, userId, userAgent: userAgent?.slice(0, 300) ?? null })
		.onConflictDoUpdate({ target: devices.id, set: { userId, lastSeenAt: sql`now()` } });
	return 'ok';
}

export type DeviceListItem = { id: string; userAgent: string | null; firstSeenAt: Date; lastSeenAt: Date; revokedAt: Date | null };

export function listDevices(db: Db, userId: string): Promise<DeviceListItem[]> {
	return db
		.select({ id: devices.id, userAgent: devices.userAgent, firstSeenAt: devices.firstSeenAt, lastSeenAt: devices.lastSeenAt, revokedAt: devices.revokedAt })
		.from(devices)
		.where(eq(devices.userId, userId))
		.orderBy(desc(devices.lastSeenAt));
}

/** Admins revoke any device; a user revokes their own (from another device). */
export async function revokeDevice(db: Db, actor: SessionUser, deviceId: string, now = new Date()): Promise<void> {
	requireUuid(deviceId, 'deviceId', 'device');
	await db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const [device] = await tx.select().from(devices).where(eq(devices.id, deviceId));
		if (!device || (actor.role !== 'admin' && device.userId !== actor.id)) throw new UserInputError('deviceId', 'no such device', 404);
		await tx.update(devices).set({ revokedAt: now }).where(eq(devices.id, deviceId));
		await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.deviceId, deviceId), isNull(sessions.revokedAt)));
		await appendAudit(tx, { userId: actor.id, action: 'device.revoke', entity: 'device', recordId: deviceId, summary: `owner=${device.userId}` });
	});
}

export async function signOutEverywhere(db: Db, actor: SessionUser, userId: string, now = new Date()): Promise<void> {
	if (actor.role !== 'admin' && actor.id !== userId) throw new UserInputError('userId', 'no such user', 404);
	requireUuid(userId, 'userId', 'user');
	await db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
		if (!user) throw new UserInputError('userId', 'no such user', 404);
		await tx.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
		await appendAudit(tx, { userId: actor.id, action: 'user.sign_out_everywhere', entity: 'user', recordId: userId });
	});
}
