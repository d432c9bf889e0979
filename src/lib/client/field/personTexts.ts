/** The texts and helplines shown to a person, as the device last pulled them (works offline). */
import type { LocalDb } from '../db.ts';
import { personTextRecordSchema, type PersonText } from '../../domain/personInfo/texts.ts';
import { helplineRecordSchema, type Helpline } from '../../domain/personInfo/helplines.ts';

export type PersonInfoData = { texts: PersonText[]; helplines: Helpline[] };

/** A malformed row is skipped rather than shown. */
export async function personInfoData(db: LocalDb): Promise<PersonInfoData> {
	const texts = (await db.records('personText').toArray()).flatMap((row) => {
		const parsed = personTextRecordSchema.safeParse(row);
		return parsed.success ? [parsed.data] : [];
	});
	const helplines = (await db.records('helpline').toArray())
		.flatMap((row) => {
			const parsed = helplineRecordSchema.safeParse(row);
			return parsed.success ? [parsed.data] : [];
		})
		.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
	return { texts, helplines };
}
