/**
 * The referral steps of Kosovo's standard operating procedures for trafficked persons (Law 04/L-218
 * and the 2014 administrative instruction), as the order in which a team informs the services
 * after finding a possible victim. The form offers the next target not yet informed.
 */
import type { ReferralData } from './fieldRecords.ts';
import type { ReferralTarget } from './codes.ts';

export type { ReferralTarget };

// Police anti-trafficking investigators and the Victim Advocate first; shelter and medical care
// as needed; the NGO and the Labour Inspectorate follow. For a minor the Centre for Social Work is
// informed at once, so that a guardian is appointed, before anything else.
const adultOrder: readonly ReferralTarget[] = [
	'police_anti_trafficking',
	'victim_advocate',
	'shelter',
	'medical_care',
	'ngo',
	'labour_inspectorate',
	'centre_for_social_work'
];
const minorOrder: readonly ReferralTarget[] = [
	'centre_for_social_work',
	...adultOrder.filter((t) => t !== 'centre_for_social_work')
];

export function referralOrder(isMinor: boolean): readonly ReferralTarget[] {
	return isMinor ? minorOrder : adultOrder;
}

/** The first target in SOP order that this person has not been referred to yet. */
export function nextReferralTarget(isMinor: boolean, made: readonly Pick<ReferralData, 'target'>[]): ReferralTarget {
	const done = new Set(made.map((referral) => referral.target));
	return referralOrder(isMinor).find((target) => !done.has(target)) ?? referralOrder(isMinor)[0]!;
}

/** A minor not yet referred to the Centre for Social Work: the screen says so until it is done. */
export function minorAwaitsSocialWork(isMinor: boolean, made: readonly Pick<ReferralData, 'target'>[]): boolean {
	return isMinor && !made.some((referral) => referral.target === 'centre_for_social_work');
}
