import { json } from '@sveltejs/kit';
import { visitOrderSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { setVisitOrder } from '$lib/server/planning/assignments.ts';
import type { VisitOrderSaved } from '$lib/domain/views/planning.ts';
import { requireVisibleVia } from '$lib/server/planning/embargo.ts';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		const database = await db();
		await requireVisibleVia(database, locals.user!, 'team', params.id);
		const { assignmentIds } = await readJson(request, visitOrderSchema);
		return json((await setVisitOrder(database, locals.user!, params.id, assignmentIds)) satisfies VisitOrderSaved);
	});
