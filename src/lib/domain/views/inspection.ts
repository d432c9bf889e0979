/**
 * One inspection as the supervisors' and teams' read-only page shows it: the venue part with the
 * template's labels, photos, corrections and the audit trail, and — where the viewer may see them —
 * the screened persons and their referrals.
 */
import type { AnswerSection } from '../checklist/answerView.ts';
import type { Text } from '../text.ts';
import type { AggravatingCircumstances } from '../field/aggravating.ts';

export type ReferralView = { id: string; target: string; status: string; referredAt: string; consent: boolean };
export type PersonView = {
	id: string;
	sex: string;
	ageBand: string;
	isMinor: boolean;
	result: string;
	dimensionsPresent: number[];
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
	/** The venue's child-site flag for every viewer; the count of minors only with the persons. */
	aggravating: AggravatingCircumstances;
	auditTrail: AuditTrailEntry[];
};
