/**
 * Catalogue version 2: the four lists of the ILO/EC 2009 publication over one set of concepts, so
 * that a question asked once counts in every list that holds its indicator, each with the list's
 * own strength. Version 1 (adults × labour only) stays for the records screened with it.
 */
import type {
	Concept,
	ConceptKey,
	Dimension,
	EvidenceBasis,
	Indicator,
	IndicatorCatalogue,
	ListId,
	Strength
} from '../../indicators.ts';
import { dimensions } from '../../indicators.ts';
import { adultLabourRecruitment } from '../adultLabourRecruitment.ts';
import { adultLabourDestination } from '../adultLabourDestination.ts';
import type { ListRow } from './listTable.ts';
import { adultLabour } from './adultLabour.ts';
import { adultSexual } from './adultSexual.ts';
import { childLabour } from './childLabour.ts';
import { childSexual } from './childSexual.ts';

export const CATALOGUE_V2 = 2;

// The concepts' wording is version 1's (adults × labour holds every concept the other lists use
// as far as the sources show), so each text is written once.
export const concepts: Concept[] = [...adultLabourRecruitment, ...adultLabourDestination].map(
	({ id, dimension, text }) => ({ key: id.slice('adult_labour.'.length), dimension, text })
);
const conceptIndex = new Map(concepts.map((concept) => [concept.key, concept]));

export function conceptByKey(key: ConceptKey): Concept | undefined {
	return conceptIndex.get(key);
}

export const lists: Record<ListId, ListRow[]> = {
	adult_labour: adultLabour,
	adult_sexual: adultSexual,
	child_labour: childLabour,
	child_sexual: childSexual
};

/** A list's rows keyed by concept: the strength that concept has in that list, if any. */
const rowIndex = Object.fromEntries(
	Object.entries(lists).map(([list, rows]) => [list, new Map(rows.map((row) => [row.concept, row]))])
) as Record<ListId, Map<ConceptKey, ListRow>>;

export function listRow(list: ListId, concept: ConceptKey): ListRow | undefined {
	return rowIndex[list].get(concept);
}

/** Whether a list rests, row for row, on the publication itself. None does yet (docs/DOMAIN.md). */
export function listVerified(list: ListId): boolean {
	return lists[list].every((row) => row.basis === 'publication');
}

/** The bases a list's rows rest on, weakest last: what the screens say about the list. */
export function listBases(list: ListId): EvidenceBasis[] {
	return [...new Set(lists[list].map((row) => row.basis))];
}

export type ListCount = Record<Dimension, Record<Strength, number>>;

/** Items per dimension and strength: the figures the publication states for each list. */
export function listCounts(list: ListId): ListCount {
	const counts = Object.fromEntries(dimensions.map((d) => [d, { strong: 0, medium: 0, weak: 0 }])) as ListCount;
	for (const row of lists[list]) {
		const concept = conceptIndex.get(row.concept);
		if (concept) counts[concept.dimension][row.strength] += 1;
	}
	return counts;
}

const source =
	'ILO and European Commission, "Operational indicators of trafficking in human beings: results ' +
	'from a Delphi survey", March 2009, revised September 2009 (texts paraphrased; see each row\'s basis)';

/** One list as the screening rule reads a catalogue: indicators with list-qualified ids. */
export function listCatalogue(list: ListId): IndicatorCatalogue {
	const [population, exploitation] = list.split('_') as [Indicator['population'], Indicator['exploitation']];
	return {
		version: CATALOGUE_V2,
		source,
		indicators: lists[list].map((row) => {
			const concept = conceptIndex.get(row.concept)!;
			return {
				id: `${list}.${row.concept}`,
				dimension: concept.dimension,
				strength: row.strength,
				population,
				exploitation,
				text: concept.text
			};
		})
	};
}
