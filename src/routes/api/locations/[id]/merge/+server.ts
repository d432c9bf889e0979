import { json } from '@sveltejs/kit';
import { mergeRequestSchema } from '$lib/domain/register/venue.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { mergeVenue } from '$lib/server/register/merge.ts';
import type { VenueMerged } from '$lib/domain/views/register.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		const { targetId } = await readJson(request, mergeRequestSchema);
		return json((await mergeVenue(await db(), locals.user!, params.id, targetId)) satisfies VenueMerged);
	});
