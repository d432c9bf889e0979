/** User administration (the admin page and `npm run user:create`); every change is audited. */
import { asc, eq } from 'drizzle-orm';
import { db as openDb, type Db } from '../db/index.ts';
import { agencies, users } from '../db/schema.ts';
import {
	createUserSchema,
	passwordSchema,
	setOrganisationSchema,
	type CreateUser,
	type SessionUser
} from '../../domain/auth.ts';
import { hashPassword } from './password.ts';
import { revokeUserSessions } from './sessions.ts';
import { audited } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

export type UserListItem = {
	id: string;
	username: string;
	displayName: string;
	role: SessionUser['role'];
	agencyCode: string;
	active: boolean;
	/** A victim-services user's organisation and municipalities (domain/victimServices.ts). */
	organisation: string | null;
	municipalityIds: string[];
	createdAt: Date;
};

export async function listUsers(database?: Db): Promise<UserListItem[]> {
	const db = database ?? (await openDb());
	return db
		.select({
			id: users.id,
			username: users.username,
			displayName: users.displayName,
			role: users.role,
			agencyCode: agencies.code,
			active: users.active,
			organisation: users.organisation,
			municipalityIds: users.municipalityIds,
			createdAt: users.createdAt
		})
		.from(users)
		.innerJoin(agencies, eq(agencies.id, users.agencyId))
		.orderBy(asc(users.username));
}

function parseOrThrow<T>(
	result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }
): T {
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new UserInputError(String(issue?.path[0] ?? 'body'), issue?.message ?? 'invalid');
}

/** `actor` null only for the command-line bootstrap of the first admin. */
export async function createUser(actor: SessionUser | null, input: CreateUser, database?: Db): Promise<{ id: string }> {
	const data = parseOrThrow(createUserSchema.safeParse(input));
	const db = database ?? (await openDb());
	const [agency] = await db.select().from(agencies).where(eq(agencies.code, data.agencyCode));
	if (!agency) throw new UserInputError('agencyCode', `unknown agency ${data.agencyCode}`);
	const passwordHash = await hashPassword(data.password);
	return db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
		if (existing) throw new UserInputError('username', 'username is already taken', 409);
		const [created] = await tx
			.insert(users)
			.values({
				username: data.username,
				displayName: data.displayName,
				passwordHash,
				role: data.role,
				agencyId: agency.id,
				organisation: data.organisation,
				municipalityIds: data.municipalityIds
			})
			.returning({ id: users.id });
		if (!created) throw new Error('insert returned no row');
		await audited(tx, {
			userId: actor?.id ?? null,
			action: 'user.create',
			entity: 'user',
			recordId: created.id,
			summary: `role=${data.role} agency=${data.agencyCode}${data.organisation ? ` organisation=${data.organisation} municipalities=${data.municipalityIds.length}` : ''}`
		});
		return created;
	});
}

async function updateUser(
	actor: SessionUser,
	userId: string,
	change: Partial<typeof users.$inferInsert>,
	action: string,
	summary: string,
	database?: Db
): Promise<void> {
	requireUuid(userId, 'userId', 'user');
	const db = database ?? (await openDb());
	await db.transaction(async (tx) => {
		const [updated] = await tx
			.update(users)
			.set({ ...change, updatedAt: new Date() })
			.where(eq(users.id, userId))
			.returning({ id: users.id });
		if (!updated) throw new UserInputError('userId', 'no such user', 404);
		// A reset password or a deactivated account must not leave old sessions alive.
		await revokeUserSessions(tx, userId);
		await audited(tx, { userId: actor.id, action, entity: 'user', recordId: userId, summary });
	});
}

export async function resetPassword(
	actor: SessionUser,
	userId: string,
	password: string,
	database?: Db
): Promise<void> {
	const valid = parseOrThrow(passwordSchema.safeParse(password));
	await updateUser(actor, userId, { passwordHash: await hashPassword(valid) }, 'user.reset_password', '', database);
}

export async function setUserActive(actor: SessionUser, userId: string, active: boolean, database?: Db): Promise<void> {
	if (actor.id === userId && !active) throw new UserInputError('userId', 'you cannot deactivate your own account');
	await updateUser(
		actor,
		userId,
		{ active },
		active ? 'user.activate' : 'user.deactivate',
		`active=${active}`,
		database
	);
}

/**
 * Moves a victim-services user to another organisation or other municipalities: what they may read
 * changes at their next request (victimServices/access.ts reads the row each time); their sessions
 * end all the same, so no page open under the old scope carries on.
 */
export async function setOrganisation(
	actor: SessionUser,
	userId: string,
	input: { organisation: string | null; municipalityIds: string[] },
	database?: Db
): Promise<void> {
	requireUuid(userId, 'userId', 'user');
	const db = database ?? (await openDb());
	const [user] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
	if (!user) throw new UserInputError('userId', 'no such user', 404);
	const data = parseOrThrow(setOrganisationSchema.safeParse({ ...input, role: user.role }));
	await updateUser(
		actor,
		userId,
		{ organisation: data.organisation, municipalityIds: data.municipalityIds },
		'user.set_organisation',
		`organisation=${data.organisation} municipalities=${data.municipalityIds.length}`,
		db
	);
}
