/**
 * What a device says the person answered on the cards must hold together: each item is a yes/no
 * question of the person's template that the record answers, and the text version is one the
 * server has for that language (the record names texts that exist).
 */
import { and, eq, gte } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { personTexts } from '../db/schema.ts';
import type { ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { ScreenedPersonData } from '../../domain/records/fieldRecords.ts';
import { reject } from '../sync/rejection.ts';

export async function checkSelfAnswered(tx: Db, template: ChecklistTemplate, data: ScreenedPersonData): Promise<void> {
	const self = data.selfAnswered;
	if (!self) return;
	const yesNo = new Set(
		template.sections
			.filter((section) => section.scope === 'person')
			.flatMap((section) => section.items)
			.filter((item) => item.kind === 'yesNo' || item.kind === 'indicator')
			.map((item) => item.id)
	);
	self.items.forEach((itemId, i) => {
		if (!yesNo.has(itemId) || !(itemId in data.answers))
			reject(`data.selfAnswered.items.${i}`, 'not a yes/no question of this person that has an answer');
	});
	const [held] = await tx
		.select({ id: personTexts.id })
		.from(personTexts)
		.where(and(eq(personTexts.language, self.language), gte(personTexts.textVersion, self.textVersion)))
		.limit(1);
	if (!held) reject('data.selfAnswered.textVersion', `no texts of version ${self.textVersion} in ${self.language}`);
}
