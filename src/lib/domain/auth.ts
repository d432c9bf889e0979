/** Who may sign in and what they are: shared by the login form, the API and the server. */
import { z } from 'zod';
import { victimServiceOrganisations } from './victimServices.ts';

export const roles = ['inspector', 'planner', 'supervisor', 'admin', 'victim_services'] as const;
export type Role = (typeof roles)[number];
/**
 * The roles of the two agencies' own staff. Victim services (advocates, social workers of the
 * organisations persons are referred to) are outside them: they reach only their own referrals.
 */
export const staffRoles = ['inspector', 'planner', 'supervisor', 'admin'] as const satisfies readonly Role[];

export const agencyCodes = ['police', 'labour'] as const;
export type AgencyCode = (typeof agencyCodes)[number];

export const loginRequestSchema = z.object({
	username: z.string().trim().min(1, 'username is required').max(100),
	password: z.string().min(1, 'password is required').max(1000),
	deviceId: z.uuid().optional()
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const sessionUserSchema = z.object({
	id: z.uuid(),
	username: z.string(),
	displayName: z.string(),
	role: z.enum(roles),
	agencyId: z.uuid(),
	agencyCode: z.string()
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** Usernames are short identifiers people can type on a phone. */
export const usernameSchema = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{3,40}$/, 'username: 3–40 letters, digits, dot, dash or underscore');

/** Long passphrases beat complexity rules; a floor of 10 characters keeps guessing impractical. */
export const passwordSchema = z.string().min(10, 'password: at least 10 characters').max(200);

/**
 * Where a victim-services user works: the referral target organisation (required for the role,
 * refused for any other) and, optionally, the municipalities it covers (none: all of them).
 */
export const organisationSchema = z.object({
	organisation: z
		.enum(victimServiceOrganisations, { message: 'organisation: choose a victim-services organisation' })
		.nullable()
		.default(null),
	municipalityIds: z.array(z.uuid('municipalityIds must be municipality ids')).max(50).default([])
});
export type Organisation = z.infer<typeof organisationSchema>;

function organisationFitsRole(
	data: { role: Role; organisation: string | null; municipalityIds: string[] },
	ctx: z.RefinementCtx
) {
	if (data.role === 'victim_services' && !data.organisation)
		ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'organisation: required for victim services' });
	if (data.role !== 'victim_services' && (data.organisation || data.municipalityIds.length))
		ctx.addIssue({ code: 'custom', path: ['organisation'], message: 'organisation: only for victim services' });
}

export const createUserSchema = z
	.object({
		username: usernameSchema,
		displayName: z.string().trim().min(1, 'displayName is required').max(120),
		password: passwordSchema,
		role: z.enum(roles),
		agencyCode: z.enum(agencyCodes),
		...organisationSchema.shape
	})
	.superRefine(organisationFitsRole);
export type CreateUser = z.input<typeof createUserSchema>;

/** An admin's change of a victim-services user's organisation and municipalities. */
export const setOrganisationSchema = organisationSchema
	.extend({ role: z.enum(roles) })
	.superRefine(organisationFitsRole);
