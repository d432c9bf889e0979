import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db/index.ts';
import { operationDetail } from '$lib/server/planning/operationDetail.ts';
import { operationEmbargo } from '$lib/server/planning/embargo.ts';
import type { PageServerLoad } from './$types';

/** One team's briefing with `?team=`, otherwise every team's, one per printed page. */
export const load: PageServerLoad = async ({ params, url, locals }) => {
	const database = await db();
	// A print of an operation under embargo is a view of it: walled and audited like the page.
	const embargo = await operationEmbargo(database, locals.user!, params.operationId, 'print');
	const operation = embargo && (await operationDetail(database, params.operationId));
	if (!operation) error(404, 'No such operation');
	const teamId = url.searchParams.get('team');
	const teams = teamId ? operation.teams.filter((t) => t.id === teamId) : operation.teams;
	if (teamId && teams.length === 0) error(404, 'No such team');
	return { operation, teams };
};
