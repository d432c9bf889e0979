/**
 * One inspection as the supervisors' and teams' read-only page shows it: the venue part with the
 * template's labels, photos, corrections and the audit trail, and — where the viewer may see them —
 * the screened persons and their referrals.
 */
import type { AnswerSection } from '../checklist/answerView.ts';
import type { Text } from '../text.ts';
import type { AggravatingCircumstances } from '../field/aggravating.ts';
import type { LabourView } from './labour.ts';

export type ReferralView = {
	id: string;
	target: string;
	status: string;
	referredAt: string;
	exOfficio: boolean;
	consent: boolean;
	consentBy: string | null;
	interpreterLanguage: string;
	interpreterName: string;
	interpreterIndependent: boolean | null;
	/** The person's case, on the referral to the police (domain/records/fieldRecords.ts). */
	riskLevel: string | null;
	formalIdentification: string | null;
	formalIdentificationDate: string | null;
	policeCaseNo: string;
	prosecutorCaseNo: string;
	socialWorkCaseNo: string;
	reflectionStart: string | null;
	reflectionEnd: string | null;
};
export type PersonView = {
	id: string;
	sex: string;
	ageBand: string;
	isMinor: boolean;
	result: string;
	dimensionsPresent: number[];
	/** The indicator catalogue the person was screened with, and each list's result. */
	catalogueVersion: number;
	listResults: { list: string; result: string; dimensionsPresent: number[] }[];
	answers: AnswerSection[];
	referrals: ReferralView[];
};
export type AuditTrailEntry = {
	seq: number;
	at: string;
	user: string | null;
	action: string;
	entity: string | null;
	summary: string;
};

/** /inspections/[id]: one inspection read back, read-only (server/inspections/view.ts decides who sees what). */
export type InspectionView = {
	id: string;
	status: string;
	startedAt: string;
	endedAt: string | null;
	submittedAt: string | null;
	outcome: string | null;
	outcomeReason: string | null;
	unplannedReason: string | null;
	notes: string;
	peoplePresent: { women: number; men: number; minorsPresent: boolean } | null;
	checkIn: { lat: number | null; lng: number | null; accuracy: number | null; overrideReason?: string | null } | null;
	venue: { id: string; name: string; kind: string; address: string; status: string };
	municipality: { id: string; name: Text };
	team: string | null;
	operation: string | null;
	plan: string | null;
	recordedBy: string;
	template: { id: string; version: number; found: boolean };
	correctionOf: string | null;
	correctionReason: string | null;
	correctedBy: string | null;
	venueAnswers: AnswerSection[];
	/** `viewable`: the bytes are on the server and this viewer may open them (person-level access). */
	photos: {
		id: string;
		caption: string;
		mime: string;
		size: number;
		takenAt: string;
		uploaded: boolean;
		viewable: boolean;
	}[];
	/** Null when the viewer's role may not see person-level records. */
	persons: PersonView[] | null;
	/** How many persons were screened, for a viewer who sees counts, not persons; null otherwise. */
	personsCounted: number | null;
	/**
	 * The child-protection step (domain/records/minors.ts): minors met with no referral to the
	 * Centre for Social Work, and the team's reason. Null with `persons`.
	 */
	childProtection: { awaiting: number; venueMinors: number; reason: string | null; settled: boolean } | null;
	/** The venue's child-site flag for every viewer; the count of minors only with the persons. */
	aggravating: AggravatingCircumstances;
	/** The labour inspection of the visit; null when none was recorded (domain/views/labour.ts). */
	labour: LabourView | null;
	auditTrail: AuditTrailEntry[];
};
