import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { addSuggestionsSchema, operationInputSchema, operationStatusInputSchema, teamInputSchema } from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { mapData } from '$lib/server/register/mapVenues.ts';
import { changeOperationStatus, updateOperation } from '$lib/server/planning/plans.ts';
import { createTeam, deleteTeam, updateTeam } from '$lib/server/planning/teams.ts';
import { addTopSuggestions, suggestionsFor } from '$lib/server/planning/suggestions.ts';
import { operationWarnings } from '$lib/server/planning/warnings.ts';
import { agencyChoices, operationDetail, teamCandidates } from '$lib/server/planning/operationDetail.ts';
import { formText, planningAction } from '$lib/server/planning/formAction.ts';
import type { Actions, PageServerLoad } from './$types';

/** How many ranked venues the page lists; "add top N" ranks afresh on the server. */
const SUGGESTIONS_SHOWN = 25;

export const load: PageServerLoad = async ({ params }) => {
	const database = await db();
	const operation = await operationDetail(database, params.operationId);
	if (!operation) error(404, 'No such operation');
	const register = await mapData(database);
	const [warnings, suggestions, candidates, agencies] = await Promise.all([
		operationWarnings(database, operation.id),
		suggestionsFor(database, operation.id, SUGGESTIONS_SHOWN, new Date(), register.venues),
		teamCandidates(database),
		agencyChoices(database)
	]);
	return {
		operation,
		warnings,
		suggestions,
		candidates,
		agencies,
		venues: register.venues,
		municipalities: register.municipalities
	};
};

function teamInput(form: FormData) {
	const leader = formText(form, 'leader');
	return {
		name: formText(form, 'name'),
		compositionReason: formText(form, 'compositionReason'),
		members: form
			.getAll('members')
			.filter((v): v is string => typeof v === 'string')
			.map((userId) => ({ userId, isLeader: userId === leader }))
	};
}

const teamIdSchema = z.object({ teamId: z.uuid() });

export const actions: Actions = {
	setStatus: async ({ request, locals, params }) => {
		const form = await request.formData();
		return planningAction('setStatus', operationStatusInputSchema, { status: formText(form, 'status') }, async ({ status }) =>
			changeOperationStatus(await db(), locals.user!, params.operationId, status)
		);
	},
	updateOperation: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = Object.fromEntries(['title', 'date', 'startTime', 'endTime', 'area', 'leadAgencyId'].map((k) => [k, formText(form, k)]));
		return planningAction('updateOperation', operationInputSchema, input, async (operation) =>
			updateOperation(await db(), locals.user!, params.operationId, operation)
		);
	},
	createTeam: async ({ request, locals, params }) => {
		const form = await request.formData();
		return planningAction('createTeam', teamInputSchema, teamInput(form), async (team) => createTeam(await db(), locals.user!, params.operationId, team));
	},
	updateTeam: async ({ request, locals }) => {
		const form = await request.formData();
		const teamId = formText(form, 'teamId');
		return planningAction(`updateTeam:${teamId}`, teamInputSchema.and(teamIdSchema), { ...teamInput(form), teamId }, async (team) =>
			updateTeam(await db(), locals.user!, team.teamId, team)
		);
	},
	deleteTeam: async ({ request, locals }) => {
		const form = await request.formData();
		return planningAction('deleteTeam', teamIdSchema, { teamId: formText(form, 'teamId') }, async ({ teamId }) => deleteTeam(await db(), locals.user!, teamId));
	},
	addSuggestions: async ({ request, locals, params }) => {
		const form = await request.formData();
		return planningAction('addSuggestions', addSuggestionsSchema, { teamId: formText(form, 'teamId'), count: formText(form, 'count') }, async ({ teamId, count }) =>
			addTopSuggestions(await db(), locals.user!, params.operationId, teamId, count)
		);
	}
};
