/**
 * Reading requests and shaping failures, shared by every endpoint and form action: a failure is
 * `{ error, field?, details? }` (domain/views/problem.ts) and names the field the user can fix.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import type { Problem } from '../domain/views/problem.ts';
import { NotAllowedError, UserInputError } from './errors.ts';
import { firstUnstorableText } from './storable.ts';

export function errorResponse(status: number, error: string, field?: string, details?: unknown): Response {
	const problem: Problem = { error };
	if (field) problem.field = field;
	if (details !== undefined) problem.details = details;
	return json(problem, { status });
}

/** The first issue of a refused input, and the dotted path of the field it names ('' for the whole input). */
function firstIssue(error: z.ZodError): { field: string; message: string } {
	const issue = error.issues[0];
	return { field: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' };
}

/** A 400 naming the field in the message too, as API clients show `error` on its own. */
function refusal(error: z.ZodError, input: 'body' | 'query'): Response {
	const { field, message } = firstIssue(error);
	return errorResponse(400, `${field || input}: ${message}`, field || undefined);
}

/**
 * Reads a JSON body and parses it with `schema`; throws a Response (400) naming the field. A
 * string the database cannot store (storable.ts) is refused here, whatever the schema, unless the
 * caller refuses it itself in finer grain (`perRecordText`: the sync push refuses one mutation).
 */
export async function readJson<T extends z.ZodType>(
	request: Request,
	schema: T,
	options: { perRecordText?: boolean } = {}
): Promise<z.infer<T>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw errorResponse(400, 'body must be valid JSON');
	}
	const unstorable = options.perRecordText ? null : firstUnstorableText(body, '');
	if (unstorable)
		throw errorResponse(400, `${unstorable.field || 'body'}: ${unstorable.message}`, unstorable.field || undefined);
	const parsed = schema.safeParse(body);
	if (!parsed.success) throw refusal(parsed.error, 'body');
	return parsed.data;
}

/**
 * Parses the query string with `schema` (one value per parameter); throws a Response (400) naming
 * the parameter. Unstorable text never gets here (unstorableInput.ts refuses it first).
 */
export function readQuery<T extends z.ZodType>(url: URL, schema: T): z.infer<T> {
	const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) throw refusal(parsed.error, 'query');
	return parsed.data;
}

/**
 * Reads a form post (or a form an action has already read) and parses its fields (formFields)
 * with `schema`. A refusal is a UserInputError naming the field apart from the message, which an
 * endpoint (handleErrors) and a form action (formAction.ts) both answer; the page puts the two
 * together beside the form.
 */
export async function readForm<T extends z.ZodType>(source: Request | FormData, schema: T): Promise<z.infer<T>> {
	let form: FormData;
	try {
		form = source instanceof FormData ? source : await source.formData();
	} catch {
		throw new UserInputError('', 'the body must be a form');
	}
	const parsed = schema.safeParse(formFields(form, schema));
	if (!parsed.success) {
		const { field, message } = firstIssue(parsed.error);
		throw new UserInputError(field, message);
	}
	return parsed.data;
}

/**
 * A form's text fields as `schema` reads them: a field the schema takes as a list (ticked boxes, a
 * multiple select) gets every value sent under its name, any other its first. A field the form
 * left out reads as empty, as an emptied text box sends it, and fields the schema does not name
 * are left out.
 */
export function formFields(form: FormData, schema: z.ZodType): Record<string, string | string[]> {
	const fields: Record<string, string | string[]> = {};
	for (const [name, field] of Object.entries(shapeOf(schema))) {
		const values = form.getAll(name).filter((value): value is string => typeof value === 'string');
		fields[name] = isList(field) ? values : (values[0] ?? '');
	}
	return fields;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
	if (schema instanceof z.ZodObject) return schema.shape;
	if (schema instanceof z.ZodIntersection)
		return { ...shapeOf(schema.def.left as z.ZodType), ...shapeOf(schema.def.right as z.ZodType) };
	if (schema instanceof z.ZodPipe) return shapeOf(schema.in as z.ZodType);
	return {};
}

function isList(field: z.ZodType): boolean {
	if (field instanceof z.ZodOptional || field instanceof z.ZodNullable || field instanceof z.ZodDefault)
		return isList(field.unwrap() as z.ZodType);
	if (field instanceof z.ZodPipe) return isList(field.in as z.ZodType) || isList(field.out as z.ZodType);
	return field instanceof z.ZodArray;
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
