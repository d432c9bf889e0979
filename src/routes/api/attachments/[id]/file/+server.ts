import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { readPhoto } from '$lib/server/inspections/photo.ts';
import { errorResponse, handleErrors } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => {
		if (!z.uuid().safeParse(params.id).success) return errorResponse(404, 'no such photo', 'id');
		const photo = await readPhoto(await db(), locals.user!, params.id);
		if (!photo) return errorResponse(404, 'no such photo', 'id');
		// Streamed from the byte store as it is sent, never whole in the server's memory.
		return new Response(photo.stream, {
			headers: {
				'content-type': photo.mime,
				'content-length': String(photo.size),
				'x-content-sha256': photo.sha256,
				// Evidence of possible victims: never kept by a shared cache or the browser's disk cache.
				'cache-control': 'private, no-store',
				'content-disposition': 'inline'
			}
		});
	});
