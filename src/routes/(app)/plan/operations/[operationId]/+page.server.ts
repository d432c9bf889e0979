import { error } from '@sveltejs/kit';
import { z } from 'zod';
import {
	addSuggestionsSchema,
	operationInputSchema,
	operationStatusInputSchema,
	teamInputSchema
} from '$lib/domain/planning/schemas.ts';
import { db } from '$lib/server/db/index.ts';
import { mapData } from '$lib/server/register/mapVenues.ts';
import { changeOperationStatus, updateOperation } from '$lib/server/planning/plans.ts';
import { createTeam, deleteTeam, updateTeam } from '$lib/server/planning/teams.ts';
import { addTopSuggestions, suggestionsFor } from '$lib/server/planning/suggestions.ts';
import { operationWarnings } from '$lib/server/planning/warnings.ts';
import { agencyChoices, operationDetail, teamCandidates } from '$lib/server/planning/operationDetail.ts';
import { formAction } from '$lib/server/formAction.ts';
import { operationPoliceOutcome } from '$lib/server/evidence/policeView.ts';
import { readForm } from '$lib/server/http.ts';
import {
	addCommander,
	operationEmbargo,
	readReleaseTime,
	releaseOperation,
	removeCommander,
	requireOperationVisible,
	requireVisibleVia,
	setReleaseTime,
	withdrawOperation
} from '$lib/server/planning/embargo.ts';
import type { Actions, PageServerLoad } from './$types';

/** How many ranked venues the page lists; "add top N" ranks afresh on the server. */
const SUGGESTIONS_SHOWN = 25;

export const load: PageServerLoad = async ({ params, locals }) => {
	const database = await db();
	const embargo = await operationEmbargo(database, locals.user!, params.operationId, 'page');
	const operation = embargo && (await operationDetail(database, params.operationId));
	if (!embargo || !operation) error(404, 'No such operation');
	const register = await mapData(database);
	const [warnings, suggestions, candidates, agencies, police] = await Promise.all([
		operationWarnings(database, operation.id),
		suggestionsFor(database, operation.id, SUGGESTIONS_SHOWN, new Date(), register.venues),
		teamCandidates(database),
		agencyChoices(database),
		operationPoliceOutcome(database, operation.id)
	]);
	return {
		operation,
		embargo,
		warnings,
		suggestions,
		candidates,
		agencies,
		police,
		venues: register.venues,
		municipalities: register.municipalities,
		radiusMetres: register.radiusMetres
	};
};

/** A team form names its members in ticked boxes and its leader apart. */
const teamFormSchema = z
	.object({ name: z.string(), compositionReason: z.string(), members: z.array(z.string()), leader: z.string() })
	.transform(({ members, leader, ...team }): z.input<typeof teamInputSchema> => ({
		...team,
		members: members.map((userId) => ({ userId, isLeader: userId === leader }))
	}))
	.pipe(teamInputSchema);

const teamIdSchema = z.object({ teamId: z.uuid() });

/** Every action first passes the embargo's wall: an operation the user may not see is a 404. */
const visible = async (locals: App.Locals, operationId: string) => {
	const database = await db();
	await requireOperationVisible(database, locals.user!, operationId, 'write');
	return database;
};

const userIdSchema = z.object({ userId: z.uuid() });
/** The briefing time as the datetime-local field gives it (the operations' time zone), or empty to clear it. */
const releaseTimeSchema = z.object({ releaseAt: z.string() });

export const actions: Actions = {
	setStatus: ({ request, locals, params }) =>
		formAction('setStatus', async () => {
			const { status } = await readForm(request, operationStatusInputSchema);
			return changeOperationStatus(await visible(locals, params.operationId), locals.user!, params.operationId, status);
		}),
	updateOperation: ({ request, locals, params }) =>
		formAction('updateOperation', async () =>
			updateOperation(
				await visible(locals, params.operationId),
				locals.user!,
				params.operationId,
				await readForm(request, operationInputSchema)
			)
		),
	release: ({ locals, params }) =>
		formAction('release', async () => releaseOperation(await db(), locals.user!, params.operationId)),
	withdraw: ({ locals, params }) =>
		formAction('withdraw', async () => withdrawOperation(await db(), locals.user!, params.operationId)),
	setReleaseTime: ({ request, locals, params }) =>
		formAction('setReleaseTime', async () => {
			const { releaseAt } = await readForm(request, releaseTimeSchema);
			return setReleaseTime(await db(), locals.user!, params.operationId, readReleaseTime(releaseAt));
		}),
	addCommander: ({ request, locals, params }) =>
		formAction('addCommander', async () => {
			const { userId } = await readForm(request, userIdSchema);
			return addCommander(await db(), locals.user!, params.operationId, userId);
		}),
	removeCommander: ({ request, locals, params }) =>
		formAction('removeCommander', async () => {
			const { userId } = await readForm(request, userIdSchema);
			return removeCommander(await db(), locals.user!, params.operationId, userId);
		}),
	createTeam: ({ request, locals, params }) =>
		formAction('createTeam', async () =>
			createTeam(
				await visible(locals, params.operationId),
				locals.user!,
				params.operationId,
				await readForm(request, teamFormSchema)
			)
		),
	updateTeam: async ({ request, locals }) => {
		// Each team has its own form on the page: the answer names which one.
		const form = await request.formData();
		const teamId = form.get('teamId');
		return formAction(`updateTeam:${typeof teamId === 'string' ? teamId : ''}`, async () => {
			const team = await readForm(form, teamFormSchema.and(teamIdSchema));
			const database = await db();
			await requireVisibleVia(database, locals.user!, 'team', team.teamId);
			return updateTeam(database, locals.user!, team.teamId, team);
		});
	},
	deleteTeam: ({ request, locals }) =>
		formAction('deleteTeam', async () => {
			const { teamId } = await readForm(request, teamIdSchema);
			const database = await db();
			await requireVisibleVia(database, locals.user!, 'team', teamId);
			return deleteTeam(database, locals.user!, teamId);
		}),
	addSuggestions: ({ request, locals, params }) =>
		formAction('addSuggestions', async () => {
			const { teamId, count } = await readForm(request, addSuggestionsSchema);
			return addTopSuggestions(
				await visible(locals, params.operationId),
				locals.user!,
				params.operationId,
				teamId,
				count
			);
		})
};
