/** Text shown to people in the field: every label exists in all three working languages. */
import { z } from 'zod';

// Albanian and Serbian are Kosovo's official languages; English is the international partners' one.
export const locales = ['en', 'sq', 'sr'] as const;
export type Locale = (typeof locales)[number];

export const textSchema = z.object({
	en: z.string().min(1),
	sq: z.string().min(1),
	sr: z.string().min(1)
});
export type Text = z.infer<typeof textSchema>;

export function localize(text: Text, locale: Locale): string {
	return text[locale];
}

/** Shorthand for data files, which hold hundreds of these (Serbian in Latin script). */
export function text(en: string, sq: string, sr: string): Text {
	return { en, sq, sr };
}
