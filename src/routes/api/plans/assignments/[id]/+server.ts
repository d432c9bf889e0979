import { json } from '@sveltejs/kit';
import { moveAssignmentSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { handleErrors, readJson } from '$lib/server/http.ts';
import { moveAssignment, removeAssignment } from '$lib/server/planning/assignments.ts';
import type { AssignmentMoved, AssignmentRemoved } from '$lib/domain/views/planning.ts';
import { requireVisibleVia } from '$lib/server/planning/embargo.ts';
import type { RequestHandler } from './$types';

/** Moves the assignment to another team of its operation. */
export const PATCH: RequestHandler = ({ params, request, locals }) =>
	handleErrors(async () => {
		const database = await db();
		await requireVisibleVia(database, locals.user!, 'assignment', params.id);
		const { teamId } = await readJson(request, moveAssignmentSchema);
		return json((await moveAssignment(database, locals.user!, params.id, teamId)) satisfies AssignmentMoved);
	});

export const DELETE: RequestHandler = ({ params, locals }) =>
	handleErrors(async () => {
		const database = await db();
		await requireVisibleVia(database, locals.user!, 'assignment', params.id);
		await removeAssignment(database, locals.user!, params.id);
		return json({ removed: true } satisfies AssignmentRemoved);
	});
