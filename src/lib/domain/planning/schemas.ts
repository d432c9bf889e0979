/** Planners' inputs for plans, operations, teams and assignments, parsed on the server and in forms. */
import { z } from 'zod';
import { operationStatuses } from '../records/codes.ts';

const day = z.iso.date();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM');
const text = (max: number) => z.string().trim().max(max);

export const planInputSchema = z
	.object({
		title: text(200).min(1, 'a plan needs a title'),
		objective: text(4000).default(''),
		periodStart: day,
		periodEnd: day,
		municipalityIds: z.array(z.uuid()).max(60).default([])
	})
	.refine((p) => p.periodEnd >= p.periodStart, { path: ['periodEnd'], message: 'the period ends before it starts' });
export type PlanInput = z.infer<typeof planInputSchema>;

export const operationInputSchema = z.object({
	title: text(200).min(1, 'an operation needs a title'),
	date: day,
	startTime: clockTime,
	endTime: clockTime,
	area: text(300).default(''),
	leadAgencyId: z.uuid()
});
export type OperationInput = z.infer<typeof operationInputSchema>;

export const operationStatusInputSchema = z.object({ status: z.enum(operationStatuses) });

export const teamMemberInputSchema = z.object({ userId: z.uuid(), isLeader: z.boolean().default(false) });

export const teamInputSchema = z.object({
	name: text(100).min(1, 'a team needs a name'),
	members: z.array(teamMemberInputSchema).max(20),
	/** Required when the team is not joint (see teams.ts). */
	compositionReason: text(1000).default('')
});
export type TeamInput = z.infer<typeof teamInputSchema>;

export const assignVenuesSchema = z.object({
	teamId: z.uuid(),
	locationIds: z.array(z.uuid()).min(1).max(500)
});

export const moveAssignmentSchema = z.object({ teamId: z.uuid() });

export const visitOrderSchema = z.object({ assignmentIds: z.array(z.uuid()).max(500) });

export const addSuggestionsSchema = z.object({ teamId: z.uuid(), count: z.coerce.number().int().min(1).max(100) });
