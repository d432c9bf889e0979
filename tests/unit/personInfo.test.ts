/**
 * Information shown to a person in their language: which texts a language shows at a version, how
 * a card's answer is stored, and that every card stands for a question the template asks.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardAnswerValue, cardChoices, questionCardItemIds } from '../../src/lib/domain/personInfo/cards.ts';
import { personLanguages } from '../../src/lib/domain/personInfo/languages.ts';
import {
	hasUnreviewed,
	keysOf,
	latestVersion,
	personTextEditSchema,
	personTextKinds,
	textOf,
	textSetAt,
	type PersonText
} from '../../src/lib/domain/personInfo/texts.ts';
import { seedRows, seedTexts } from '../../src/lib/domain/personInfo/seed/index.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { LocalDb } from '../../src/lib/client/db.ts';
import { addPerson, answerPerson, personsOf } from '../../src/lib/client/field/persons.ts';
import { answerCard, selfAnsweredAfter } from '../../src/lib/client/field/selfAnswers.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';

const text = (language: PersonText['language'], key: string, textVersion: number, reviewed = false): PersonText => ({
	id: crypto.randomUUID(),
	kind: 'card',
	key,
	language,
	textVersion,
	text: `${language} ${key} v${textVersion}`,
	reviewed
});

describe('a card answer is stored as an indicator answer', () => {
	it('yes as yes, no as no', () => {
		expect(cardAnswerValue('yes')).toBe('yes');
		expect(cardAnswerValue('no')).toBe('no');
	});

	it('"I don’t know" as the person’s own unclear answer, never as no and never as not asked', () => {
		expect(cardAnswerValue('unclear')).toBe('unclear');
		expect(new Set(cardChoices.map(cardAnswerValue)).size).toBe(cardChoices.length);
	});
});

describe('the texts of a language at a version', () => {
	const texts = [
		text('ro', 'hurt_here', 1),
		text('ro', 'threatened_here', 1, true),
		text('ro', 'hurt_here', 3),
		text('ru', 'hurt_here', 2),
		text('ro', 'threatened_here', 4)
	];

	it('are, per text, its newest version not above that version', () => {
		const set = textSetAt(texts, 'ro', 3);
		expect(textOf(set, 'card', 'hurt_here')?.textVersion).toBe(3);
		expect(textOf(set, 'card', 'threatened_here')?.textVersion).toBe(1);
	});

	it('are the newest ones when no version is named, the language’s highest number', () => {
		expect(latestVersion(texts, 'ro')).toBe(4);
		const set = textSetAt(texts, 'ro');
		expect(set.version).toBe(4);
		expect(textOf(set, 'card', 'threatened_here')?.textVersion).toBe(4);
	});

	it('never take another language’s text', () => {
		const set = textSetAt(texts, 'ru');
		expect([...set.texts.values()].map((t) => t.language)).toEqual(['ru']);
		expect(textSetAt(texts, 'tr').texts.size).toBe(0);
	});

	it('are marked unreviewed while any of them waits for a translator', () => {
		expect(hasUnreviewed(textSetAt(texts, 'ro', 1))).toBe(true);
		expect(hasUnreviewed({ language: 'ro', version: 1, texts: new Map([['card:x', text('ro', 'x', 1, true)]]) })).toBe(
			false
		);
	});
});

describe('the seed texts', () => {
	it('hold every text in every language, none empty', () => {
		for (const language of personLanguages)
			for (const kind of personTextKinds)
				for (const key of keysOf[kind])
					expect(
						(seedTexts[language][kind] as Record<string, string>)[key]?.trim(),
						`${language} ${kind} ${key}`
					).toBeTruthy();
		expect(seedRows()).toHaveLength(personLanguages.length * personTextKinds.reduce((n, k) => n + keysOf[k].length, 0));
	});

	it('say 90 days for the reflection period in every language', () => {
		for (const language of personLanguages) expect(seedTexts[language].rights.reflection_period).toContain('90');
	});
});

describe('the question cards', () => {
	// The lead's new template may rename items: this names the ones it must keep.
	it('each stand for a yes/no question of the default template’s person part', () => {
		const personItems = defaultTemplate.sections
			.filter((section) => section.scope === 'person')
			.flatMap((section) => section.items);
		for (const itemId of questionCardItemIds) {
			const item = personItems.find((i) => i.id === itemId);
			expect(item, itemId).toBeDefined();
			expect(item?.kind, itemId).toBe('indicator');
		}
	});
});

describe('an admin’s edit of a text', () => {
	it('names the key when no text is called so', () => {
		const parsed = personTextEditSchema.safeParse({ kind: 'card', key: 'no_such_card', language: 'ro', text: 'x' });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues[0]?.path).toEqual(['key']);
	});

	it('names the text when it is empty', () => {
		const parsed = personTextEditSchema.safeParse({ kind: 'card', key: 'hurt_here', language: 'ro', text: '  ' });
		expect(parsed.error?.issues[0]?.path).toEqual(['text']);
	});
});

describe('what the person answered themselves', () => {
	beforeAll(() => holdDataKey(newDataKey()));
	afterAll(() => dropDataKey());
	const userId = '00000000-0000-4000-8000-000000000001';
	const inspectionId = '20000000-0000-4000-8000-000000000001';
	const reading = { language: 'ro', textVersion: 2 } as const;

	it('keeps the items of one reading, and starts again with another language or version', () => {
		const first = selfAnsweredAfter(null, 'hurt_here', reading);
		const second = selfAnsweredAfter(first, 'threatened_here', reading);
		expect(second).toEqual({ language: 'ro', textVersion: 2, items: ['hurt_here', 'threatened_here'] });
		expect(selfAnsweredAfter(second, 'hurt_here', reading).items).toEqual(['threatened_here', 'hurt_here']);
		expect(selfAnsweredAfter(second, 'hurt_here', { language: 'ru', textVersion: 2 }).items).toEqual(['hurt_here']);
	});

	it('is stored with the answer, and an inspector’s later answer does not drop it from the unsent entry', async () => {
		const db = new LocalDb(`person-info-${crypto.randomUUID()}`);
		const personId = await addPerson(db, userId, inspectionId);
		await answerCard(db, userId, personId, 'hurt_here', 'yes', reading);
		await answerCard(db, userId, personId, 'threatened_here', 'unclear', reading);
		await answerPerson(db, userId, personId, 'sex', 'female');

		const [person] = await personsOf(db, inspectionId);
		expect(person?.answers).toMatchObject({ hurt_here: 'yes', threatened_here: 'unclear', sex: 'female' });
		const [entry] = await db.outbox.toArray();
		expect(entry?.data).toMatchObject({
			answers: { hurt_here: 'yes', threatened_here: 'unclear', sex: 'female' },
			selfAnswered: { language: 'ro', textVersion: 2, items: ['hurt_here', 'threatened_here'] }
		});
	});
});
