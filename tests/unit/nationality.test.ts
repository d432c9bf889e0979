import { describe, it, expect } from 'vitest';
import {
	commonCountries,
	countryCodes,
	countryName,
	nationalityAnswers,
	normaliseNationality,
	searchCountries
} from '../../src/lib/domain/records/nationality.ts';
import { templateSchema, validateAnswers, type ChecklistTemplate } from '../../src/lib/domain/checklist/template.ts';
import { answerSections } from '../../src/lib/domain/checklist/answerView.ts';
import { nationalityOf, screenedPersonData } from '../../src/lib/domain/records/personProfile.ts';

const t = (en: string) => ({ en, sq: en, sr: en });
const inspectionId = '3f1d7a52-4c1e-4b8a-9e7b-0c2d4e6f8a10';

/** A person part with a nationality asked as a country, shown only to persons spoken to. */
const countryTemplate: ChecklistTemplate = templateSchema.parse({
	id: '7d0e4c1a-2b3c-4d5e-8f90-1a2b3c4d5e6f',
	version: 1,
	title: t('Country test'),
	sections: [
		{ id: 'venue', scope: 'venue', title: t('Venue'), items: [{ id: 'open', kind: 'yesNo', label: t('Open?') }] },
		{
			id: 'person',
			scope: 'person',
			title: t('Person'),
			items: [
				{ id: 'nationality', kind: 'country', label: t('Nationality'), required: true },
				{
					id: 'from_region',
					kind: 'yesNo',
					label: t('Came through Albania?'),
					showIf: { item: 'nationality', equals: 'XK' }
				}
			]
		}
	]
});

describe('the nationality codes', () => {
	it('are the 249 ISO 3166-1 alpha-2 codes and XK for Kosovo', () => {
		expect(countryCodes).toHaveLength(250);
		expect(new Set(countryCodes).size).toBe(250);
		expect(countryCodes).toContain('XK');
		expect(nationalityAnswers).toContain('unknown');
	});
	it('name every code in English, Albanian and Serbian in Latin script', () => {
		for (const code of countryCodes) {
			for (const language of ['en', 'sq', 'sr'] as const) {
				const name = countryName(code, language);
				expect(name, `${code} ${language}`).toBeTruthy();
				expect(name, `${code} ${language} in Latin script`).not.toMatch(/\p{Script=Cyrillic}/u);
			}
		}
		expect([countryName('XK', 'en'), countryName('XK', 'sq'), countryName('XK', 'sr')]).toEqual([
			'Kosovo',
			'Kosovë',
			'Kosovo'
		]);
		expect(countryName('DE', 'sr')).toBe('Nemačka');
		expect(countryName('kosovo', 'en')).toBeNull();
	});
	it('offer Kosovo, its neighbours and the usual countries of origin first', () => {
		expect(commonCountries).toEqual(['XK', 'AL', 'RS', 'MK', 'ME', 'MD', 'UA', 'RO', 'BG', 'TR']);
	});
});

describe('a nationality written before the codes is read as a code', () => {
	it('reads the old profile’s option ids', () => {
		const old = ['kosovo', 'albania', 'serbia', 'north_macedonia', 'montenegro', 'moldova', 'ukraine', 'unknown'];
		expect(old.map(normaliseNationality)).toEqual(['XK', 'AL', 'RS', 'MK', 'ME', 'MD', 'UA', 'unknown']);
	});
	it('reads country names in English, Albanian and Serbian, whatever the case, accents and punctuation', () => {
		expect(normaliseNationality('SHQIPËRI.')).toBe('AL');
		expect(normaliseNationality('shqiperi')).toBe('AL');
		expect(normaliseNationality('Kosovë')).toBe('XK');
		expect(normaliseNationality('  Moldova ')).toBe('MD');
		expect(normaliseNationality('Severna Makedonija')).toBe('MK');
		expect(normaliseNationality('Nemačka')).toBe('DE');
		expect(normaliseNationality('nemacka')).toBe('DE');
		expect(normaliseNationality('Dominican Republic')).toBe('DO');
		expect(normaliseNationality('Filipine')).toBe('PH');
	});
	it('reads nationality words', () => {
		expect(normaliseNationality('Albanian')).toBe('AL');
		expect(normaliseNationality('shqiptare')).toBe('AL');
		expect(normaliseNationality('Srpkinja')).toBe('RS');
		expect(normaliseNationality('kosovar')).toBe('XK');
		expect(normaliseNationality('Ukrainian')).toBe('UA');
	});
	it('reads a code as a code', () => {
		expect(normaliseNationality('xk')).toBe('XK');
		expect(normaliseNationality('AL')).toBe('AL');
	});
	it('never guesses: what it cannot read is null, to be kept as written', () => {
		expect(normaliseNationality('Martian')).toBeNull();
		expect(normaliseNationality('other')).toBeNull();
		expect(normaliseNationality('Alb')).toBeNull();
		expect(normaliseNationality('')).toBeNull();
		expect(normaliseNationality('ZZ')).toBeNull();
	});
});

describe('finding a country by typing', () => {
	it('finds a country by the start of its name in the reader’s language', () => {
		expect(searchCountries('shqi', 'sq')[0]).toBe('AL');
		expect(searchCountries('Kos', 'sq')[0]).toBe('XK');
	});
	it('finds a country by its name in another of the three languages', () => {
		expect(searchCountries('Germ', 'sq')).toContain('DE');
		expect(searchCountries('nema', 'en')).toContain('DE');
	});
	it('finds a country by a later word of its name, after those that start with it', () => {
		const found = searchCountries('macedonia', 'en');
		expect(found).toContain('MK');
	});
	it('finds a country by its code and ignores accents', () => {
		expect(searchCountries('md', 'en')[0]).toBe('MD');
		expect(searchCountries('shqiperi', 'sq')).toEqual(['AL']);
	});
	it('finds nothing for nothing typed', () => {
		expect(searchCountries('  ', 'en')).toEqual([]);
	});
});

describe('a country item', () => {
	it('takes a code or unknown', () => {
		expect(validateAnswers(countryTemplate, 'person', { nationality: 'XK' })).toEqual({ ok: true });
		expect(validateAnswers(countryTemplate, 'person', { nationality: 'unknown' })).toEqual({ ok: true });
	});
	it('refuses a name, an old option id or a lower-case code, naming the item', () => {
		for (const answer of ['Kosovo', 'kosovo', 'xk', 'ZZ', 3]) {
			const result = validateAnswers(countryTemplate, 'person', { nationality: answer });
			expect(result.ok, String(answer)).toBe(false);
			if (!result.ok) expect(result.errors[0]?.field).toBe('nationality');
		}
	});
	it('is required like any item', () => {
		expect(validateAnswers(countryTemplate, 'person', {})).toEqual({
			ok: false,
			errors: [{ field: 'nationality', message: 'an answer is required' }]
		});
	});
	it('takes no options', () => {
		const result = templateSchema.safeParse({
			...countryTemplate,
			sections: [
				{
					id: 'person',
					scope: 'person',
					title: t('Person'),
					items: [{ id: 'n', kind: 'country', label: t('N'), options: [{ id: 'xk', label: t('Kosovo') }] }]
				}
			]
		});
		expect(result.success).toBe(false);
	});
	it('may be the condition of a later item on a code (the template above), never on a name', () => {
		const bad = templateSchema.safeParse({
			...countryTemplate,
			sections: countryTemplate.sections.map((section) => ({
				...section,
				items: section.items.map((item) =>
					item.showIf ? { ...item, showIf: { item: 'nationality', equals: 'kosovo' } } : item
				)
			}))
		});
		expect(bad.success).toBe(false);
	});
	it('reads back as its code, for the reader’s screen to name', () => {
		const [section] = answerSections(countryTemplate, 'person', { nationality: 'MD' });
		expect(section?.lines[0]?.value).toEqual({ kind: 'country', code: 'MD' });
	});
});

describe('the nationality column of a screened person', () => {
	it('is the code a country item holds', () => {
		expect(screenedPersonData(inspectionId, { nationality: 'UA' }).nationality).toBe('UA');
		expect(nationalityOf({ nationality: 'unknown' })).toBe('unknown');
	});
	it('is read as a code from the old choice and its “other” text', () => {
		expect(nationalityOf({ nationality: 'north_macedonia' })).toBe('MK');
		expect(nationalityOf({ nationality: 'other', nationality_other: 'Rumania' })).toBe('RO');
	});
	it('keeps what cannot be read as written, for an admin to map', () => {
		expect(nationalityOf({ nationality: 'other', nationality_other: ' Atlantis ' })).toBe('Atlantis');
		expect(nationalityOf({ nationality: 'other' })).toBe('other');
		expect(nationalityOf({})).toBe('');
	});
});
