/**
 * What a screened person answered themselves on the question cards: the language and the text
 * version they read (personInfo/texts.ts), and the items the cards answered ("said by the person").
 */
import { z } from 'zod';
import { personLanguages } from './languages.ts';

export const selfAnsweredSchema = z.object({
	language: z.enum(personLanguages),
	textVersion: z.number().int().min(1).max(1_000_000),
	items: z.array(z.string().min(1).max(80)).max(200)
});
export type SelfAnswered = z.infer<typeof selfAnsweredSchema>;
