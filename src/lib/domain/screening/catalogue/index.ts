/**
 * The indicator catalogue in use (the model is in ../indicators.ts): the ILO/EC 2009 list for
 * adults and labour exploitation, as one versioned catalogue.
 */
import type { Indicator, IndicatorCatalogue, IndicatorId } from '../indicators.ts';
import { adultLabourRecruitment } from './adultLabourRecruitment.ts';
import { adultLabourDestination } from './adultLabourDestination.ts';

export const indicatorCatalogue: IndicatorCatalogue = {
	version: 1,
	source:
		'ILO and European Commission, "Operational indicators of trafficking in human beings: ' +
		'results from a Delphi survey", March 2009, revised September 2009 (texts paraphrased)',
	indicators: [...adultLabourRecruitment, ...adultLabourDestination]
};

const byId = new Map(indicatorCatalogue.indicators.map((indicator) => [indicator.id, indicator]));

export function indicatorById(id: IndicatorId): Indicator | undefined {
	return byId.get(id);
}
