/**
 * Every POST to a page is a form action (the endpoints live under /api). Actions read their body
 * with `request.formData()`, which throws on a body that is not a form: `text/plain` (which
 * SvelteKit lets through, as HTML forms may send it) or a broken multipart body. A throw there was a
 * 500; here such a body gets a 4xx naming the problem before any action runs.
 */
import { error, type Handle } from '@sveltejs/kit';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const formBodies: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (event.request.method !== 'POST' || routeId === null || routeId.startsWith('/api/')) return resolve(event);
	const type = event.request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) error(415, `a form must be sent as ${FORM_TYPES.join(' or ')} (Content-Type)`);
	try {
		// A copy is read, so the action still has the body; forms are small (BODY_SIZE_LIMIT).
		await event.request.clone().formData();
	} catch {
		error(400, `the body is not a well-formed ${type} form`);
	}
	return resolve(event);
};
