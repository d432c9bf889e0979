/** What the screening of a person concluded, and how strong an indicator is. */
import { m } from '$lib/paraglide/messages.js';
import type { ScreeningResult } from '$lib/domain/screening/screen.ts';
import type { Strength } from '$lib/domain/screening/indicators.ts';
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
