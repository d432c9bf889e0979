import { describe, it, expect } from 'vitest';
import { indicatorCatalogueSchema, type Dimension, type Strength } from '../../src/lib/domain/screening/indicators.ts';
import { indicatorById, indicatorCatalogue } from '../../src/lib/domain/screening/catalogue/index.ts';
import { localize } from '../../src/lib/domain/text.ts';

const adultLabour = indicatorCatalogue.indicators.filter(
	(indicator) => indicator.population === 'adult' && indicator.exploitation === 'labour'
);
const count = (dimension: Dimension, strength: Strength) =>
	adultLabour.filter((i) => i.dimension === dimension && i.strength === strength).length;

describe('the adult labour-exploitation list matches the ILO/EC publication', () => {
	it('has 67 indicators', () => {
		expect(adultLabour).toHaveLength(67);
	});
	it.each([
		[1, 'deceptive recruitment', 1, 8, 1],
		[2, 'coercive recruitment', 1, 9, 0],
		[3, 'recruitment by abuse of vulnerability', 0, 14, 2],
		[4, 'exploitative conditions of work', 1, 7, 1],
		[5, 'coercion at destination', 4, 10, 1],
		[6, 'abuse of vulnerability at destination', 0, 5, 2]
	] as const)('dimension %i (%s) has %i strong, %i medium and %i weak', (dimension, _name, strong, medium, weak) => {
		expect(count(dimension, 'strong')).toBe(strong);
		expect(count(dimension, 'medium')).toBe(medium);
		expect(count(dimension, 'weak')).toBe(weak);
	});
	it('rates deception about the nature of the job and excessive hours as strong', () => {
		expect(indicatorById('adult_labour.deceptive.nature_of_job')?.strength).toBe('strong');
		expect(indicatorById('adult_labour.exploitative.excessive_hours')?.strength).toBe('strong');
	});
	it('rates confiscation of documents medium during recruitment and strong at destination', () => {
		expect(indicatorById('adult_labour.coercive.confiscation_of_documents')?.strength).toBe('medium');
		expect(indicatorById('adult_labour.coercion.confiscation_of_documents')?.strength).toBe('strong');
	});
});

describe('the indicator catalogue', () => {
	it('passes its schema, every text in English, Albanian and Serbian', () => {
		expect(() => indicatorCatalogueSchema.parse(indicatorCatalogue)).not.toThrow();
	});
	it('is version 1 and names its source', () => {
		expect(indicatorCatalogue.version).toBe(1);
		expect(indicatorCatalogue.source).toMatch(/Operational indicators of trafficking in human beings/);
	});
	it('gives every indicator a unique id', () => {
		const ids = indicatorCatalogue.indicators.map((indicator) => indicator.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
	it('names the list and the dimension in every id', () => {
		const indicator = indicatorById('adult_labour.vulnerable_destination.dependency_on_exploiters');
		expect(indicator).toMatchObject({ dimension: 6, population: 'adult', exploitation: 'labour' });
	});
	it('finds nothing for an unknown id', () => {
		expect(indicatorById('adult_labour.deceptive.nothing')).toBeUndefined();
	});
});

describe('localized text', () => {
	it('picks the text of the requested language', () => {
		const text = { en: 'Wages withheld', sq: 'Mbajtja e pagës', sr: 'Zadržavanje plate' };
		expect(localize(text, 'en')).toBe('Wages withheld');
		expect(localize(text, 'sq')).toBe('Mbajtja e pagës');
		expect(localize(text, 'sr')).toBe('Zadržavanje plate');
	});
});
