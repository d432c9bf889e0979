/**
 * Anonymising a screened person: what could identify them or tell their story goes, what the
 * national statistics count stays (sex, age band, minor, nationality, education, means of
 * recruitment, form of exploitation, the screening result and dimensions, and the referral's target,
 * status, date and consent), so the coverage figures of earlier periods do not change.
 *
 * Gone: the answers (free text among them), the role at the venue, the language spoken, and the
 * referral's urgent needs and notes — from the record, from every stored earlier version (the merge
 * bases of sync) and from device copies kept as conflicts. Devices receive the anonymised record
 * through the change feed. One person per transaction, audited without the details themselves.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { inspections, recordVersions, referrals, screenedPersons, syncConflicts } from '../db/schema.ts';
import { appendChanges } from '../sync/changeFeed.ts';
import { appendAudit } from '../audit/log.ts';
import { requireUuid, UserInputError } from '../errors.ts';

/** Fields of a person removed by anonymisation, as the wire and `record_versions` name them. */
export const PERSON_DETAILS = ['answers', 'roleAtVenue', 'language'] as const;
export const REFERRAL_DETAILS = ['urgentNeeds', 'notes'] as const;

export type Anonymisation = { action: 'person.anonymise' | 'person.erase'; actorId: string | null; reason: string };

/** Returns false when the person was already anonymised (nothing to do). */
export async function anonymisePerson(db: Db, personId: string, how: Anonymisation, now = new Date()): Promise<boolean> {
	requireUuid(personId, 'personId', 'person');
	return db.transaction(async (txAny) => {
		const tx = txAny as unknown as Db;
		const [person] = await tx
			.select({ id: screenedPersons.id, version: screenedPersons.version, anonymisedAt: screenedPersons.anonymisedAt, teamId: inspections.teamId, createdBy: inspections.createdBy })
			.from(screenedPersons)
			.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
			.where(and(eq(screenedPersons.id, personId), isNull(screenedPersons.deletedAt)))
			.for('update', { of: screenedPersons });
		if (!person) throw new UserInputError('personId', 'no such person', 404);
		if (person.anonymisedAt) return false;

		const version = Number(person.version) + 1;
		await tx
			.update(screenedPersons)
			.set({ answers: {}, roleAtVenue: null, language: null, anonymisedAt: now, version, updatedAt: now })
			.where(eq(screenedPersons.id, personId));
		const referred = await tx
			.update(referrals)
			.set({ urgentNeeds: '', notes: '', version: sql`${referrals.version} + 1`, updatedAt: now })
			.where(eq(referrals.personId, personId))
			.returning({ id: referrals.id, version: referrals.version });

		// Earlier versions keep their shape (they are merge bases) but lose the details.
		await tx.execute(sql`update record_versions set data = (data - 'roleAtVenue' - 'language') || '{"answers": {}}'::jsonb
			where entity = 'screenedPerson' and record_id = ${personId}`);
		const referralIds = referred.map((r) => r.id);
		if (referralIds.length) {
			await tx
				.update(recordVersions)
				.set({ data: sql`${recordVersions.data} || '{"urgentNeeds": "", "notes": ""}'::jsonb` })
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

		const scope = { teamId: person.teamId, userId: person.createdBy, restricted: true };
		await appendChanges(tx, [
			{ entity: 'screenedPerson', recordId: personId, op: 'upsert', version, ...scope },
			...referred.map((r) => ({ entity: 'referral' as const, recordId: r.id, op: 'upsert' as const, version: Number(r.version), ...scope }))
		]);
		await appendAudit(tx, {
			userId: how.actorId,
			action: how.action,
			entity: 'screenedPerson',
			recordId: personId,
			summary: `referrals=${referralIds.length} reason=${how.reason.slice(0, 200)}`
		});
		return true;
	});
}
