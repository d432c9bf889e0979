/**
 * The child-protection pathway (docs/DOMAIN.md, "Minors"): any person who is or may be a minor met
 * at a night venue, and any minor the team counts at venue level, starts it whatever the screening
 * says. The Centre for Social Work is informed, or the team states why not, before the visit is
 * submitted. One rule for the phone's submit button and the server's flag on the record.
 */
import type { ReferralTarget } from './codes.ts';

export type ChildProtectionInput = {
	persons: readonly { id: string; isMinor: boolean }[];
	referrals: readonly { personId: string; target: ReferralTarget }[];
	/** Minors counted in the venue checklist. */
	venueMinors: number;
	reason: string | null;
};

export type ChildProtection = {
	/** Minors recorded as persons with no referral to the Centre for Social Work. */
	personsAwaiting: string[];
	/** Minors counted at the venue while no minor person has been referred. */
	venueMinorsAwaiting: boolean;
	/** The pathway is started (or nothing calls for it), or the team said why not. */
	settled: boolean;
};

export function childProtection({ persons, referrals, venueMinors, reason }: ChildProtectionInput): ChildProtection {
	const referred = new Set(referrals.filter((r) => r.target === 'centre_for_social_work').map((r) => r.personId));
	const minors = persons.filter((person) => person.isMinor);
	const personsAwaiting = minors.filter((person) => !referred.has(person.id)).map((person) => person.id);
	const venueMinorsAwaiting = venueMinors > 0 && !minors.some((person) => referred.has(person.id));
	const due = personsAwaiting.length > 0 || venueMinorsAwaiting;
	return { personsAwaiting, venueMinorsAwaiting, settled: !due || Boolean(reason?.trim()) };
}
