/** Sign-in: throttle, verify, record the device (bound to its first user), open a session, audit both outcomes. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { agencies, users } from '../db/schema.ts';
import type { LoginRequest, SessionUser } from '../../domain/auth.ts';
import { verifyDecoy, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { attemptSucceeded, chargeAttempt, isKnownDevice } from './throttle.ts';
import { registerDevice } from './devices.ts';
import { audit } from '../audit/log.ts';

export type SignInResult =
	| { status: 'ok'; user: SessionUser; token: string; expiresAt: Date }
	| { status: 'invalid' }
	| { status: 'throttled'; retryAfterSeconds: number }
	| { status: 'revokedDevice' }
	| { status: 'deviceTaken' };

export async function signIn(
	db: Db,
	request: LoginRequest,
	address: string,
	userAgent: string | null = null
): Promise<SignInResult> {
	const username = request.username.trim().toLowerCase();
	const [row] = await db
		.select({ user: users, agencyCode: agencies.code })
		.from(users)
		.innerJoin(agencies, eq(agencies.id, users.agencyId))
		.where(eq(users.username, username));
	const deviceId = request.deviceId ?? null;
	// A phone this user signed in on before has its own allowance: others' guessing cannot block it.
	const knownDeviceId = row && deviceId && (await isKnownDevice(db, row.user.id, deviceId)) ? deviceId : null;
	// Charged before the password is checked, so parallel attempts cannot pass the limit together.
	const gate = await chargeAttempt(db, { username, address, knownDeviceId });
	if (!gate.allowed) return { status: 'throttled', retryAfterSeconds: gate.retryAfterSeconds };

	const valid =
		row && row.user.active
			? await verifyPassword(row.user.passwordHash, request.password)
			: await verifyDecoy(request.password);
	if (!row || !valid) {
		await audit(db, {
			userId: row?.user.id ?? null,
			action: 'auth.sign_in_failed',
			entity: 'user',
			summary: `username=${username}`
		});
		return { status: 'invalid' };
	}
	await attemptSucceeded(db, gate.charge);

	if (deviceId) {
		const registered = await registerDevice(db, row.user.id, deviceId, userAgent);
		if (registered !== 'ok') return { status: registered === 'revoked' ? 'revokedDevice' : 'deviceTaken' };
	}
	const session = await createSession(db, row.user.id, deviceId);
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
