import { json } from '@sveltejs/kit';
import { venueStatusChangeSchema } from '$lib/domain/register/venue.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { changeVenueStatus } from '$lib/server/register/venues.ts';
import type { VenueVersion } from '$lib/domain/views/register.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		const change = await readJson(request, venueStatusChangeSchema);
		return json((await changeVenueStatus(await db(), locals.user!, params.id, change)) satisfies VenueVersion);
	});
