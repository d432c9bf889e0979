/**
 * Nationalities written as free text before the codes that could not be read as a country
 * (domain/records/nationality.ts): listed for an admin with how many persons carry each, and mapped
 * by the admin to a code — the persons are rewritten and the mapping kept, so that what an older
 * app still sends is read the same way. Every mapping is audited (value's code and count, never the
 * text itself: it was written about a person).
 */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/index.ts';
import { nationalityMappings, screenedPersons } from '../db/schema.ts';
import { audited } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { isNationalityAnswer, normaliseNationality, type NationalityAnswer } from '../../domain/records/nationality.ts';
import type { UnmappedNationality } from '../../domain/views/admin.ts';
import { recodeNationality } from './recode.ts';

/** The distinct values that are not a code, most persons first. */
export async function unmappedNationalities(db: Db): Promise<UnmappedNationality[]> {
	const rows = await db
		.select({ written: screenedPersons.nationality, persons: sql<number>`count(*)::int` })
		.from(screenedPersons)
		.where(and(isNull(screenedPersons.deletedAt), ne(screenedPersons.nationality, '')))
		.groupBy(screenedPersons.nationality);
	return rows
		.filter((row) => !isNationalityAnswer(row.written))
		.sort((a, b) => b.persons - a.persons || a.written.localeCompare(b.written));
}

/** The code a written nationality stands for: read by the built-in rules, else by an admin's mapping. */
export async function readNationality(db: Db | Tx, written: string): Promise<NationalityAnswer | null> {
	if (written.trim() === '') return null;
	const read = normaliseNationality(written);
	if (read) return read;
	const [mapped] = await db
		.select({ code: nationalityMappings.code })
		.from(nationalityMappings)
		.where(eq(nationalityMappings.written, written));
	return mapped && isNationalityAnswer(mapped.code) ? mapped.code : null;
}

/** The nationality to store for what a device sent: its code when it can be read, else as sent. */
export async function storedNationality(db: Db, sent: string): Promise<string> {
	return (await readNationality(db, sent)) ?? sent;
}

/** Maps one written value to a code; returns how many persons were rewritten. */
export async function mapNationality(db: Db, actorId: string, written: string, code: string): Promise<number> {
	if (!isNationalityAnswer(code)) {
		throw new UserInputError('code', 'choose a country (ISO 3166-1 alpha-2 code, XK for Kosovo) or unknown');
	}
	if (written === '' || isNationalityAnswer(written)) {
		throw new UserInputError('written', 'this value is already a country code');
	}
	return db.transaction(async (tx) => {
		await tx
			.insert(nationalityMappings)
			.values({ written, code, mappedBy: actorId })
			.onConflictDoUpdate({
				target: nationalityMappings.written,
				set: { code, mappedBy: actorId, mappedAt: new Date() }
			});
		const persons = await recodeNationality(tx, written, code, actorId);
		await audited(tx, {
			userId: actorId,
			action: 'nationality.map',
			entity: 'screenedPerson',
			summary: `code=${code} persons=${persons}`
		});
		return persons;
	});
}
