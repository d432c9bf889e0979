/**
 * Form actions share one answer shape (FormResult, domain/views/problem.ts): which form, and on
 * failure the field to fix and why. A form read with readForm (http.ts) and a module's
 * UserInputError or NotAllowedError both end up here, so a page reads `form.field` the same way
 * whatever went wrong.
 */
import { fail, type ActionFailure } from '@sveltejs/kit';
import type { FormResult } from '../domain/views/problem.ts';
import { NotAllowedError, UserInputError } from './errors.ts';

/**
 * Runs the action named `action`; bad input becomes a 4xx naming the field, anything else (a
 * redirect, a 500) is thrown on.
 */
export async function formAction<T>(
	action: string,
	run: () => Promise<T>
): Promise<FormResult<T> | ActionFailure<FormResult>> {
	try {
		return { action, ok: true, data: await run() };
	} catch (thrown) {
		if (thrown instanceof UserInputError)
			return fail(thrown.status, { action, field: thrown.field || undefined, error: thrown.message });
		if (thrown instanceof NotAllowedError) return fail(403, { action, field: thrown.field, error: thrown.message });
		throw thrown;
	}
}
