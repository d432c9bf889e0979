/** A referral: who was informed, where the referral stands, and the person's case. */
import { m } from '$lib/paraglide/messages.js';
import type { ReferralTarget } from '$lib/domain/records/referralSop.ts';
import type { ReferralData } from '$lib/domain/records/fieldRecords.ts';
import type { ConsentGiver, FormalIdentification, RiskLevel } from '$lib/domain/records/codes.ts';
import { labelFrom, type Messages } from './label.ts';

const targetMessages: Messages<ReferralTarget> = {
	police_anti_trafficking: m.referral_target_police_anti_trafficking,
	victim_advocate: m.referral_target_victim_advocate,
	centre_for_social_work: m.referral_target_centre_for_social_work,
	shelter: m.referral_target_shelter,
	medical_care: m.referral_target_medical_care,
	ngo: m.referral_target_ngo,
	labour_inspectorate: m.referral_target_labour_inspectorate,
	prosecutor: m.referral_target_prosecutor,
	interim_security_facility: m.referral_target_interim_security_facility,
	migration_authority: m.referral_target_migration_authority,
	iom_embassy: m.referral_target_iom_embassy,
	legal_aid: m.referral_target_legal_aid
};

export function referralTargetLabel(target: string): string {
	return labelFrom(targetMessages, target);
}

const statusMessages: Messages<ReferralData['status']> = {
	made: m.referral_status_made,
	accepted: m.referral_status_accepted,
	declined: m.referral_status_declined,
	closed: m.referral_status_closed
};

export function referralStatusLabel(status: string): string {
	return labelFrom(statusMessages, status);
}

const consentByMessages: Messages<ConsentGiver> = {
	person: m.referral_consent_by_person,
	guardian: m.referral_consent_by_guardian,
	centre_for_social_work: m.referral_consent_by_centre_for_social_work
};

export function consentByLabel(giver: string): string {
	return labelFrom(consentByMessages, giver);
}

const riskMessages: Messages<RiskLevel> = {
	low: m.referral_risk_low,
	medium: m.referral_risk_medium,
	high: m.referral_risk_high
};

export function riskLevelLabel(level: string): string {
	return labelFrom(riskMessages, level);
}

const identificationMessages: Messages<FormalIdentification> = {
	yes: m.referral_identification_yes,
	no: m.referral_identification_no,
	pending: m.referral_identification_pending
};

export function identificationLabel(decision: string): string {
	return labelFrom(identificationMessages, decision);
}
