/**
 * Requests carrying a character the database cannot store (storable.ts) in the query string or a
 * form post are refused before any page, form action or endpoint sees them: a NUL reaches a query
 * parameter or form field as `%00`, and every load and action would otherwise have to check each
 * value itself or answer 500 when its query fails. JSON bodies are checked in `readJson` (http.ts),
 * the sync push per mutation (push.ts). The answer is a 400 naming the field.
 */
import { error, json, type Handle } from '@sveltejs/kit';
import { printable, textProblem, type Unstorable } from './storable.ts';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The first entry whose name or text cannot be stored, with why; null when all can. */
export function firstUnstorableEntry(entries: Iterable<[string, FormDataEntryValue]>): Unstorable | null {
	for (const [name, value] of entries) {
		const nameProblem = textProblem(name);
		if (nameProblem) return { field: printable(name), message: `its name ${nameProblem}` };
		const problem = typeof value === 'string' ? textProblem(value) : null;
		if (problem) return { field: name, message: problem };
	}
	return null;
}

async function formEntries(request: Request): Promise<FormData | null> {
	const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
	if (request.method !== 'POST' || !FORM_TYPES.includes(type)) return null;
	try {
		return await request.clone().formData();
	} catch {
		// An unreadable body is the action's to refuse; this check reads only what parses.
		return null;
	}
}

export const refuseUnstorableInput: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event);
	const isApi = routeId.startsWith('/api/');
	let bad = firstUnstorableEntry(event.url.searchParams);
	if (!bad && !isApi) {
		const form = await formEntries(event.request);
		if (form) bad = firstUnstorableEntry(form);
	}
	if (!bad) return resolve(event);
	const message = `${bad.field}: ${bad.message}`;
	if (isApi) return json({ error: message, field: bad.field }, { status: 400 });
	error(400, message);
};
