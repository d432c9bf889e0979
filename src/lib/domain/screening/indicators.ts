/**
 * The model of the indicator catalogue: ILO/European Commission, "Operational indicators of
 * trafficking in human beings" (Delphi survey, March 2009, revised September 2009). Kept as
 * versioned data so a corrected list is a new catalogue version, never a change to the screening
 * rule. The catalogue itself is in catalogue/index.ts.
 */
import { z } from 'zod';
import { text, textSchema, type Text } from '../text.ts';

/** The publication's six dimensions, each one element of the Palermo Protocol's definition. */
export const dimensions = [1, 2, 3, 4, 5, 6] as const;
export type Dimension = (typeof dimensions)[number];

export const dimensionNames: Record<Dimension, Text> = {
	1: text('Deceptive recruitment', 'Rekrutim me mashtrim', 'Vrbovanje obmanom'),
	2: text('Coercive recruitment', 'Rekrutim me shtrëngim', 'Vrbovanje prinudom'),
	3: text(
		'Recruitment by abuse of vulnerability',
		'Rekrutim me keqpërdorim të cenueshmërisë',
		'Vrbovanje zloupotrebom ranjivosti'
	),
	4: text('Exploitative conditions of work', 'Kushte shfrytëzuese pune', 'Eksploatatorski uslovi rada'),
	5: text('Coercion at destination', 'Shtrëngim në vendin e destinacionit', 'Prinuda na odredištu'),
	6: text(
		'Abuse of vulnerability at destination',
		'Keqpërdorim i cenueshmërisë në vendin e destinacionit',
		'Zloupotreba ranjivosti na odredištu'
	)
};

export const strengths = ['strong', 'medium', 'weak'] as const;
export type Strength = (typeof strengths)[number];

/** The publication has four lists: adults and children, for labour and for sexual exploitation. */
export const populations = ['adult', 'child'] as const;
export type Population = (typeof populations)[number];
export const exploitationForms = ['labour', 'sexual'] as const;
export type ExploitationForm = (typeof exploitationForms)[number];

export type IndicatorId = string;

/** The publication's four lists, one per population and form of exploitation. */
export const listIds = ['adult_labour', 'adult_sexual', 'child_labour', 'child_sexual'] as const;
export type ListId = (typeof listIds)[number];

export function listId(population: Population, exploitation: ExploitationForm): ListId {
	return `${population}_${exploitation}`;
}

/**
 * What a list row rests on (docs/DOMAIN.md, "Indicator catalogue"). Only 'publication' counts as
 * verified: read from the publication or two independent faithful copies of it. No row has that
 * yet; the screens show which lists are unverified rather than presenting them as the ILO's.
 * - reproductions: two reproductions that agree item for item, neither independent nor faithful;
 * - single_source: one machine-drafted reproduction;
 * - single_source_claim: a strength one source states for this list, no list seen;
 * - derived: not found in any source; copied from the labour list of the same population.
 */
export const evidenceBases = [
	'publication',
	'reproductions',
	'single_source',
	'single_source_claim',
	'derived'
] as const;
export type EvidenceBasis = (typeof evidenceBases)[number];

/**
 * An indicator as a question can point to it, whatever the list: dimension and meaning
 * (`coercion.forced_tasks_or_clients`). Each list gives the concepts it holds a strength.
 */
export type ConceptKey = string;
export interface Concept {
	key: ConceptKey;
	dimension: Dimension;
	text: Text;
}

export const indicatorSchema = z.object({
	id: z.string().regex(/^(adult|child)_(labour|sexual)\.[a-z_]+\.[a-z_]+$/),
	dimension: z.literal(dimensions),
	strength: z.enum(strengths),
	population: z.enum(populations),
	exploitation: z.enum(exploitationForms),
	text: textSchema
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorCatalogueSchema = z.object({
	version: z.int().min(1),
	source: z.string().min(1),
	indicators: z.array(indicatorSchema)
});
export type IndicatorCatalogue = z.infer<typeof indicatorCatalogueSchema>;
