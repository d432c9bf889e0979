import { error, fail } from '@sveltejs/kit';
import { createUserSchema, passwordSchema, type SessionUser } from '$lib/domain/auth.ts';
import { createUser, listUsers, resetPassword, setOrganisation, setUserActive } from '$lib/server/auth/users.ts';
import { municipalities } from '$lib/server/db/schema.ts';
import { asc } from 'drizzle-orm';
import { UserInputError } from '$lib/server/errors.ts';
import { db } from '$lib/server/db/index.ts';
import { listDevices, releaseDevice, revokeDevice, signOutEverywhere } from '$lib/server/auth/devices.ts';
import { blockedSignIns, unlockSignIn } from '$lib/server/auth/throttle.ts';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

type UserAction = 'create' | 'reset' | 'active' | 'devices' | 'unlock' | 'organisation';

/** What every action answers, so the page reads one shape: which form, which user, which field. */
type AdminUsersResult = {
	action: UserAction;
	userId?: string;
	field?: string;
	message?: string;
	values?: {
		username: string;
		displayName: string;
		role: string;
		agencyCode: string;
		organisation: string;
		municipalityIds: string[];
	};
};

// The route guard already limits this page to admins; checking again here means a change to the
// guard table cannot silently open user administration.
function requireAdmin(locals: App.Locals): SessionUser {
	if (locals.user?.role !== 'admin') error(403, 'Not allowed for your role');
	return locals.user;
}

/** Field rules broken in the form, said in the reader's language rather than the schema's English. */
function fieldMessage(field: string): string {
	switch (field) {
		case 'username':
			return m.admin_users_error_username();
		case 'displayName':
			return m.admin_users_error_display_name();
		case 'password':
			return m.admin_users_error_password();
		case 'role':
			return m.admin_users_error_role();
		case 'agencyCode':
			return m.admin_users_error_agency();
		case 'organisation':
			return m.admin_users_error_organisation();
		case 'municipalityIds':
			return m.admin_users_error_municipalities();
		default:
			return m.admin_users_error_generic();
	}
}

function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

/** The ticked municipalities of a victim-services user (a multiple select sends each under its name). */
function municipalityIdsOf(form: FormData): string[] {
	return form.getAll('municipalityIds').filter((value): value is string => typeof value === 'string' && value !== '');
}

function failWith(result: AdminUsersResult, status: 400 | 404 | 409 | 422 = 400) {
	return fail(status, result);
}

/** Runs a change; a UserInputError becomes a 400 naming the field, anything else stays a 500. */
async function attempt(result: AdminUsersResult, run: () => Promise<unknown>) {
	try {
		await run();
	} catch (thrown) {
		if (!(thrown instanceof UserInputError)) throw thrown;
		const message =
			thrown.field === 'username' && thrown.status === 409 ? m.admin_users_error_username_taken() : thrown.message;
		return failWith({ ...result, field: thrown.field, message }, thrown.status);
	}
	return result;
}

export const load: PageServerLoad = async ({ locals }) => {
	const admin = requireAdmin(locals);
	const users = await listUsers();
	const database = await db();
	const devices = Object.fromEntries(
		await Promise.all(
			users.map(
				async (u) =>
					[
						u.id,
						(await listDevices(database, u.id)).map((d) => ({
							...d,
							lastSeenAt: d.lastSeenAt.toISOString(),
							revokedAt: d.revokedAt?.toISOString() ?? null
						}))
					] as const
			)
		)
	);
	const blocked = await blockedSignIns(database);
	const signInBlockedUntil = Object.fromEntries(
		users.flatMap((u) => (blocked.has(u.username) ? [[u.id, blocked.get(u.username)!.toISOString()]] : []))
	);
	// The municipalities a victim-services user may be limited to.
	const municipalityOptions = await database
		.select({ id: municipalities.id, en: municipalities.nameEn, sq: municipalities.nameSq, sr: municipalities.nameSr })
		.from(municipalities)
		.orderBy(asc(municipalities.nameEn));
	return { users, devices, signInBlockedUntil, currentUserId: admin.id, municipalityOptions };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const values = {
			username: text(form, 'username'),
			displayName: text(form, 'displayName'),
			role: text(form, 'role'),
			agencyCode: text(form, 'agencyCode'),
			organisation: text(form, 'organisation'),
			municipalityIds: municipalityIdsOf(form)
		};
		const parsed = createUserSchema.safeParse({
			...values,
			organisation: values.organisation || null,
			password: text(form, 'password')
		});
		if (!parsed.success) {
			const field = String(parsed.error.issues[0]?.path[0] ?? '');
			return failWith({ action: 'create', field, message: fieldMessage(field), values });
		}
		return attempt({ action: 'create', values }, () => createUser(admin, parsed.data));
	},

	/** A victim-services user's organisation and municipalities (the "edit" of the role's own fields). */
	organisation: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const userId = text(form, 'userId');
		const input = { organisation: text(form, 'organisation') || null, municipalityIds: municipalityIdsOf(form) };
		return attempt({ action: 'organisation', userId }, () => setOrganisation(admin, userId, input));
	},

	reset: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const userId = text(form, 'userId');
		const parsed = passwordSchema.safeParse(text(form, 'password'));
		if (!parsed.success) {
			return failWith({ action: 'reset', userId, field: 'password', message: fieldMessage('password') });
		}
		return attempt({ action: 'reset', userId }, () => resetPassword(admin, userId, parsed.data));
	},

	active: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const userId = text(form, 'userId');
		const active = text(form, 'active') === 'true';
		return attempt({ action: 'active', userId }, () => setUserActive(admin, userId, active));
	},

	/** A lost or stolen phone: its next contact is refused and told to wipe its local data. */
	revokeDevice: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const userId = text(form, 'userId');
		return attempt({ action: 'devices', userId }, async () => revokeDevice(await db(), admin, text(form, 'deviceId')));
	},

	/**
	 * A shared phone passing to a colleague while it still holds this user's unsent work, or left
	 * signed in: the user's sessions on it end and the next user to sign in on it registers it.
	 */
	releaseDevice: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const form = await request.formData();
		const userId = text(form, 'userId');
		return attempt({ action: 'devices', userId }, async () => releaseDevice(await db(), admin, text(form, 'deviceId')));
	},

	/** Lifts the sign-in blocks on a user's username and devices (auth/throttle.ts); audited. */
	unlockSignIn: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const userId = text(await request.formData(), 'userId');
		return attempt({ action: 'unlock', userId }, async () => {
			if (!(await unlockSignIn(await db(), admin.id, userId))) throw new UserInputError('userId', 'no such user', 404);
		});
	},

	signOutEverywhere: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const userId = text(await request.formData(), 'userId');
		return attempt({ action: 'devices', userId }, async () => signOutEverywhere(await db(), admin, userId));
	}
};
