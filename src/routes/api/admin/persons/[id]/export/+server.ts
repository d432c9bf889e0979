import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { exportPerson } from '$lib/server/privacy/personRecord.ts';
import { errorResponse, handleErrors, readQuery } from '$lib/server/http.ts';
import { purposeSchema } from '$lib/domain/privacy/purposes.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, locals, url }) =>
	handleErrors(async () => {
		const { purpose } = readQuery(url, purposeSchema);
		const record = await exportPerson(await db(), locals.user!.id, params.id, purpose);
		if (!record) return errorResponse(404, 'no such person', 'id');
		return json(record, {
			headers: {
				'content-disposition': `attachment; filename="person-${params.id}.json"`,
				'cache-control': 'private, no-store'
			}
		});
	});
