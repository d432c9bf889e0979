/**
 * Countries in the reader's language (domain/records/countryNames.ts, CLDR's names shipped with
 * the app). A nationality that is not a code — written before the codes and not yet mapped by an
 * admin — is shown as it was written.
 */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { commonCountries, countryCodes, countryName, UNKNOWN_NATIONALITY } from '$lib/domain/records/nationality.ts';
import { intlLocale } from '$lib/components/format.ts';

export function nationalityLabel(value: string): string {
	if (value === UNKNOWN_NATIONALITY || value === '') return m.category_unknown();
	return countryName(value, getLocale()) ?? value;
}

/** Every choice of a nationality: the usual countries first, then all the others by name, then unknown. */
export function nationalityOptions(): { value: string; label: string }[] {
	const language = getLocale();
	const usual = new Set<string>(commonCountries);
	const others = countryCodes
		.filter((code) => !usual.has(code))
		.map((code) => ({ value: code, label: countryName(code, language) ?? code }))
		.sort((a, b) => a.label.localeCompare(b.label, intlLocale()));
	return [
		...commonCountries.map((code) => ({ value: code, label: nationalityLabel(code) })),
		...others,
		{ value: UNKNOWN_NATIONALITY, label: m.category_unknown() }
	];
}
