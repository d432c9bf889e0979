/**
 * A person's own answers on the question cards (domain/personInfo/cards.ts), written like the
 * inspector's: the answer and the record of what the person read (language, text version, the
 * items they answered) in one Dexie transaction with the outbox entry.
 */
import type { LocalDb } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import { cardAnswerValue, type CardChoice } from '../../domain/personInfo/cards.ts';
import type { PersonLanguage } from '../../domain/personInfo/languages.ts';
import type { SelfAnswered } from '../../domain/personInfo/selfAnswered.ts';
import { screenedPersonData } from '../../domain/records/personProfile.ts';
import type { ScreenedPersonRecord } from './persons.ts';

export type CardReading = { language: PersonLanguage; textVersion: number };

export async function answerCard(
	db: LocalDb,
	userId: string,
	personId: string,
	itemId: string,
	choice: CardChoice,
	reading: CardReading
): Promise<void> {
	const table = db.records('screenedPerson');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const person = (await table.get(personId)) as ScreenedPersonRecord | undefined;
		if (!person) throw new Error(`no person ${personId} on this device`);
		const answers = { ...person.answers, [itemId]: cardAnswerValue(choice) };
		await recordLocalChange(db, {
			entity: 'screenedPerson',
			id: personId,
			data: {
				...screenedPersonData(person.inspectionId, answers),
				selfAnswered: selfAnsweredAfter(person.selfAnswered ?? null, itemId, reading)
			},
			userId
		});
	});
}

/**
 * The record after one more card: the items answered in the same language and version are kept;
 * a new reading (another language, newer texts) starts the list again, because one record names
 * one language and one version.
 */
export function selfAnsweredAfter(held: SelfAnswered | null, itemId: string, reading: CardReading): SelfAnswered {
	const same = held && held.language === reading.language && held.textVersion === reading.textVersion;
	const items = same ? held.items.filter((id) => id !== itemId) : [];
	return { ...reading, items: [...items, itemId] };
}
