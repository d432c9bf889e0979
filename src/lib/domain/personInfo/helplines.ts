/**
 * Helpline numbers shown with a person's rights, set by an admin (a deployment setting that
 * travels to devices as reference data, so the rights screen shows them offline).
 */
import { z } from 'zod';

export const helplineRecordSchema = z.object({
	id: z.uuid(),
	name: z.string(),
	number: z.string(),
	position: z.number().int()
});
export type Helpline = z.infer<typeof helplineRecordSchema>;

/** What an admin may set: a phone number as people dial it (digits, spaces, +, -, parentheses). */
export const helplineEditSchema = z.object({
	name: z.string().trim().min(1, 'the name is empty').max(200),
	number: z
		.string()
		.trim()
		.regex(/^\+?[0-9][0-9 ()-]{2,30}$/, 'a phone number has digits, spaces, +, - or parentheses'),
	position: z.coerce.number().int().min(0).max(100)
});
export type HelplineEdit = z.infer<typeof helplineEditSchema>;
