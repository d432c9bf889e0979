/**
 * The languages a person met in a venue may read their rights and the question cards in
 * (docs/DOMAIN.md, "Information in the person's language"). Each is named in itself, because the
 * person picks their own language from the list, whatever language the phone's interface is in.
 */
export const personLanguages = ['sq', 'sr', 'en', 'ro', 'ru', 'uk', 'bg', 'tr'] as const;
export type PersonLanguage = (typeof personLanguages)[number];

export const languageNames: Record<PersonLanguage, string> = {
	sq: 'Shqip',
	sr: 'Srpski',
	en: 'English',
	ro: 'Română',
	ru: 'Русский',
	uk: 'Українська',
	bg: 'Български',
	tr: 'Türkçe'
};

export const isPersonLanguage = (value: string): value is PersonLanguage =>
	(personLanguages as readonly string[]).includes(value);
