/**
 * Texts shown to a person in their own language: their rights, the words of the card screen and
 * the question cards. They are versioned data an admin edits, not interface messages: an edit
 * adds a new version and the old one stays, so a person's record can say what they read.
 *
 * Versions count per language: an edit of any text of a language takes that language's next
 * number. The texts of a language "at version N" are, per text, its newest version not above N,
 * so one number on a person's record names everything they were shown.
 */
import { z } from 'zod';
import { personLanguages, type PersonLanguage } from './languages.ts';
import { questionCardItemIds } from './cards.ts';

export const personTextKinds = ['rights', 'label', 'card'] as const;
export type PersonTextKind = (typeof personTextKinds)[number];

/** What the rights screen says, in this order (docs/DOMAIN.md, "Information in the person's language"). */
export const rightsKeys = [
	'intro',
	'free_help',
	'confidential',
	'reflection_period',
	'not_punished',
	'helpline'
] as const;
/** The words of the screen itself, in the person's language. */
export const labelKeys = [
	'rights_title',
	'start_questions',
	'questions_intro',
	'yes',
	'no',
	'unclear',
	'back',
	'done'
] as const;

export const keysOf: Record<PersonTextKind, readonly string[]> = {
	rights: rightsKeys,
	label: labelKeys,
	card: questionCardItemIds
};

export const TEXT_MAX = 2000;

/** A text as it travels to devices (domain/sync/wireFields.ts `personText`). */
export const personTextRecordSchema = z.object({
	id: z.uuid(),
	kind: z.enum(personTextKinds),
	key: z.string(),
	language: z.enum(personLanguages),
	textVersion: z.number().int().min(1),
	text: z.string(),
	reviewed: z.boolean()
});
export type PersonText = z.infer<typeof personTextRecordSchema>;

/** An admin's new version of one text. */
export const personTextEditSchema = z
	.object({
		kind: z.enum(personTextKinds),
		key: z.string().trim().min(1),
		language: z.enum(personLanguages),
		text: z.string().trim().min(1, 'the text is empty').max(TEXT_MAX)
	})
	.superRefine((edit, ctx) => {
		if (!keysOf[edit.kind].includes(edit.key))
			ctx.addIssue({ code: 'custom', path: ['key'], message: `no ${edit.kind} text is called "${edit.key}"` });
	});
export type PersonTextEdit = z.infer<typeof personTextEditSchema>;

/** The texts of one language at a version (by default the newest), by `kind:key`. */
export type TextSet = { language: PersonLanguage; version: number; texts: Map<string, PersonText> };

export const textKey = (kind: PersonTextKind, key: string): string => `${kind}:${key}`;

export function latestVersion(texts: readonly PersonText[], language: PersonLanguage): number {
	return texts.reduce((top, t) => (t.language === language && t.textVersion > top ? t.textVersion : top), 0);
}

export function textSetAt(texts: readonly PersonText[], language: PersonLanguage, version?: number): TextSet {
	const at = version ?? latestVersion(texts, language);
	const chosen = new Map<string, PersonText>();
	for (const t of texts) {
		if (t.language !== language || t.textVersion > at) continue;
		const key = textKey(t.kind, t.key);
		const held = chosen.get(key);
		if (!held || held.textVersion < t.textVersion) chosen.set(key, t);
	}
	return { language, version: at, texts: chosen };
}

export function textOf(set: TextSet, kind: PersonTextKind, key: string): PersonText | undefined {
	return set.texts.get(textKey(kind, key));
}

/** Whether any text of the set still waits for a qualified translator's check. */
export const hasUnreviewed = (set: TextSet): boolean => [...set.texts.values()].some((t) => !t.reviewed);

/** Languages that have texts on this device, in the order of `personLanguages`. */
export const languagesWithTexts = (texts: readonly PersonText[]): PersonLanguage[] =>
	personLanguages.filter((language) => texts.some((t) => t.language === language));
