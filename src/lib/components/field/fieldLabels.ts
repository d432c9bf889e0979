/** Translated names for the persons, referrals and photos screens' enumerations. */
import { m } from '$lib/paraglide/messages.js';
import type { ReferralTarget } from '$lib/domain/records/referralSop.ts';
import type { ReferralData } from '$lib/domain/records/fieldRecords.ts';
import type { ScreeningResult } from '$lib/domain/screening/screen.ts';
import type { Strength } from '$lib/domain/screening/indicators.ts';
import { formatDateTime, toFormatLocale } from '$lib/domain/format/localeFormat.ts';

export const referralTargetLabels: Record<ReferralTarget, () => string> = {
	police_anti_trafficking: m.referral_target_police_anti_trafficking,
	victim_advocate: m.referral_target_victim_advocate,
	centre_for_social_work: m.referral_target_centre_for_social_work,
	shelter: m.referral_target_shelter,
	medical_care: m.referral_target_medical_care,
	ngo: m.referral_target_ngo,
	labour_inspectorate: m.referral_target_labour_inspectorate
};

export const referralStatusLabels: Record<ReferralData['status'], () => string> = {
	made: m.referral_status_made,
	accepted: m.referral_status_accepted,
	declined: m.referral_status_declined,
	closed: m.referral_status_closed
};

export const screeningResultLabels: Record<ScreeningResult, () => string> = {
	no_indicators: m.person_result_no_indicators,
	indicators_present: m.person_result_indicators_present,
	possible_victim: m.person_result_possible_victim
};

export const strengthLabels: Record<Strength, () => string> = {
	strong: m.person_strength_strong,
	medium: m.person_strength_medium,
	weak: m.person_strength_weak
};

/**
 * "24 Nov 2026, 21:40" in the reader's language, on the device's clock: when a referral was made,
 * a photo taken. `locale` is a language tag ('sq', 'sr-Latn', 'en-GB').
 */
export function formatMoment(iso: string, locale: string): string {
	return formatDateTime(new Date(iso), toFormatLocale(locale), { style: 'medium' });
}
