import { json } from '@sveltejs/kit';
import { assignVenuesSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { assignVenues } from '$lib/server/planning/assignments.ts';
import type { AssignResult } from '$lib/domain/views/planning.ts';
import { requireOperationVisible } from '$lib/server/planning/embargo.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		const database = await db();
		await requireOperationVisible(database, locals.user!, params.id, 'write');
		const { teamId, locationIds } = await readJson(request, assignVenuesSchema);
		return json((await assignVenues(database, locals.user!, params.id, teamId, locationIds)) satisfies AssignResult);
	});
