/** Builds one of the publication's lists from compact entries, giving every indicator a stable id. */
import type { Text } from '../../text.ts';
import type { Dimension, ExploitationForm, Indicator, Population, Strength } from '../indicators.ts';

export interface IndicatorEntry {
	key: string;
	dimension: Dimension;
	strength: Strength;
	text: Text;
}

// Ids are stored in screened-person records, so they name the list, dimension and meaning
// rather than a position that a revised list would shift.
const dimensionSlugs: Record<Dimension, string> = {
	1: 'deceptive',
	2: 'coercive',
	3: 'vulnerable_recruitment',
	4: 'exploitative',
	5: 'coercion',
	6: 'vulnerable_destination'
};

export function indicatorList(
	population: Population,
	exploitation: ExploitationForm,
	entries: IndicatorEntry[]
): Indicator[] {
	return entries.map(({ key, dimension, strength, text }) => ({
		id: `${population}_${exploitation}.${dimensionSlugs[dimension]}.${key}`,
		dimension,
		strength,
		population,
		exploitation,
		text
	}));
}
