import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { handleErrors } from '$lib/server/http.ts';
import { verifyVenue } from '$lib/server/register/venues.ts';
import type { VenueVersion } from '$lib/domain/views/register.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => json((await verifyVenue(await db(), locals.user!, params.id)) satisfies VenueVersion));
