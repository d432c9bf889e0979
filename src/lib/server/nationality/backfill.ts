/**
 * Brings stored nationalities to codes: every value written before the codes (the old profile's
 * option ids, "other" free text) that the built-in reading or an admin's mapping can read. Runs
 * with the daily maintenance (startup.ts), on PGlite and PostgreSQL alike, and again finds nothing
 * to do once done; values it cannot read stay as written, listed for an admin (mappings.ts).
 */
import { and, isNull, ne } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { screenedPersons } from '../db/schema.ts';
import { audited } from '../records/syncedWrite.ts';
import { isNationalityAnswer } from '../../domain/records/nationality.ts';
import { readNationality } from './mappings.ts';
import { recodeNationality } from './recode.ts';

export type Backfill = { values: number; persons: number };

export async function normaliseStoredNationalities(db: Db): Promise<Backfill> {
	const distinct = await db
		.selectDistinct({ written: screenedPersons.nationality })
		.from(screenedPersons)
		.where(and(isNull(screenedPersons.deletedAt), ne(screenedPersons.nationality, '')));
	const result: Backfill = { values: 0, persons: 0 };
	for (const { written } of distinct) {
		if (isNationalityAnswer(written)) continue;
		const code = await readNationality(db, written);
		if (!code) continue;
		// One transaction per value: a failure leaves the others done and this one for the next run.
		const persons = await db.transaction(async (tx) => {
			const changed = await recodeNationality(tx, written, code, null);
			if (changed > 0) {
				await audited(tx, {
					userId: null,
					action: 'nationality.normalise',
					entity: 'screenedPerson',
					summary: `code=${code} persons=${changed}`
				});
			}
			return changed;
		});
		result.values += 1;
		result.persons += persons;
	}
	return result;
}
