/**
 * The devices users sign in on, and lost or stolen ones: revoking one closes its sessions and makes
 * its next contact answer 401 with a wipe instruction; "sign out everywhere" closes every session
 * of a user. Both audited.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { devices, sessions, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { audit } from '../audit/log.ts';
import { audited } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/**
 * Records the device a user signs in on. A device id belongs to the first user who registers it:
 * another user naming it is refused (audited) until an admin releases it (`releaseDevice`), so no
 * one acts, pushes or gets a device key under someone else's device. A phone that changes hands
 * with nothing unsent wipes itself at sign-out and comes back with a new id. A device reported lost
 * stays locked out (audited): it must wipe itself and get a new id.
 */
export async function registerDevice(
	db: Db,
	userId: string,
	deviceId: string,
	userAgent: string | null
): Promise<'ok' | 'revoked' | 'taken'> {
	const [known] = await db
		.select({ userId: devices.userId, revokedAt: devices.revokedAt })
		.from(devices)
		.where(eq(devices.id, deviceId));
	if (known?.revokedAt) {
		await audit(db, { userId, action: 'auth.sign_in_revoked_device', entity: 'device', recordId: deviceId });
		return 'revoked';
	}
	// Only the owner's row is touched: two users registering a new id at once leave one owner.
	const [mine] = await db
		.insert(devices)
		.values({ id: deviceId, userId, userAgent: userAgent?.slice(0, 300) ?? null })
		.onConflictDoUpdate({
			target: devices.id,
			set: { lastSeenAt: sql`now()` },
			setWhere: and(eq(devices.userId, userId), isNull(devices.revokedAt))
		})
		.returning({ id: devices.id });
	if (mine) return 'ok';
	const [owner] = await db
		.select({ userId: devices.userId, revokedAt: devices.revokedAt })
		.from(devices)
		.where(eq(devices.id, deviceId));
	if (owner?.revokedAt) return 'revoked';
	await audit(db, {
		userId,
		action: 'auth.device_taken',
		entity: 'device',
		recordId: deviceId,
		summary: `owner=${owner?.userId ?? known?.userId ?? ''}`
	});
	return 'taken';
}

/** Why a request naming a device is refused: the device is not this session's, or was reported lost. */
export type DeviceRefusal = 'otherDevice' | 'taken' | 'revoked';

/**
 * The device a sync request names must be this session's: the one it signed in on, or for a
 * session that named none (the plain form, a script), a device that is this user's or nobody's
 * yet, which it then becomes.
 */
export async function checkRequestDevice(
	db: Db,
	user: SessionUser,
	sessionHash: string,
	deviceId: string,
	userAgent: string | null
): Promise<DeviceRefusal | null> {
	const [session] = await db
		.select({ deviceId: sessions.deviceId })
		.from(sessions)
		.where(eq(sessions.tokenHash, sessionHash));
	if (session?.deviceId) return session.deviceId === deviceId ? null : 'otherDevice';
	const registered = await registerDevice(db, user.id, deviceId, userAgent);
	return registered === 'ok' ? null : registered;
}

export type DeviceListItem = {
	id: string;
	userAgent: string | null;
	firstSeenAt: Date;
	lastSeenAt: Date;
	revokedAt: Date | null;
};

export function listDevices(db: Db, userId: string): Promise<DeviceListItem[]> {
	return db
		.select({
			id: devices.id,
			userAgent: devices.userAgent,
			firstSeenAt: devices.firstSeenAt,
			lastSeenAt: devices.lastSeenAt,
			revokedAt: devices.revokedAt
		})
		.from(devices)
		.where(eq(devices.userId, userId))
		.orderBy(desc(devices.lastSeenAt));
}

/** Admins revoke any device; a user revokes their own (from another device). */
export async function revokeDevice(db: Db, actor: SessionUser, deviceId: string, now = new Date()): Promise<void> {
	requireUuid(deviceId, 'deviceId', 'device');
	await db.transaction(async (tx) => {
		const [device] = await tx.select().from(devices).where(eq(devices.id, deviceId));
		if (!device || (actor.role !== 'admin' && device.userId !== actor.id))
			throw new UserInputError('deviceId', 'no such device', 404);
		await tx.update(devices).set({ revokedAt: now }).where(eq(devices.id, deviceId));
		await tx
			.update(sessions)
			.set({ revokedAt: now })
			.where(and(eq(sessions.deviceId, deviceId), isNull(sessions.revokedAt)));
		await audited(tx, {
			userId: actor.id,
			action: 'device.revoke',
			entity: 'device',
			recordId: deviceId,
			summary: `owner=${device.userId}`
		});
	});
}

export async function signOutEverywhere(db: Db, actor: SessionUser, userId: string, now = new Date()): Promise<void> {
	if (actor.role !== 'admin' && actor.id !== userId) throw new UserInputError('userId', 'no such user', 404);
	requireUuid(userId, 'userId', 'user');
	await db.transaction(async (tx) => {
		const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
		if (!user) throw new UserInputError('userId', 'no such user', 404);
		await tx
			.update(sessions)
			.set({ revokedAt: now })
			.where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
		await audited(tx, { userId: actor.id, action: 'user.sign_out_everywhere', entity: 'user', recordId: userId });
	});
}

/**
 * An admin releases a device from its user (a shared phone passing to a colleague while it still
 * holds the first user's unsent work, or a session that ended without signing out): the user's
 * sessions on it end, and the next user to sign in on it registers it. A device reported lost
 * cannot be released: it must wipe itself. Audited.
 */
export async function releaseDevice(db: Db, actor: SessionUser, deviceId: string, now = new Date()): Promise<void> {
	requireUuid(deviceId, 'deviceId', 'device');
	if (actor.role !== 'admin') throw new UserInputError('deviceId', 'no such device', 404);
	await db.transaction(async (tx) => {
		const [device] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for('update');
		if (!device) throw new UserInputError('deviceId', 'no such device', 404);
		if (device.revokedAt)
			throw new UserInputError('deviceId', 'a revoked device cannot be released: it must wipe itself', 409);
		await tx
			.update(sessions)
			.set({ revokedAt: now })
			.where(and(eq(sessions.deviceId, deviceId), isNull(sessions.revokedAt)));
		await tx.delete(devices).where(eq(devices.id, deviceId));
		await audited(tx, {
			userId: actor.id,
			action: 'device.release',
			entity: 'device',
			recordId: deviceId,
			summary: `owner=${device.userId}`
		});
	});
}
