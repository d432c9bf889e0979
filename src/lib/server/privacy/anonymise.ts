/**
 * Anonymising a screened person: what could identify them or tell their story goes, what the
 * national statistics count stays (sex, age band, minor, nationality, education, means of
 * recruitment, form of exploitation, the screening result and dimensions, and the referral's target,
 * status, date, consent, formal identification, risk level and reflection period), so the coverage
 * figures of earlier periods do not change.
 *
 * Gone: the answers (free text among them), the role at the venue, the language spoken, and the
 * referral's urgent needs, notes, interpreter (the language would say what the person's record no
 * longer says; the interpreter's name is a person) and case numbers (each leads to a file that names
 * the person) — from the record, from every stored earlier version (the merge
 * bases of sync) and from device copies kept as conflicts. Devices receive the anonymised record
 * through the change feed. One person per transaction, audited without the details themselves.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections, recordVersions, referrals, screenedPersons, syncConflicts } from '../db/schema.ts';
import { updateSynced } from '../records/syncedWrite.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/** Fields of a person removed by anonymisation, as the wire and `record_versions` name them. */
export const PERSON_DETAILS = ['answers', 'roleAtVenue', 'language'] as const;
export const REFERRAL_DETAILS = [
	'urgentNeeds',
	'notes',
	'interpreterLanguage',
	'interpreterName',
	'policeCaseNo',
	'prosecutorCaseNo',
	'socialWorkCaseNo'
] as const;
const clearedReferral = Object.fromEntries(REFERRAL_DETAILS.map((field) => [field, ''])) as Record<
	(typeof REFERRAL_DETAILS)[number],
	''
>;

export type Anonymisation = { action: 'person.anonymise' | 'person.erase'; actorId: string | null; reason: string };

/** Returns false when the person was already anonymised (nothing to do). */
export async function anonymisePerson(
	db: Db,
	personId: string,
	how: Anonymisation,
	now = new Date()
): Promise<boolean> {
	requireUuid(personId, 'personId', 'person');
	return db.transaction(async (tx) => {
		const [person] = await tx
			.select({
				id: screenedPersons.id,
				anonymisedAt: screenedPersons.anonymisedAt,
				teamId: inspections.teamId,
				createdBy: inspections.createdBy
			})
			.from(screenedPersons)
			.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
			.where(and(eq(screenedPersons.id, personId), isNull(screenedPersons.deletedAt)))
			.for('update', { of: screenedPersons });
		if (!person) throw new UserInputError('personId', 'no such person', 404);
		if (person.anonymisedAt) return false;
		const referred = await tx
			.select({ id: referrals.id })
			.from(referrals)
			.where(eq(referrals.personId, personId))
			.for('update');
		const referralIds = referred.map((r) => r.id);

		// No merge bases kept: the versions replaced held the details, and the stored ones lose them below.
		const scope = { teamId: person.teamId, userId: person.createdBy, restricted: true };
		await updateSynced(tx, {
			entity: 'screenedPerson',
			id: personId,
			set: { answers: {}, roleAtVenue: null, language: null, anonymisedAt: now },
			scope,
			audit: {
				userId: how.actorId,
				action: how.action,
				summary: () => `referrals=${referralIds.length} reason=${how.reason.slice(0, 200)}`
			},
			at: now
		});
		// Audited with the person: the referrals' details go as part of the same anonymisation.
		for (const id of referralIds) {
			await updateSynced(tx, {
				entity: 'referral',
				id,
				set: clearedReferral,
				scope,
				audit: null,
				at: now
			});
		}

		// Earlier versions keep their shape (they are merge bases) but lose the details.
		await tx.execute(sql`update record_versions set data = (data - 'roleAtVenue' - 'language') || '{"answers": {}}'::jsonb
			where entity = 'screenedPerson' and record_id = ${personId}`);
		if (referralIds.length) {
			await tx
				.update(recordVersions)
				.set({ data: sql`${recordVersions.data} || ${JSON.stringify(clearedReferral)}::jsonb` })
				.where(and(eq(recordVersions.entity, 'referral'), inArray(recordVersions.recordId, referralIds)));
		}
		await tx
			.delete(syncConflicts)
			.where(
				and(
					inArray(syncConflicts.entity, ['screenedPerson', 'referral']),
					inArray(syncConflicts.recordId, [personId, ...referralIds])
				)
			);
		return true;
	});
}
