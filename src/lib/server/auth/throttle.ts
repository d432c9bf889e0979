/**
 * Sign-in throttling that slows guessing without locking the owner out.
 *
 * Every attempt is charged to counter keys *before* its password is checked, in one transaction
 * that locks the keys' rows: attempts fired in parallel queue on the lock, and once a key has used
 * its free attempts it is blocked, so no more than the limit are ever evaluated. A correct password
 * takes its charge back. Past the limit a key is blocked for a delay that doubles with each further
 * failure; the answer says how long ("retry after N seconds") instead of holding the connection.
 *
 * An attempt that names a device registered to that user (and not revoked) is charged only to
 * that device's own key: guesses from elsewhere, however many, never block the owner's phone. A
 * stolen phone is slowed like anyone else. Other attempts are charged to the username (from any
 * address: spread-out guessing) and to the address (one address trying many usernames).
 */
import { and, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { devices, signInThrottle, users } from '../db/schema.ts';
import type { AuditEntry } from '../audit/log.ts';
import { audited } from '../records/syncedWrite.ts';
import { isUuid } from '../errors.ts';

/** Free attempts per key before blocking; an office behind one NAT shares an address, hence more. */
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_DEVICE = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** The first block; each failure after it doubles it, up to the cap. */
export const FIRST_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** A key quiet for this long (no failure, no block) starts again from zero. */
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

type Key = { key: string; username: string | null; limit: number; kind: 'device' | 'user' | 'address' };

/** What an attempt was charged to: handed back to `attemptSucceeded` when the password was right. */
export type Charge = { keys: Key[] };
export type Gate = { allowed: true; charge: Charge } | { allowed: false; retryAfterSeconds: number };

// Long header values must not make long keys.
const clip = (value: string) => value.slice(0, 200);

function keysFor(username: string, address: string, knownDeviceId: string | null): Key[] {
	const name = clip(username);
	const keys: Key[] = knownDeviceId
		? [{ key: `device:${knownDeviceId}:${name}`, username: name, limit: MAX_FAILURES_PER_DEVICE, kind: 'device' }]
		: [
				{ key: `user:${name}`, username: name, limit: MAX_FAILURES_PER_USERNAME, kind: 'user' },
				{ key: `address:${clip(address)}`, username: null, limit: MAX_FAILURES_PER_ADDRESS, kind: 'address' }
			];
	// One lock order for every transaction, so two attempts never wait on each other crosswise.
	return keys.sort((a, b) => (a.key < b.key ? -1 : 1));
}

export function delayAfter(failures: number, limit: number): number {
	if (failures < limit) return 0;
	return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - limit, 20));
}

/** Whether the device id is one this user signed in on before and that was not reported lost. */
export async function isKnownDevice(db: Db, userId: string, deviceId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: devices.id })
		.from(devices)
		.where(and(eq(devices.id, deviceId), eq(devices.userId, userId), isNull(devices.revokedAt)));
	return Boolean(row);
}

function endedEntry(row: { key: string; username: string | null; refused: number }): AuditEntry {
	return {
		userId: null,
		action: 'auth.sign_in_throttle_ended',
		entity: 'user',
		summary: `${row.key.split(':')[0]}${row.username ? ` username=${row.username}` : ''} refused=${row.refused}`
	};
}

function isQuiet(row: { lastFailureAt: Date; blockedUntil: Date | null }, now: Date): boolean {
	const since = now.getTime() - THROTTLE_WINDOW_MS;
	return row.lastFailureAt.getTime() < since && (!row.blockedUntil || row.blockedUntil.getTime() < since);
}

/**
 * Drops the rows of keys quiet for a window (their refused count, if any, goes to the audit log as
 * the block's end). Rows another attempt holds are skipped, never waited for: no lock cycles.
 */
async function dropQuietKeys(db: Db, now: Date): Promise<void> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	await db.transaction(async (tx) => {
		const quiet = tx
			.select({ key: signInThrottle.key })
			.from(signInThrottle)
			.where(
				and(
					lt(signInThrottle.lastFailureAt, since),
					or(isNull(signInThrottle.blockedUntil), lt(signInThrottle.blockedUntil, since))
				)
			)
			.for('update', { skipLocked: true });
		const dropped = await tx
			.delete(signInThrottle)
			.where(inArray(signInThrottle.key, quiet))
			.returning({ key: signInThrottle.key, username: signInThrottle.username, refused: signInThrottle.refused });
		await audited(tx, ...dropped.filter((row) => row.refused > 0).map(endedEntry));
	});
}

/** Charges one attempt to its keys, or refuses it with the wait. */
export async function chargeAttempt(
	db: Db,
	attempt: { username: string; address: string; knownDeviceId: string | null },
	now = new Date()
): Promise<Gate> {
	await dropQuietKeys(db, now);
	const keys = keysFor(attempt.username, attempt.address, attempt.knownDeviceId);
	return db.transaction(async (tx) => {
		const entries: AuditEntry[] = [];
		await tx
			.insert(signInThrottle)
			.values(keys.map((k) => ({ key: k.key, username: k.username, failures: 0, lastFailureAt: now })))
			.onConflictDoNothing();
		const locked = await tx
			.select()
			.from(signInThrottle)
			.where(
				inArray(
					signInThrottle.key,
					keys.map((k) => k.key)
				)
			)
			.orderBy(signInThrottle.key)
			.for('update');
		// A key gone quiet since the sweep above starts again, its block's end recorded.
		const rows = locked.map((row) => {
			if (!isQuiet(row, now)) return row;
			if (row.refused > 0) entries.push(endedEntry(row));
			return { ...row, failures: 0, blockedUntil: null, refused: 0 };
		});

		const blocked = rows.filter((row) => row.blockedUntil && row.blockedUntil > now);
		if (blocked.length > 0) {
			await tx
				.update(signInThrottle)
				.set({ refused: sql`${signInThrottle.refused} + 1` })
				.where(
					inArray(
						signInThrottle.key,
						blocked.map((row) => row.key)
					)
				);
			await audited(tx, ...entries);
			const until = Math.max(...blocked.map((row) => row.blockedUntil!.getTime()));
			return { allowed: false as const, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
		}

		for (const key of keys) {
			const row = rows.find((r) => r.key === key.key);
			const failures = (row?.failures ?? 0) + 1;
			const delay = delayAfter(failures, key.limit);
			await tx
				.update(signInThrottle)
				.set({
					failures,
					lastFailureAt: now,
					blockedUntil: delay ? new Date(now.getTime() + delay) : null,
					refused: row?.refused ?? 0
				})
				.where(eq(signInThrottle.key, key.key));
			// One entry when a key starts being blocked; the attempts refused during it are counted.
			if (failures === key.limit) {
				entries.push({
					userId: null,
					action: 'auth.sign_in_throttled',
					entity: 'user',
					summary: `${key.kind}${key.username ? ` username=${key.username}` : ''} failures=${failures}`
				});
			}
		}
		await audited(tx, ...entries);
		return { allowed: true as const, charge: { keys } };
	});
}

/**
 * The password was right: the attempt's own charge goes back, and the device's or username's key
 * starts again from zero. The address's key keeps its failures (one good account must not unlock
 * guessing at others from the same address).
 */
export async function attemptSucceeded(db: Db, charge: Charge): Promise<void> {
	await db.transaction(async (tx) => {
		const own = charge.keys.filter((k) => k.kind !== 'address').map((k) => k.key);
		const cleared = own.length
			? await tx
					.delete(signInThrottle)
					.where(inArray(signInThrottle.key, own))
					.returning({ key: signInThrottle.key, username: signInThrottle.username, refused: signInThrottle.refused })
			: [];
		for (const key of charge.keys.filter((k) => k.kind === 'address')) {
			// Taking the charge back also lifts a block that this very attempt started.
			await tx
				.update(signInThrottle)
				.set({
					failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
					blockedUntil: sql`case when ${signInThrottle.failures} - 1 < ${key.limit} then null else ${signInThrottle.blockedUntil} end`
				})
				.where(eq(signInThrottle.key, key.key));
		}
		await audited(tx, ...cleared.filter((row) => row.refused > 0).map(endedEntry));
	});
}

/** Usernames whose own sign-in is blocked now (not an address's block), with until when. */
export async function blockedSignIns(db: Db, now = new Date()): Promise<Map<string, Date>> {
	const rows = await db
		.select({ username: signInThrottle.username, blockedUntil: signInThrottle.blockedUntil })
		.from(signInThrottle)
		.where(and(isNotNull(signInThrottle.username), gt(signInThrottle.blockedUntil, now)));
	const blocked = new Map<string, Date>();
	for (const row of rows) {
		const until = blocked.get(row.username!);
		if (!until || row.blockedUntil! > until) blocked.set(row.username!, row.blockedUntil!);
	}
	return blocked;
}

/** An admin lifts every block on a user's sign-in (their username's and their devices' keys); audited. */
export async function unlockSignIn(db: Db, adminId: string, userId: string): Promise<boolean> {
	return db.transaction(async (tx) => {
		if (!isUuid(userId)) return false;
		const [user] = await tx.select({ username: users.username }).from(users).where(eq(users.id, userId));
		if (!user) return false;
		const cleared = await tx
			.delete(signInThrottle)
			.where(eq(signInThrottle.username, user.username))
			.returning({ failures: signInThrottle.failures, refused: signInThrottle.refused });
		const failures = cleared.reduce((sum, row) => sum + row.failures, 0);
		const refused = cleared.reduce((sum, row) => sum + row.refused, 0);
		await audited(tx, {
			userId: adminId,
			action: 'auth.sign_in_unlock',
			entity: 'user',
			recordId: userId,
			summary: `keys=${cleared.length} failures=${failures} refused=${refused}`
		});
		return true;
	});
}
