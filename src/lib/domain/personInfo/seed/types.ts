import type { QuestionCardItemId } from '../cards.ts';
import type { labelKeys, rightsKeys } from '../texts.ts';

/** Every text of one language: a seed file that misses one does not type-check. */
export type SeedTexts = {
	rights: Record<(typeof rightsKeys)[number], string>;
	label: Record<(typeof labelKeys)[number], string>;
	card: Record<QuestionCardItemId, string>;
};
