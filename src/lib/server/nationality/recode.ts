/**
 * Rewriting the stored nationality of every person recorded with one free-text value to a code. Each
 * person is a synced record devices of the recording team may hold: the write goes through
 * syncedWrite (new version, change-feed row, merge bases), so the phones receive the code and a
 * device editing from the earlier version merges instead of reverting it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/index.ts';
import { inspections, screenedPersons } from '../db/schema.ts';
import { updateSynced } from '../records/syncedWrite.ts';
import type { NationalityAnswer } from '../../domain/records/nationality.ts';

/** Returns how many persons changed. Tombstoned persons keep what they had: nothing counts or shows them. */
export async function recodeNationality(
	tx: Tx,
	written: string,
	code: NationalityAnswer,
	actorId: string | null
): Promise<number> {
	const rows = await tx
		.select({ person: screenedPersons, teamId: inspections.teamId, createdBy: inspections.createdBy })
		.from(screenedPersons)
		.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
		.where(and(eq(screenedPersons.nationality, written), isNull(screenedPersons.deletedAt)))
		.for('update', { of: screenedPersons });
	for (const { person, teamId, createdBy } of rows) {
		await updateSynced(tx, {
			entity: 'screenedPerson',
			id: person.id,
			set: { nationality: code },
			replaces: person,
			mergeBases: { userId: actorId },
			scope: { teamId, userId: createdBy, restricted: true },
			// Audited once for the whole value by the caller.
			audit: null
		});
	}
	return rows.length;
}
