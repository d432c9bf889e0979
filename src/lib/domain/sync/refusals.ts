/**
 * The server's words for the refusals a device acts on by itself (server/sync/fieldRules.ts writes
 * them; the device re-sends or carries into a correction what they refused). One place, so the two
 * sides cannot drift apart.
 */

/** A person or photo arrived for a visit the server holds as submitted, not provably before it. */
export const SUBMITTED_LOCKED = 'the inspection is submitted and locked';
/** A referral whose person the server does not have (it was refused with the visit). */
export const PERSON_MISSING = 'no such person in this inspection';

/** Whether a refusal's errors say the visit was already submitted when the record arrived. */
export function refusedAsSubmittedVisit(errors: readonly { message: string }[] | null): boolean {
	return (errors ?? []).some((e) => e.message === SUBMITTED_LOCKED || e.message === PERSON_MISSING);
}
