/**
 * The closed lists of codes the records carry: the one definition the database schema
 * (server/db/schema.ts), the zod schemas of the wire (fieldRecords.ts, referenceRecords.ts) and the
 * screens share. A leaf: it imports nothing, so anything may import it without pulling in more.
 */

export const locationKinds = [
	'bar',
	'night_club',
	'massage_parlour',
	'hotel_motel',
	'restaurant_cafe',
	'private_apartment',
	'other'
] as const;
export type LocationKind = (typeof locationKinds)[number];

export const locationStatuses = ['active', 'closed_by_authority', 'unverified', 'gone'] as const;
export type LocationStatus = (typeof locationStatuses)[number];

export const childSiteKinds = ['school', 'kindergarten', 'playground', 'other'] as const;
export type ChildSiteKind = (typeof childSiteKinds)[number];

export const operationStatuses = ['planned', 'active', 'done', 'cancelled'] as const;
export type OperationStatus = (typeof operationStatuses)[number];

export const assignmentStatuses = ['pending', 'in_progress', 'done', 'not_accessible', 'cancelled'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const inspectionStatuses = ['draft', 'submitted'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];

export const inspectionOutcomes = [
	'no_findings',
	'labour_violations',
	'trafficking_indicators_referred',
	'premises_closed',
	'could_not_inspect'
] as const;
export type InspectionOutcome = (typeof inspectionOutcomes)[number];

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

/** What the screening rule (screening/screen.ts) concludes about a person; the server stores it. */
export const screeningResults = ['no_indicators', 'indicators_present', 'possible_victim'] as const;
export type ScreeningResult = (typeof screeningResults)[number];

export const referralTargets = [
	'police_anti_trafficking',
	'victim_advocate',
	'centre_for_social_work',
	'shelter',
	'medical_care',
	'ngo',
	'labour_inspectorate',
	// Added with the SOP's current steps (docs/DOMAIN.md, "After a possible victim is found"): appended,
	// never inserted, so stored codes and the report's column order of older exports stay put.
	'prosecutor',
	'interim_security_facility',
	'migration_authority',
	'iom_embassy',
	'legal_aid'
] as const;
export type ReferralTarget = (typeof referralTargets)[number];
/** The referral that holds the person's case (fieldRecords.ts, `referralCaseFields`). */
export const CASE_TARGET = 'police_anti_trafficking' satisfies ReferralTarget;

export const referralStatuses = ['made', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** Who gave consent to assistance: for a minor the guardian or the Centre for Social Work, never the child. */
export const consentGivers = ['person', 'guardian', 'centre_for_social_work'] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/** The risk the police investigator and the victim advocate assess together. */
export const riskLevels = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof riskLevels)[number];

/** Formal identification as a victim, by the police trafficking directorate or a prosecutor. */
export const formalIdentifications = ['yes', 'no', 'pending'] as const;
export type FormalIdentification = (typeof formalIdentifications)[number];

export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

// ── After the inspection (docs/DOMAIN.md, "After the inspection") ─────────────────────────────

/** A worker's condition as the labour inspector found it: shown (yes), not met (no), not known. */
export const workerChecks = ['yes', 'no', 'unknown'] as const;
export type WorkerCheck = (typeof workerChecks)[number];

/** A foreign worker's permit; citizens need none. */
export const permitChecks = ['yes', 'no', 'unknown', 'not_needed'] as const;
export type PermitCheck = (typeof permitChecks)[number];

/** What the employer's operating licence was found to be. */
export const licenceStates = ['valid', 'expired', 'none', 'unknown'] as const;
export type LicenceState = (typeof licenceStates)[number];

export const violationSeverities = ['minor', 'serious', 'very_serious'] as const;
export type ViolationSeverity = (typeof violationSeverities)[number];

/** The minutes of the inspection: signed by the employer's representative, refused, or nobody present. */
export const minutesSignatures = ['signed', 'refused', 'no_representative'] as const;
export type MinutesSignature = (typeof minutesSignatures)[number];

/** To whom the labour inspectorate hands a case over. */
export const handOverTargets = ['police', 'prosecutor'] as const;
export type HandOverTarget = (typeof handOverTargets)[number];

/**
 * What the labour inspector decides on the violations found, beside the order to remedy, which is
 * the deadline recorded on each violation (and makes the control inspection).
 */
export const decisionKinds = ['fine', 'misdemeanour_request', 'suspension', 'closure'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const appealStates = ['none', 'filed', 'upheld', 'overturned', 'partly_upheld'] as const;
export type AppealState = (typeof appealStates)[number];

/** A violation at the control inspection. */
export const violationCheckResults = ['remedied', 'not_remedied'] as const;
export type ViolationCheckResult = (typeof violationCheckResults)[number];

/**
 * The control inspection made for a remedy deadline: due until each of its violations is checked;
 * then done (all remedied) or escalated (one or more not remedied: a fine, proceedings, closure).
 * Overdue is not a state: it is `due` past its date, judged on the reader's day.
 */
export const controlStatuses = ['due', 'done', 'escalated', 'cancelled'] as const;
export type ControlStatus = (typeof controlStatuses)[number];

/** The criminal offences the national tables count (Criminal Code of Kosovo; articles in DOMAIN.md). */
export const criminalOffences = [
	'trafficking_in_persons',
	'facilitating_prostitution',
	'using_victim_sexual_services',
	'slavery',
	'other'
] as const;
export type CriminalOffence = (typeof criminalOffences)[number];

/** Things seized or found at a venue. */
export const evidenceKinds = ['identity_document', 'passport', 'cash', 'ledger', 'phone', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
