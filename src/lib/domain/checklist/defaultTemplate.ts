/**
 * The default joint-inspection checklist (docs/DOMAIN.md): a venue part the team observes and a person
 * part asked privately and recorded anonymously. Parsed at load, so an invalid edit fails loudly.
 */
import { text } from '../text.ts';
import { templateSchema, type ChecklistTemplate } from './template.ts';
import { venueSections } from './default/venue.ts';
import { personProfileSection } from './default/personProfile.ts';
import { personIndicatorSections } from './default/personIndicators.ts';

export const defaultTemplate: ChecklistTemplate = templateSchema.parse({
	id: '6f1c2a8e-3d4b-4c5e-9a7f-1b2c3d4e5f60',
	// Version 2 asks catalogue version 2's concepts; records begun with version 1 keep it.
	version: 2,
	catalogueVersion: 2,
	title: text(
		'Joint inspection: labour conditions and trafficking indicators',
		'Inspektim i përbashkët: kushtet e punës dhe treguesit e trafikimit',
		'Zajednička inspekcija: uslovi rada i pokazatelji trgovine ljudima'
	),
	sections: [...venueSections, personProfileSection, ...personIndicatorSections]
});
