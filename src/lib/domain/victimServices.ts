/**
 * Victim services: the organisations persons are referred to that get their own sign-in (victim
 * advocates, social workers, shelters). They are referral targets (records/codes.ts); a user of the
 * role belongs to one of them and reads only the persons referred to it (server/victimServices/).
 * The police, the prosecutor, the labour inspectorate and the migration authority are not here: they
 * are agencies with roles of their own, or must never read a victim's record through this door.
 */
import type { ReferralTarget } from './records/codes.ts';

export const victimServiceOrganisations = [
	'victim_advocate',
	'centre_for_social_work',
	'shelter',
	'interim_security_facility',
	'ngo',
	'legal_aid',
	'medical_care'
] as const satisfies readonly ReferralTarget[];
export type VictimServiceOrganisation = (typeof victimServiceOrganisations)[number];

/**
 * What the receiving service may change on a referral to it (the SOP: it accepts or declines,
 * closes the case, keeps notes). The person's case fields (identification, case numbers, the
 * reflection period) are held on the referral to the police (records/fieldRecords.ts,
 * `referralCaseFields`), which a victim service does not receive; they stay with the police.
 */
export const victimServiceReferralFields = ['status', 'notes'] as const;
