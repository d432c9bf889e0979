/** What the screening of a person concluded, and how strong an indicator is. */
import { m } from '$lib/paraglide/messages.js';
import type { ScreeningResult } from '$lib/domain/screening/screen.ts';
import type { ListId, Strength } from '$lib/domain/screening/indicators.ts';
import { labelFrom, type Messages } from './label.ts';

const resultMessages: Messages<ScreeningResult> = {
	no_indicators: m.person_result_no_indicators,
	indicators_present: m.person_result_indicators_present,
	possible_victim: m.person_result_possible_victim
};

export function screeningResultLabel(result: string): string {
	return labelFrom(resultMessages, result);
}

const strengthMessages: Messages<Strength> = {
	strong: m.person_strength_strong,
	medium: m.person_strength_medium,
	weak: m.person_strength_weak
};

export function strengthLabel(strength: Strength): string {
	return strengthMessages[strength]();
}

const listMessages: Messages<ListId> = {
	adult_labour: m.screening_list_adult_labour,
	adult_sexual: m.screening_list_adult_sexual,
	child_labour: m.screening_list_child_labour,
	child_sexual: m.screening_list_child_sexual
};

/** One of the publication's four lists, by population and form of exploitation. */
export function listLabel(list: string): string {
	return labelFrom(listMessages, list);
}
