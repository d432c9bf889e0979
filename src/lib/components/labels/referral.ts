/** A referral: who was informed, and where the referral stands. */
import { m } from '$lib/paraglide/messages.js';
import type { ReferralTarget } from '$lib/domain/records/referralSop.ts';
import type { ReferralData } from '$lib/domain/records/fieldRecords.ts';
import { labelFrom, type Messages } from './label.ts';

const targetMessages: Messages<ReferralTarget> = {
	police_anti_trafficking: m.referral_target_police_anti_trafficking,
	victim_advocate: m.referral_target_victim_advocate,
	centre_for_social_work: m.referral_target_centre_for_social_work,
	shelter: m.referral_target_shelter,
	medical_care: m.referral_target_medical_care,
	ngo: m.referral_target_ngo,
	labour_inspectorate: m.referral_target_labour_inspectorate
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
