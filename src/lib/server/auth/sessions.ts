/**
 * Sessions: a random token in an httpOnly cookie, only its SHA-256 stored. Each use slides the
 * idle expiry; the absolute expiry never moves, so a stolen cookie dies within a week at most.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, devices, sessions, users } from '../db/schema.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { Cookies } from '@sveltejs/kit';
import { readConfig } from '../config.ts';

export const SESSION_COOKIE = 'kontrolla_session';
export const IDLE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 60 * 60 * 1000;
// Writing last_seen on every request would turn reads into writes; a minute's slack is harmless.
const TOUCH_INTERVAL_MS = 60 * 1000;

/** Hands the new session's token to the browser, for the JSON sign-in and the plain form alike. */
export function setSessionCookie(cookies: Cookies, token: string): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: readConfig().secureCookies,
		// The cookie may outlive the idle expiry: the server decides validity, the browser only carries it.
		maxAge: ABSOLUTE_TIMEOUT_MS / 1000
	});
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
	db: Db,
	userId: string,
	deviceId: string | null,
	now = new Date()
): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
	const token = randomBytes(32).toString('base64url');
	const tokenHash = hashToken(token);
	const expiresAt = new Date(now.getTime() + IDLE_TIMEOUT_MS);
	await db.insert(sessions).values({
		tokenHash,
		userId,
		deviceId,
		createdAt: now,
		lastSeenAt: now,
		expiresAt,
		absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS)
	});
	return { token, tokenHash, expiresAt };
}

export type ValidSession = { user: SessionUser; tokenHash: string; expiresAt: Date };
/** The session's device was reported lost or stolen: the client must wipe its local data. */
export type RevokedDevice = { revokedDevice: true };

/** The session's user, or null when the token is unknown, revoked, expired or the user inactive. */
export async function validateSession(
	db: Db,
	token: string,
	now = new Date()
): Promise<ValidSession | RevokedDevice | null> {
	const tokenHash = hashToken(token);
	const [row] = await db
		.select({
			session: sessions,
			user: {
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				role: users.role,
				agencyId: users.agencyId,
				active: users.active
			},
			agencyCode: agencies.code,
			deviceRevokedAt: devices.revokedAt
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.innerJoin(agencies, eq(agencies.id, users.agencyId))
		.leftJoin(devices, eq(devices.id, sessions.deviceId))
		.where(eq(sessions.tokenHash, tokenHash));
	if (row?.deviceRevokedAt) return { revokedDevice: true };
	if (!row || row.session.revokedAt || !row.user.active) return null;
	if (row.session.expiresAt <= now || row.session.absoluteExpiresAt <= now) return null;

	let expiresAt = row.session.expiresAt;
	if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
		const slid = now.getTime() + IDLE_TIMEOUT_MS;
		expiresAt = new Date(Math.min(slid, row.session.absoluteExpiresAt.getTime()));
		await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
	}
	const { active: _active, ...user } = row.user;
	return { user: { ...user, agencyCode: row.agencyCode }, tokenHash, expiresAt };
}

export async function revokeSession(db: Db, tokenHash: string, now = new Date()): Promise<void> {
	await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function revokeUserSessions(db: Db, userId: string, now = new Date()): Promise<void> {
	await db
		.update(sessions)
		.set({ revokedAt: now })
		.where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
