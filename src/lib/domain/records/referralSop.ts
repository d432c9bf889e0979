/**
 * The referral steps of Kosovo's standard operating procedures for trafficked persons (Law 04/L-218
 * and the 2014 administrative instruction), as the order in which a team informs the services
 * after finding a possible victim. The form offers the next target not yet informed.
 */
import type { ReferralData } from './fieldRecords.ts';
import { CASE_TARGET, type ReferralTarget } from './codes.ts';

export type { ReferralTarget };

// Police anti-trafficking investigators and the Victim Advocate first, then the duty prosecutor who
// leads the investigation; a place to stay by the assessed risk (the state Interim Security Facility
// for high risk, an NGO shelter otherwise) and medical care; legal aid; for a foreign victim the
// migration authority (residence permit) and, only if the person wants to go home, IOM or the
// embassy (assisted voluntary return); the NGO and the Labour Inspectorate follow. For a minor the
// Centre for Social Work is informed at once, so that a guardian is appointed, before anything else.
const adultOrder: readonly ReferralTarget[] = [
	'police_anti_trafficking',
	'victim_advocate',
	'prosecutor',
	'interim_security_facility',
	'shelter',
	'medical_care',
	'legal_aid',
	'migration_authority',
	'iom_embassy',
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

/** What the suggestion of the next step depends on besides age. */
export type ReferralSituation = { foreign?: boolean; highRisk?: boolean };

/**
 * Steps that apply only to some persons: the Interim Security Facility to a high-risk victim (a
 * shelter to the others), the migration authority and return to a foreign one. They stay in the
 * list the form offers; they are only never suggested where they do not apply.
 */
function applies(target: ReferralTarget, situation: ReferralSituation): boolean {
	if (target === 'interim_security_facility') return !!situation.highRisk;
	if (target === 'shelter') return !situation.highRisk;
	if (target === 'migration_authority' || target === 'iom_embassy') return !!situation.foreign;
	return true;
}

/** The first target in SOP order that applies and this person has not been referred to yet. */
export function nextReferralTarget(
	isMinor: boolean,
	made: readonly Pick<ReferralData, 'target'>[],
	situation: ReferralSituation = {}
): ReferralTarget {
	const done = new Set(made.map((referral) => referral.target));
	const order = referralOrder(isMinor);
	return order.find((target) => !done.has(target) && applies(target, situation)) ?? order[0]!;
}

/** A minor not yet referred to the Centre for Social Work: the screen says so until it is done. */
export function minorAwaitsSocialWork(isMinor: boolean, made: readonly Pick<ReferralData, 'target'>[]): boolean {
	return isMinor && !made.some((referral) => referral.target === 'centre_for_social_work');
}

// Kosovo as the person's nationality, as an ISO 3166 code (XK), the profile's option id or written
// out in the three languages; anything else named is foreign. A blank or unknown nationality is not
// known to be foreign, so the steps for foreign victims are not suggested (they stay selectable).
const notForeign = new Set(['xk', 'kosovo', 'kosova', 'kosovë', 'kosovo*', 'unknown']);

export function isForeignNationality(nationality: string | null | undefined): boolean {
	const value = (nationality ?? '').trim().toLowerCase();
	return value !== '' && !notForeign.has(value);
}

/**
 * The referral that holds the person's case (fieldRecords.ts, `referralCaseFields`): the one to the
 * police; should there be two, the latest.
 */
export function caseReferral<R extends Pick<ReferralData, 'target' | 'referredAt'>>(referrals: readonly R[]): R | null {
	const police = referrals.filter((referral) => referral.target === CASE_TARGET);
	return police.sort((a, b) => b.referredAt.localeCompare(a.referredAt))[0] ?? null;
}
