/**
 * The records inspectors create on their devices, as they travel on the sync wire and sit in
 * Dexie. The server validates every push against these (and against the checklist template named
 * in the inspection); what the server derives itself (screening result, versions) is not trusted
 * from a device.
 */
import { z } from 'zod';
import { answersSchema } from '../checklist/template.ts';
import { ageBandSchema } from '../screening/screen.ts';
import { selfAnsweredSchema } from '../personInfo/selfAnswered.ts';
import {
	assignmentStatuses,
	attachmentMimes,
	CASE_TARGET,
	consentGivers,
	formalIdentifications,
	childSiteKinds,
	inspectionOutcomes,
	inspectionStatuses,
	locationKinds,
	MAX_ATTACHMENT_BYTES,
	referralStatuses,
	referralTargets,
	riskLevels,
	sexes
} from './codes.ts';

// Normalised to UTC so the same moment written two ways never looks like a change in a merge.
export const isoTime = z.iso
	.datetime({ offset: true, message: 'must be an ISO 8601 time' })
	.transform((v) => new Date(v).toISOString());
export const shortText = (max: number) => z.string().trim().max(max);

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
export type PeoplePresent = z.infer<typeof peoplePresentSchema>;

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
		correctionReason: shortText(2000).nullable(),
		// A minor met and not referred to the Centre for Social Work needs a stated reason (minors.ts).
		childProtectionReason: shortText(2000).nullable().default(null)
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
	answers: answersSchema,
	// Optional: a device that did not touch the cards leaves what the server holds as it is.
	selfAnswered: selfAnsweredSchema.nullable().optional()
});
export type ScreenedPersonData = z.infer<typeof screenedPersonDataSchema>;

export const calendarDate = z.iso.date({ message: 'must be a date YYYY-MM-DD' });

/**
 * What the person's case holds under the SOP, once per person: formal identification, the case
 * numbers, the risk assessed with the victim advocate and the reflection period. They are kept on
 * the person's referral to the police (informed ex officio for every possible victim, so every
 * referred person has one) rather than on a table of their own: one record a person already has,
 * one sync entity fewer, and the police are the ones who identify and open the case.
 */
export const referralCaseFields = [
	'riskLevel',
	'formalIdentification',
	'formalIdentificationDate',
	'policeCaseNo',
	'prosecutorCaseNo',
	'socialWorkCaseNo',
	'reflectionStart'
] as const;

// Every field added after the first release has a default: a device running the older app, and
// referrals stored before, carry none of them and still read and push as before.
export const referralDataSchema = z
	.object({
		personId: z.uuid(),
		inspectionId: z.uuid(),
		target: z.enum(referralTargets),
		referredAt: isoTime,
		/** Informed as a duty, without asking the person (the police, the prosecutor). */
		exOfficio: z.boolean().default(false),
		/** The person's consent to assistance, apart from whether the service was informed. */
		consent: z.boolean(),
		consentBy: z.enum(consentGivers).nullable().default(null),
		urgentNeeds: shortText(2000),
		interpreterLanguage: shortText(80).default(''),
		interpreterName: shortText(200).default(''),
		/** A "translator" brought by the venue is itself an indicator: the form warns on `false`. */
		interpreterIndependent: z.boolean().nullable().default(null),
		status: z.enum(referralStatuses),
		notes: shortText(5000),
		riskLevel: z.enum(riskLevels).nullable().default(null),
		formalIdentification: z.enum(formalIdentifications).nullable().default(null),
		formalIdentificationDate: calendarDate.nullable().default(null),
		policeCaseNo: shortText(80).default(''),
		prosecutorCaseNo: shortText(80).default(''),
		socialWorkCaseNo: shortText(80).default(''),
		reflectionStart: calendarDate.nullable().default(null)
	})
	.superRefine((data, ctx) => {
		if (!data.consent && data.consentBy) {
			ctx.addIssue({ code: 'custom', path: ['consentBy'], message: 'who consented is recorded only with consent' });
		}
		if (data.formalIdentificationDate && (data.formalIdentification ?? 'pending') === 'pending') {
			ctx.addIssue({
				code: 'custom',
				path: ['formalIdentificationDate'],
				message: 'a date goes with a decided identification (yes or no)'
			});
		}
		if (data.target === CASE_TARGET) return;
		for (const field of referralCaseFields) {
			if (data[field]) {
				ctx.addIssue({ code: 'custom', path: [field], message: 'the case is recorded on the referral to the police' });
			}
		}
	});
export type ReferralData = z.infer<typeof referralDataSchema>;
/** What a caller hands in: the fields with defaults may be left out. */
export type ReferralInput = z.input<typeof referralDataSchema>;

/**
 * What of a referral stays open once its visit is submitted: how the referral goes on (a shelter
 * accepts, a case closes days later), notes on it, and the person's case, which is follow-up by
 * nature: the identification is decided, case numbers are given and the reflection period starts
 * days or weeks after the night of the visit, and the risk is re-assessed as the case goes on.
 * Who was referred, from which visit, to whom, when, with whose consent, the urgent needs and the
 * interpreter are the record of the visit and lock with it.
 */
export const referralOpenFields = [
	'status',
	'notes',
	...referralCaseFields
] as const satisfies readonly (keyof ReferralData)[];
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
