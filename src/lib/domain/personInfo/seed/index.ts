/**
 * The texts a new server starts with (version 1 of each language), written for Kontrolla and not
 * yet checked by a qualified translator: every one is seeded unreviewed, and the person's screen
 * and the admin list say so until an admin marks it reviewed (server/personInfo/texts.ts).
 */
import { personLanguages, type PersonLanguage } from '../languages.ts';
import { keysOf, personTextKinds, type PersonTextKind } from '../texts.ts';
import type { SeedTexts } from './types.ts';
import { bg } from './bg.ts';
import { en } from './en.ts';
import { ro } from './ro.ts';
import { ru } from './ru.ts';
import { sq } from './sq.ts';
import { sr } from './sr.ts';
import { tr } from './tr.ts';
import { uk } from './uk.ts';

export const seedTexts: Record<PersonLanguage, SeedTexts> = { sq, sr, en, ro, ru, uk, bg, tr };

export type SeedRow = { kind: PersonTextKind; key: string; language: PersonLanguage; text: string };

/** Every seed text as one row, in a stable order. */
export function seedRows(): SeedRow[] {
	return personLanguages.flatMap((language) =>
		personTextKinds.flatMap((kind) =>
			keysOf[kind].map((key) => ({
				kind,
				key,
				language,
				text: (seedTexts[language][kind] as Record<string, string>)[key]!
			}))
		)
	);
}
