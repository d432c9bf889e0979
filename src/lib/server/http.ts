/** Shapes of API answers shared by every endpoint: errors name the field the user can fix. */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { NotAllowedError, UserInputError } from './errors.ts';
import { firstUnstorableText } from './storable.ts';

export function errorResponse(status: number, error: string, field?: string): Response {
	return json(field ? { error, field } : { error }, { status });
}

/**
 * Reads a JSON body and parses it with `schema`; throws a Response (400) naming the field. A
 * string the database cannot store (storable.ts) is refused here, whatever the schema, unless the
 * caller refuses it itself in finer grain (`perRecordText`: the sync push refuses one mutation).
 */
export async function readJson<T extends z.ZodType>(request: Request, schema: T, options: { perRecordText?: boolean } = {}): Promise<z.infer<T>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw errorResponse(400, 'body must be valid JSON');
	}
	const unstorable = options.perRecordText ? null : firstUnstorableText(body, '');
	if (unstorable) throw errorResponse(400, `${unstorable.field || 'body'}: ${unstorable.message}`, unstorable.field || undefined);
	const parsed = schema.safeParse(body);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		const field = issue?.path.join('.') || undefined;
		throw errorResponse(400, issue ? `${field ?? 'body'}: ${issue.message}` : 'invalid body', field);
	}
	return parsed.data;
}

/** Runs an endpoint body, turning thrown Responses and UserInputErrors into 4xx answers. */
export async function handleErrors(run: () => Promise<Response>): Promise<Response> {
	try {
		return await run();
	} catch (thrown) {
		if (thrown instanceof Response) return thrown;
		if (thrown instanceof UserInputError) return errorResponse(thrown.status, thrown.message, thrown.field);
		if (thrown instanceof NotAllowedError) return errorResponse(403, thrown.message, thrown.field);
		throw thrown;
	}
}
