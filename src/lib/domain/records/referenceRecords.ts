/**
 * The reference records a device pulls and the field app reads: operations, teams with their
 * members, assignments, venues and published checklist templates, in their wire form (see
 * src/lib/server/sync/wireRecords.ts). Devices never write these, apart from an assignment's
 * status; the schemas name what the field screens rely on and let a device skip a malformed row.
 */
import { z } from 'zod';
import {
	assignmentStatuses,
	childSiteKinds,
	controlStatuses,
	locationKinds,
	locationStatuses,
	violationSeverities
} from './codes.ts';
import { templateSchema } from '../checklist/template.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const operationRecordSchema = z.object({
	id: z.uuid(),
	title: z.string(),
	date: day,
	startTime: z.string(),
	endTime: z.string(),
	area: z.string(),
	status: z.string()
});
export type OperationRecord = z.infer<typeof operationRecordSchema>;

export const teamMemberSchema = z.object({
	userId: z.uuid(),
	displayName: z.string(),
	agencyCode: z.string(),
	isLeader: z.boolean()
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamRecordSchema = z.object({
	id: z.uuid(),
	operationId: z.uuid(),
	name: z.string(),
	members: z.array(teamMemberSchema)
});
export type TeamRecord = z.infer<typeof teamRecordSchema>;

export const assignmentRecordSchema = z.object({
	id: z.uuid(),
	operationId: z.uuid(),
	teamId: z.uuid(),
	locationId: z.uuid(),
	visitOrder: z.number().int(),
	status: z.enum(assignmentStatuses)
});
export type AssignmentRecord = z.infer<typeof assignmentRecordSchema>;

export const venueRecordSchema = z.object({
	id: z.uuid(),
	name: z.string(),
	kind: z.enum(locationKinds),
	address: z.string(),
	lat: z.number(),
	lng: z.number(),
	status: z.enum(locationStatuses)
});
export type VenueRecord = z.infer<typeof venueRecordSchema>;

/** A place used by children, as pulled: what a check-in measures the venue against. */
export const childSiteRecordSchema = z.object({
	id: z.uuid(),
	name: z.string(),
	kind: z.enum(childSiteKinds),
	lat: z.number(),
	lng: z.number()
});
export type ChildSiteRecord = z.infer<typeof childSiteRecordSchema>;

/** One published version: `templateId` names the template family, `definition` the template itself. */
export const templateRecordSchema = z.object({
	id: z.uuid(),
	templateId: z.uuid(),
	templateVersion: z.number().int().min(1),
	publishedAt: z.string(),
	definition: templateSchema
});
export type TemplateRecord = z.infer<typeof templateRecordSchema>;

/** A kind of labour violation in the admin's catalogue (server/labour/violationKinds.ts). */
export const violationKindRecordSchema = z.object({
	id: z.uuid(),
	code: z.string(),
	titleSq: z.string(),
	titleSr: z.string(),
	titleEn: z.string(),
	legalBasis: z.string(),
	severity: z.enum(violationSeverities),
	active: z.boolean()
});
export type ViolationKindRecord = z.infer<typeof violationKindRecordSchema>;

/** A violation a control inspection checks, as the server copied it when the deadline was set. */
export const controlViolationSchema = z.object({
	violationId: z.uuid(),
	kindId: z.uuid(),
	deadline: day
});
export type ControlViolation = z.infer<typeof controlViolationSchema>;

/**
 * A control inspection: made by the server for a remedy deadline, planned by a planner like any
 * venue, carried out by the team it is assigned to, which records each violation's check.
 */
export const controlInspectionRecordSchema = z.object({
	id: z.uuid(),
	locationId: z.uuid(),
	sourceInspectionId: z.uuid(),
	dueOn: day,
	status: z.enum(controlStatuses),
	violations: z.array(controlViolationSchema),
	assignmentId: z.uuid().nullable(),
	teamId: z.uuid().nullable(),
	doneInspectionId: z.uuid().nullable()
});
export type ControlInspectionRecord = z.infer<typeof controlInspectionRecordSchema>;
