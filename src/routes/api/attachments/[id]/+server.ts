import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { db } from '$lib/server/db/index.ts';
import { scopeOf } from '$lib/server/sync/scope.ts';
import { receiveAttachment } from '$lib/server/sync/attachmentUpload.ts';
import { errorResponse, handleErrors } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		if (!z.uuid().safeParse(params.id).success) return errorResponse(400, 'id must be a UUID', 'id');
		const bytes = new Uint8Array(await request.arrayBuffer());
		const database = await db();
		const result = await receiveAttachment(
			database,
			await scopeOf(database, locals.user!),
			params.id,
			{
				sha256: request.headers.get('x-content-sha256')?.toLowerCase() ?? null,
				contentType: request.headers.get('content-type')
			},
			bytes
		);
		return json(result, { status: result.status === 'stored' ? 201 : 200 });
	});
