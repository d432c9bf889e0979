/**
 * The one failure shape of every endpoint and form action (server/http.ts, server/formAction.ts):
 * what went wrong, the field the user can fix, and details a screen may show. The browser parses it
 * rather than trusting it: a proxy or a server older than the app may answer something else.
 */
import { z } from 'zod';

/**
 * Loose, so members some answers still carry beside these are kept for the code that reads them
 * there: `duplicates` of a register save refused with 409 (views/register.ts), `wipe` for a revoked
 * device and `retryAfter` for a throttled sign-in (views/auth.ts).
 */
export const problemSchema = z.looseObject({
	error: z.string(),
	field: z.string().optional(),
	details: z.unknown().optional()
});
export type Problem = z.infer<typeof problemSchema>;

/** What a page's form action answers: which form it was, its result, or the problem to show beside it. */
export type FormResult<T = unknown> = { action: string; ok?: true; data?: T; error?: string; field?: string };
