/**
 * Writes of screened persons on the device. Each answer is saved at once: the record (profile
 * columns derived from the answers) and its outbox entry in one Dexie transaction, with the
 * read of the current answers inside it, so two quick taps never lose one another.
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import type { Answer, Answers } from '../../domain/checklist/template.ts';
import type { ScreenedPersonData } from '../../domain/records/fieldRecords.ts';
import { screenedPersonData } from '../../domain/records/personProfile.ts';
import { timeOrderedId } from './timeOrderedId.ts';

export type ScreenedPersonRecord = LocalRecord & ScreenedPersonData;

export function personsOf(db: LocalDb, inspectionId: string): Promise<ScreenedPersonRecord[]> {
	return db.records('screenedPerson').where('inspectionId').equals(inspectionId).sortBy('id') as unknown as Promise<
		ScreenedPersonRecord[]
	>;
}

/** A new person starts with no answers: sex and age band "unknown" until the inspector chooses. */
export async function addPerson(db: LocalDb, userId: string, inspectionId: string): Promise<string> {
	// Time-ordered, so the cards keep the order in which people were met.
	const id = timeOrderedId();
	await recordLocalChange(db, {
		entity: 'screenedPerson',
		id,
		data: { ...screenedPersonData(inspectionId, {}) },
		userId
	});
	return id;
}

/** An empty answer (cleared text, no choice) removes the item's answer rather than storing "". */
export async function answerPerson(
	db: LocalDb,
	userId: string,
	personId: string,
	itemId: string,
	answer: Answer | null
): Promise<void> {
	const table = db.records('screenedPerson');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const person = (await table.get(personId)) as ScreenedPersonRecord | undefined;
		if (!person) throw new Error(`no person ${personId} on this device`);
		const answers: Answers = { ...person.answers };
		if (isEmpty(answer)) delete answers[itemId];
		else answers[itemId] = answer;
		await recordLocalChange(db, {
			entity: 'screenedPerson',
			id: personId,
			// An unsent entry is replaced by this one: what the person answered on the cards goes with it.
			data: { ...screenedPersonData(person.inspectionId, answers), ...selfAnsweredOf(person) },
			userId
		});
	});
}

export const selfAnsweredOf = (person: ScreenedPersonRecord): Pick<ScreenedPersonData, 'selfAnswered'> =>
	person.selfAnswered ? { selfAnswered: person.selfAnswered } : {};

/** For a person added by mistake; the server keeps the deletion in its history. */
export function removePerson(db: LocalDb, userId: string, personId: string): Promise<void> {
	return recordLocalChange(db, { entity: 'screenedPerson', id: personId, op: 'delete', data: null, userId });
}

function isEmpty(answer: Answer | null): answer is null {
	return (
		answer === null ||
		(typeof answer === 'string' && answer.trim() === '') ||
		(Array.isArray(answer) && answer.length === 0)
	);
}
