/**
 * The records of the work after the inspection starts (docs/DOMAIN.md, "After the inspection"), as
 * they travel on the sync wire and sit in Dexie: the labour inspector's record of the employer and
 * the minutes, the workers checked, the violations found and the decisions on them, the checks of a
 * control inspection; the police's criminal reports and their evidence log with its chain of
 * custody. All are born on a device (or on the visit editor in the office) and checked by the server
 * (server/sync/fieldRules.ts) like the persons and referrals of fieldRecords.ts.
 *
 * What stays open once the visit is submitted is named per record (`…OpenFields`): the follow-up
 * that comes days later (a deadline decided in the office, a hand-over to the prosecutor, a case
 * number); what was recorded on site locks with the visit.
 */
import { z } from 'zod';
import {
	appealStates,
	criminalOffences,
	decisionKinds,
	evidenceKinds,
	handOverTargets,
	licenceStates,
	minutesSignatures,
	permitChecks,
	sexes,
	violationCheckResults,
	workerChecks
} from './codes.ts';
import { calendarDate, isoTime, shortText } from './fieldRecords.ts';

// ── Labour inspectorate ─────────────────────────────────────────────────────────────────────────

/** One per inspection: the employer as registered and as found, the minutes, the hand-over. */
export const labourRecordDataSchema = z
	.object({
		inspectionId: z.uuid(),
		employerName: shortText(300).default(''),
		businessRegNo: shortText(50).default(''),
		fiscalNo: shortText(50).default(''),
		registeredActivity: shortText(300).default(''),
		activityFound: shortText(300).default(''),
		licence: z.enum(licenceStates).nullable().default(null),
		licensedHours: shortText(100).default(''),
		hoursFound: shortText(100).default(''),
		minutesNo: shortText(80).default(''),
		minutesSignature: z.enum(minutesSignatures).nullable().default(null),
		minutesCopyLeft: z.boolean().nullable().default(null),
		/** A case the labour inspectorate hands to the police or the prosecutor, with its reference. */
		handOverTo: z.enum(handOverTargets).nullable().default(null),
		handOverReference: shortText(120).default(''),
		handOverOn: calendarDate.nullable().default(null),
		notes: shortText(5000).default('')
	})
	.superRefine((data, ctx) => {
		if (!data.handOverTo && (data.handOverReference || data.handOverOn)) {
			ctx.addIssue({ code: 'custom', path: ['handOverTo'], message: 'say to whom the case was handed over' });
		}
	});
export type LabourRecordData = z.infer<typeof labourRecordDataSchema>;
export type LabourRecordInput = z.input<typeof labourRecordDataSchema>;
export const labourRecordOpenFields = [
	'handOverTo',
	'handOverReference',
	'handOverOn',
	'notes'
] as const satisfies readonly (keyof LabourRecordData)[];

/**
 * A worker the labour inspector checked. Person-level like a screened person: the name is optional,
 * and the record reaches only the team that made it and is audited on every read.
 */
export const checkedWorkerDataSchema = z.object({
	inspectionId: z.uuid(),
	name: shortText(200).default(''),
	sex: z.enum(sexes),
	isMinor: z.boolean(),
	foreign: z.boolean(),
	contractBeforeWork: z.enum(workerChecks),
	declaredToTax: z.enum(workerChecks),
	pensionContributions: z.enum(workerChecks),
	wageAtLeastMinimum: z.enum(workerChecks),
	workingTimeRespected: z.enum(workerChecks),
	workPermit: z.enum(permitChecks),
	residencePermit: z.enum(permitChecks),
	notes: shortText(2000).default('')
});
export type CheckedWorkerData = z.infer<typeof checkedWorkerDataSchema>;
export type CheckedWorkerInput = z.input<typeof checkedWorkerDataSchema>;

/**
 * A violation found, of a kind from the admin's catalogue, linked to the workers concerned. The
 * order to remedy is its deadline: a violation with a deadline puts its venue in a control
 * inspection due that day (server/labour/controls.ts).
 */
export const violationDataSchema = z.object({
	inspectionId: z.uuid(),
	kindId: z.uuid(),
	workerIds: z.array(z.uuid()).max(500).default([]),
	description: shortText(2000).default(''),
	remedyDeadline: calendarDate.nullable().default(null)
});
export type ViolationData = z.infer<typeof violationDataSchema>;
export type ViolationInput = z.input<typeof violationDataSchema>;
/** The order to remedy may be decided in the office after the night; the finding itself locks. */
export const violationOpenFields = ['remedyDeadline'] as const satisfies readonly (keyof ViolationData)[];

/** A decision on violations of one inspection: a fine, a request for proceedings, a suspension, a closure. */
export const decisionDataSchema = z
	.object({
		inspectionId: z.uuid(),
		kind: z.enum(decisionKinds),
		violationIds: z.array(z.uuid()).max(500).default([]),
		reference: shortText(80).default(''),
		decidedOn: calendarDate,
		amountEur: z.number().int().min(1).max(10_000_000).nullable().default(null),
		legalBasis: shortText(300).default(''),
		until: calendarDate.nullable().default(null),
		appeal: z.enum(appealStates).default('none'),
		appealDecidedOn: calendarDate.nullable().default(null),
		notes: shortText(2000).default('')
	})
	.superRefine((data, ctx) => {
		if (data.kind === 'fine' && data.amountEur === null) {
			ctx.addIssue({ code: 'custom', path: ['amountEur'], message: 'a fine needs its amount' });
		}
		if (data.kind !== 'fine' && data.amountEur !== null) {
			ctx.addIssue({ code: 'custom', path: ['amountEur'], message: 'only a fine has an amount' });
		}
		if (data.until && data.kind !== 'suspension') {
			ctx.addIssue({ code: 'custom', path: ['until'], message: 'only a suspension has an end date' });
		}
		const decided = data.appeal === 'upheld' || data.appeal === 'overturned' || data.appeal === 'partly_upheld';
		if (data.appealDecidedOn && !decided) {
			ctx.addIssue({ code: 'custom', path: ['appealDecidedOn'], message: 'a date goes with a decided appeal' });
		}
	});
export type DecisionData = z.infer<typeof decisionDataSchema>;
export type DecisionInput = z.input<typeof decisionDataSchema>;

/** A violation of an earlier visit as found at the control inspection (recorded on the control visit). */
export const violationCheckDataSchema = z.object({
	inspectionId: z.uuid(),
	controlInspectionId: z.uuid(),
	violationId: z.uuid(),
	result: z.enum(violationCheckResults),
	notes: shortText(2000).default('')
});
export type ViolationCheckData = z.infer<typeof violationCheckDataSchema>;

// ── Police ─────────────────────────────────────────────────────────────────────────────────────

/**
 * A criminal report filed after an inspection, for one offence: the counts the national tables
 * read. Identities of suspects belong in police systems, not here: arrests and detentions are counts.
 */
export const criminalReportDataSchema = z
	.object({
		inspectionId: z.uuid(),
		offence: z.enum(criminalOffences),
		otherOffence: shortText(200).default(''),
		filedOn: calendarDate,
		policeCaseNo: shortText(80).default(''),
		prosecutorCaseNo: shortText(80).default(''),
		arrests: z.number().int().min(0).max(1000).default(0),
		detentions: z.number().int().min(0).max(1000).default(0),
		notes: shortText(2000).default('')
	})
	.superRefine((data, ctx) => {
		if (data.offence === 'other' && !data.otherOffence) {
			ctx.addIssue({ code: 'custom', path: ['otherOffence'], message: 'name the offence' });
		}
	});
export type CriminalReportData = z.infer<typeof criminalReportDataSchema>;
export type CriminalReportInput = z.input<typeof criminalReportDataSchema>;

/** An item seized or found: what, where, by whom and when, with its photo. */
export const evidenceItemDataSchema = z.object({
	inspectionId: z.uuid(),
	kind: z.enum(evidenceKinds),
	description: shortText(2000).min(1, 'describe the item'),
	whereFound: shortText(500).default(''),
	foundBy: z.uuid(),
	foundAt: isoTime,
	attachmentId: z.uuid().nullable().default(null),
	sealNo: shortText(80).default('')
});
export type EvidenceItemData = z.infer<typeof evidenceItemDataSchema>;
export type EvidenceItemInput = z.input<typeof evidenceItemDataSchema>;

/**
 * One hand-over of an evidence item: a link of its chain of custody. Written once and never changed
 * or deleted (the server refuses both); a mistake is corrected by the next hand-over's notes.
 */
export const custodyTransferDataSchema = z.object({
	inspectionId: z.uuid(),
	evidenceItemId: z.uuid(),
	handedBy: z.uuid(),
	receivedBy: shortText(200).min(1, 'say who received the item'),
	receivedUnit: shortText(200).default(''),
	at: isoTime,
	reference: shortText(120).default(''),
	notes: shortText(2000).default('')
});
export type CustodyTransferData = z.infer<typeof custodyTransferDataSchema>;
export type CustodyTransferInput = z.input<typeof custodyTransferDataSchema>;
