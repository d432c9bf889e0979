/** Sign-in: throttle, verify, open a session, record the device, audit both outcomes. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, users } from '../db/schema.ts';
import type { LoginRequest, SessionUser } from '../../domain/auth.ts';
import { verifyDecoy, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { clearFailures, isThrottled, recordFailure } from './throttle.ts';
import { registerDevice } from './devices.ts';
import { audit } from '../audit/log.ts';

export type SignInResult =
	| { status: 'ok'; user: SessionUser; token: string; expiresAt: Date }
	| { status: 'invalid' }
	| { status: 'throttled' }
	| { status: 'revokedDevice' };

export async function signIn(db: Db, request: LoginRequest, address: string, userAgent: string | null = null): Promise<SignInResult> {
	const username = request.username.trim().toLowerCase();
	if (await isThrottled(db, username, address)) {
		await audit(db, { userId: null, action: 'auth.sign_in_throttled', entity: 'user', summary: `username=${username}` });
		return { status: 'throttled' };
	}
	const [row] = await db
		.select({ user: users, agencyCode: agencies.code })
		.from(users)
		.innerJoin(agencies, eq(agencies.id, users.agencyId))
		.where(eq(users.username, username));

	const valid = row && row.user.active ? await verifyPassword(row.user.passwordHash, request.password) : await verifyDecoy(request.password);
	if (!row || !valid) {
		await recordFailure(db, username, address);
		await audit(db, { userId: row?.user.id ?? null, action: 'auth.sign_in_failed', entity: 'user', summary: `username=${username}` });
		return { status: 'invalid' };
	}

	const deviceId = request.deviceId ?? null;
	if (deviceId && (await registerDevice(db, row.user.id, deviceId, userAgent)) === 'revoked') return { status: 'revokedDevice' };
	const session = await createSession(db, row.user.id, deviceId);
	await clearFailures(db, username);
	await audit(db, { userId: row.user.id, action: 'auth.sign_in', entity: 'user', recordId: row.user.id });
	const user: SessionUser = {
		id: row.user.id,
		username: row.user.username,
		displayName: row.user.displayName,
		role: row.user.role,
		agencyId: row.user.agencyId,
		agencyCode: row.agencyCode
	};
	return { status: 'ok', user, token: session.token, expiresAt: session.expiresAt };
}
