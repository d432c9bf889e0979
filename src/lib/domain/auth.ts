/** Who may sign in and what they are: shared by the login form, the API and the server. */
import { z } from 'zod';

export const roles = ['inspector', 'planner', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

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

export const createUserSchema = z.object({
	username: usernameSchema,
	displayName: z.string().trim().min(1, 'displayName is required').max(120),
	password: passwordSchema,
	role: z.enum(roles),
	agencyCode: z.enum(agencyCodes)
});
export type CreateUser = z.infer<typeof createUserSchema>;
