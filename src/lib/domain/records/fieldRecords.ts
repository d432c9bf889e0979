/**
 * The records inspectors create on their devices, as they travel on the sync wire and sit in
 * Dexie. The server validates every push against these (and against the checklist template named
 * in the inspection); what the server derives itself (screening result, versions) is not trusted
 * from a device.
 */
import { z } from 'zod';
import { answersSchema } from '../checklist/template.ts';
import { ageBandSchema } from '../screening/screen.ts';
import {
	assignmentStatuses,
	attachmentMimes,
	childSiteKinds,
	inspectionOutcomes,
	inspectionStatuses,
	locationKinds,
	MAX_ATTACHMENT_BYTES,
	referralStatuses,
	referralTargets,
	sexes
} from './codes.ts';

// Normalised to UTC so the same moment written two ways never looks like a change in a merge.
const isoTime = z.iso
	.datetime({ offset: true, message: 'must be an ISO 8601 time' })
	.transform((v) => new Date(v).toISOString());
const shortText = (max: number) => z.string().trim().max(max);

/**
 * The child-site rule as judged at check-in (domain/geo/proximity.ts `childSiteFlag`): the device
 * records it from the venue's position and the child sites it pulled, so the phone shows it offline;
 * the server records its own from the register, which replaces the device's (sync/fieldRules.ts).
 */
export const childSiteFlagSchema = z.object({
	siteId: z.uuid(),
	siteName: shortText(300),
	siteKind: z.enum(childSiteKinds),
	distanceMetres: z.number().int().min(0).max(100_000),
	radiusMetres: z.number().positive().max(100_000)
});

export const checkInSchema = z.object({
	lat: z.number().min(-90).max(90).nullable(),
	lng: z.number().min(-180).max(180).nullable(),
	accuracy: z.number().min(0).nullable(),
	at: isoTime,
	// Without a GPS fix the team says why; the record shows a manual check-in, never a fake fix.
	overrideReason: shortText(500).nullable().optional(),
	// The joint team on site (user ids): which agencies were present is part of the record.
	teamPresent: z.array(z.uuid()).max(50).optional(),
	// Null: no child site within the radius. Absent: not judged (a record of before the rule was kept).
	nearChildren: childSiteFlagSchema.nullable().optional()
});

export const peoplePresentSchema = z.object({
	women: z.number().int().min(0).max(10_000),
	men: z.number().int().min(0).max(10_000),
	minorsPresent: z.boolean()
});

export const inspectionDataSchema = z
	.object({
		locationId: z.uuid(),
		assignmentId: z.uuid().nullable(),
		teamId: z.uuid().nullable(),
		templateId: z.uuid(),
		templateVersion: z.number().int().min(1),
		unplannedReason: shortText(1000).nullable(),
		startedAt: isoTime,
		endedAt: isoTime.nullable(),
		checkIn: checkInSchema.nullable(),
		answers: answersSchema,
		outcome: z.enum(inspectionOutcomes).nullable(),
		outcomeReason: shortText(2000).nullable(),
		peoplePresent: peoplePresentSchema.nullable(),
		notes: shortText(20_000),
		status: z.enum(inspectionStatuses),
		submittedAt: isoTime.nullable(),
		correctionOf: z.uuid().nullable(),
		correctionReason: shortText(2000).nullable()
	})
	.superRefine((data, ctx) => {
		if (!data.assignmentId && !data.unplannedReason) {
			ctx.addIssue({
				code: 'custom',
				path: ['unplannedReason'],
				message: 'an inspection without an assignment needs a reason'
			});
		}
		if (data.status === 'submitted' && !data.outcome) {
			ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'a submitted inspection needs an outcome' });
		}
		if (data.outcome === 'could_not_inspect' && !data.outcomeReason) {
			ctx.addIssue({ code: 'custom', path: ['outcomeReason'], message: 'say why the inspection could not be made' });
		}
		if (data.correctionOf && !data.correctionReason) {
			ctx.addIssue({ code: 'custom', path: ['correctionReason'], message: 'a correction needs a reason' });
		}
	});
export type InspectionData = z.infer<typeof inspectionDataSchema>;

export const screenedPersonDataSchema = z.object({
	inspectionId: z.uuid(),
	sex: z.enum(sexes),
	ageBand: ageBandSchema,
	nationality: shortText(80),
	education: shortText(80).nullable(),
	roleAtVenue: shortText(200).nullable(),
	recruitment: shortText(80).nullable(),
	exploitationForm: shortText(80).nullable(),
	language: shortText(80).nullable(),
	answers: answersSchema
});
export type ScreenedPersonData = z.infer<typeof screenedPersonDataSchema>;

export const referralDataSchema = z.object({
	personId: z.uuid(),
	inspectionId: z.uuid(),
	target: z.enum(referralTargets),
	referredAt: isoTime,
	consent: z.boolean(),
	urgentNeeds: shortText(2000),
	status: z.enum(referralStatuses),
	notes: shortText(5000)
});
export type ReferralData = z.infer<typeof referralDataSchema>;

/**
 * What of a referral stays open once its visit is submitted: how the referral goes on (a shelter
 * accepts, a case closes days later) and notes on it. Who was referred, from which visit, to whom,
 * when and with what consent and urgent needs are the record of the visit and lock with it.
 */
export const referralOpenFields = ['status', 'notes'] as const satisfies readonly (keyof ReferralData)[];
export type ReferralOpenField = (typeof referralOpenFields)[number];

export const attachmentDataSchema = z.object({
	inspectionId: z.uuid(),
	sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'),
	mime: z.enum(attachmentMimes),
	size: z.number().int().min(1).max(MAX_ATTACHMENT_BYTES),
	caption: shortText(500),
	takenAt: isoTime,
	lat: z.number().min(-90).max(90).nullable(),
	lng: z.number().min(-180).max(180).nullable()
});
export type AttachmentData = z.infer<typeof attachmentDataSchema>;

/** A venue an inspector found in the field: it stays `unverified` until a planner checks it. */
export const proposedLocationDataSchema = z.object({
	name: shortText(200).min(1, 'name is required'),
	kind: z.enum(locationKinds),
	address: shortText(300),
	municipalityId: z.uuid(),
	lat: z.number(),
	lng: z.number(),
	businessRegNo: shortText(50).nullable().optional(),
	riskNotes: shortText(5000).optional()
});
export type ProposedLocationData = z.infer<typeof proposedLocationDataSchema>;

/** Inspectors change only the status of their own team's assignments. */
export const assignmentStatusDataSchema = z.object({ status: z.enum(assignmentStatuses) });
