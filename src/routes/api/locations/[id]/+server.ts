import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { venueRequestSchema } from '$lib/domain/register/venue.ts';
import { db } from '$lib/server/db/index.ts';
import { errorResponse, handleErrors, readJson } from '$lib/server/http.ts';
import { updateVenue } from '$lib/server/register/venues.ts';
import { venueDetail } from '$lib/server/register/venueDetail.ts';
import { deploymentBounds } from '$lib/server/register/settings.ts';
import { saveResponse } from '$lib/server/register/responses.ts';
import type { RequestHandler } from './$types';

const idSchema = z.uuid();

export const GET: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => {
		if (!idSchema.safeParse(params.id).success) return errorResponse(404, 'no such venue', 'id');
		return json(await venueDetail(await db(), locals.user!, params.id), { headers: { 'cache-control': 'no-store' } });
	});

export const PUT: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		if (!idSchema.safeParse(params.id).success) return errorResponse(404, 'no such venue', 'id');
		const input = await readJson(request, venueRequestSchema(deploymentBounds()));
		return saveResponse(await updateVenue(await db(), locals.user!, params.id, input), 200);
	});
