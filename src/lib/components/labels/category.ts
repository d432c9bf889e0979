/**
 * The categories of the person profile that the coverage tables break figures down by. A category
 * the inspector chose is named as the default checklist's option (template text, which travels to
 * the devices), so a report row reads exactly as what was chosen; the codes no option leads to
 * (a report-only column, `other`, `unknown`) have messages of their own. Nationalities are ISO codes,
 * named by labels/country.ts.
 */
import { m } from '$lib/paraglide/messages.js';
import { personProfileSection } from '$lib/domain/checklist/default/personProfile.ts';
import { localized } from '$lib/components/format.ts';
import { nationalityLabel } from './country.ts';

export type Breakdown = 'age_band' | 'sex' | 'nationality' | 'education' | 'recruitment' | 'exploitation_form';

const reportOnly: Partial<Record<Breakdown, Record<string, () => string>>> = {
	sex: { other: m.category_sex_other },
	// A column of the national tables that no checklist option leads to (domain/coverage/report.ts).
	exploitation_form: { removal_of_organs: m.category_exploitation_removal_of_organs }
};

function profileOption(breakdown: Breakdown, code: string) {
	return personProfileSection.items.find((item) => item.id === breakdown)?.options?.find((option) => option.id === code)
		?.label;
}

export function categoryLabel(breakdown: Breakdown, code: string): string {
	if (code === 'unknown') return m.category_unknown();
	if (breakdown === 'nationality') return nationalityLabel(code);
	const own = reportOnly[breakdown]?.[code];
	if (own) return own();
	const option = profileOption(breakdown, code);
	return option ? localized(option) : code;
}
