import { venueRequestSchema } from '$lib/domain/register/venue.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { createVenue } from '$lib/server/register/venues.ts';
import { deploymentBounds } from '$lib/server/register/settings.ts';
import { saveResponse } from '$lib/server/register/responses.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) =>
	handleErrors(async () => {
		const input = await readJson(request, venueRequestSchema(deploymentBounds()));
		return saveResponse(await createVenue(await db(), locals.user!, input), 201);
	});
