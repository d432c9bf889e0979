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
	'labour_inspectorate'
] as const;
export type ReferralTarget = (typeof referralTargets)[number];

export const referralStatuses = ['made', 'accepted', 'declined', 'closed'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const attachmentMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
