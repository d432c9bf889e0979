/**
 * What a victim-services user reads (routes/(app)/referred): the persons referred to their
 * organisation, with what the referral carries. Nothing of the venue investigation (the inspection's
 * notes, the checklist, police items): only the municipality and the day of the visit.
 */
import type { Text } from '../text.ts';

/** The person's fields that do not identify them. `nationality` is tagged (domain/privacy/purposes.ts). */
export type ReferredPersonFields = {
	personId: string;
	sex: string;
	ageBand: string;
	isMinor: boolean;
	result: string;
	/** Absent when the purpose does not allow it; victim assistance does. */
	nationality?: string;
	language: string | null;
};

export type ReferredReferral = {
	id: string;
	target: string;
	referredAt: string;
	status: string;
	/** Urgent: the person is a minor or needs something at once (`urgentNeeds`). */
	urgent: boolean;
	urgentNeeds: string;
	exOfficio: boolean;
	consent: boolean;
	consentBy: string | null;
	interpreterLanguage: string;
	interpreterIndependent: boolean | null;
	notes: string;
	version: number;
};

export type ReferredListRow = ReferredPersonFields & {
	referral: ReferredReferral;
	municipality: Text;
};

export type ReferredListPage = { organisation: string; rows: ReferredListRow[] };

export type ReferredPersonPage = {
	organisation: string;
	person: ReferredPersonFields & { municipality: Text; visitedOn: string };
	referrals: ReferredReferral[];
};
