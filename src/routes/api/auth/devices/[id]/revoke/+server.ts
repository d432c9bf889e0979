import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { revokeDevice } from '$lib/server/auth/devices.ts';
import { errorResponse, handleErrors } from '$lib/server/http.ts';
import type { Done } from '$lib/domain/views/auth.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => {
		if (!z.uuid().safeParse(params.id).success) return errorResponse(400, 'id must be a UUID', 'id');
		await revokeDevice(await db(), locals.user!, params.id);
		return json({ ok: true } satisfies Done);
	});
