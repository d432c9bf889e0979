import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { exportPerson } from '$lib/server/privacy/personRecord.ts';
import { errorResponse, handleErrors } from '$lib/server/http.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => {
		const record = await exportPerson(await db(), locals.user!.id, params.id);
		if (!record) return errorResponse(404, 'no such person', 'id');
		return json(record, {
			headers: {
				'content-disposition': `attachment; filename="person-${params.id}.json"`,
				'cache-control': 'private, no-store'
			}
		});
	});
