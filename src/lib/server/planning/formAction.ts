/**
 * The planning pages' form actions share one answer shape: which form, and on failure the field to
 * fix and why. Parsing with the domain schema and the module's UserInputError/NotAllowedError both
 * end up here, so a page reads `form.field` the same way whatever went wrong.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { z } from 'zod';
import { NotAllowedError, UserInputError } from '../errors.ts';

export type PlanningFormResult = { action: string; ok?: boolean; field?: string; error?: string; data?: unknown };

/** Runs a parsed action; bad input becomes a 4xx naming the field, anything else stays a 500. */
export async function planningAction<T extends z.ZodType>(
	action: string,
	schema: T,
	input: unknown,
	run: (value: z.infer<T>) => Promise<unknown>
): Promise<PlanningFormResult | ActionFailure<PlanningFormResult>> {
	const parsed = schema.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return fail(400, { action, field: issue?.path.join('.') || undefined, error: issue?.message ?? 'invalid input' });
	}
	try {
		return { action, ok: true, data: await run(parsed.data) };
	} catch (thrown) {
		if (thrown instanceof UserInputError) return fail(thrown.status, { action, field: thrown.field, error: thrown.message });
		if (thrown instanceof NotAllowedError) return fail(403, { action, field: thrown.field, error: thrown.message });
		throw thrown;
	}
}

export function formText(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}
