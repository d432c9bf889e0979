import { describe, it, expect } from 'vitest';
import { ageBands, dimensionPresent, isMinorAgeBand, screenPerson } from '../../src/lib/domain/screening/screen.ts';
import type { IndicatorCatalogue } from '../../src/lib/domain/screening/indicators.ts';

// Pairs that make each dimension present, from the adult labour list.
const deceptiveRecruitment = ['adult_labour.deceptive.nature_of_job', 'adult_labour.deceptive.wages'];
const coerciveRecruitment = ['adult_labour.coercive.violence_on_victim', 'adult_labour.coercive.debt_bondage'];
const vulnerableRecruitment = [
	'adult_labour.vulnerable_recruitment.difficult_family_situation',
	'adult_labour.vulnerable_recruitment.lack_of_education',
	'adult_labour.vulnerable_recruitment.economic_reasons'
];
const exploitation = ['adult_labour.exploitative.excessive_hours', 'adult_labour.exploitative.low_or_no_wages'];
const coercion = ['adult_labour.coercion.confiscation_of_documents', 'adult_labour.coercion.threat_of_violence'];
const vulnerableDestination = [
	'adult_labour.vulnerable_destination.dependency_on_exploiters',
	'adult_labour.vulnerable_destination.unfamiliar_surroundings',
	'adult_labour.vulnerable_destination.relationship_with_authorities'
];

const adult = (indicatorIds: string[]) => screenPerson({ indicatorIds, isChild: false });
const child = (indicatorIds: string[]) => screenPerson({ indicatorIds, isChild: true });

describe('a dimension is present when its indicators reach the ILO/EC threshold', () => {
	it('is present with two strong indicators', () => {
		expect(dimensionPresent(['strong', 'strong'])).toBe(true);
	});
	it('is not present with one strong indicator alone', () => {
		expect(dimensionPresent(['strong'])).toBe(false);
	});
	it('is present with one strong and one medium indicator', () => {
		expect(dimensionPresent(['strong', 'medium'])).toBe(true);
	});
	it('is present with one strong and one weak indicator', () => {
		expect(dimensionPresent(['weak', 'strong'])).toBe(true);
	});
	it('is present with three medium indicators', () => {
		expect(dimensionPresent(['medium', 'medium', 'medium'])).toBe(true);
	});
	it('is not present with two medium indicators', () => {
		expect(dimensionPresent(['medium', 'medium'])).toBe(false);
	});
	it('is present with two medium and one weak indicator', () => {
		expect(dimensionPresent(['medium', 'weak', 'medium'])).toBe(true);
	});
	it('is not present with one medium and two weak indicators', () => {
		expect(dimensionPresent(['medium', 'weak', 'weak'])).toBe(false);
	});
	it('is not present with weak indicators alone, however many', () => {
		expect(dimensionPresent(['weak', 'weak', 'weak', 'weak'])).toBe(false);
	});
	it('is not present with no indicators', () => {
		expect(dimensionPresent([])).toBe(false);
	});
});

describe('an adult is a possible victim with recruitment, exploitation and coercion', () => {
	it('is a possible victim with deceptive recruitment, exploitation and coercion at destination', () => {
		const screening = adult([...deceptiveRecruitment, ...exploitation, ...coercion]);
		expect(screening.result).toBe('possible_victim');
		expect(screening.dimensionsPresent).toEqual([1, 4, 5]);
		expect(screening.elements).toEqual({ recruitment: true, exploitation: true, coercion: true });
	});
	it('counts coercive recruitment (dimension 2) as recruitment', () => {
		expect(adult([...coerciveRecruitment, ...exploitation, ...coercion]).result).toBe('possible_victim');
	});
	it('counts recruitment by abuse of vulnerability (dimension 3) as recruitment', () => {
		expect(adult([...vulnerableRecruitment, ...exploitation, ...coercion]).result).toBe('possible_victim');
	});
	it('counts abuse of vulnerability at destination (dimension 6) as coercion', () => {
		const screening = adult([...deceptiveRecruitment, ...exploitation, ...vulnerableDestination]);
		expect(screening.result).toBe('possible_victim');
		expect(screening.dimensionsPresent).toEqual([1, 4, 6]);
	});
	it('has indicators present, not a possible victim, without coercion', () => {
		const screening = adult([...deceptiveRecruitment, ...exploitation]);
		expect(screening.result).toBe('indicators_present');
		expect(screening.elements).toEqual({ recruitment: true, exploitation: true, coercion: false });
	});
	it('has indicators present without exploitation', () => {
		expect(adult([...deceptiveRecruitment, ...coercion]).result).toBe('indicators_present');
	});
	it('has indicators present without recruitment', () => {
		expect(adult([...exploitation, ...coercion]).result).toBe('indicators_present');
	});
	it('is not a possible victim when one dimension falls just short of its threshold', () => {
		// Exploitation with one strong indicator only: the other two elements are there.
		const screening = adult([...deceptiveRecruitment, exploitation[0]!, ...coercion]);
		expect(screening.result).toBe('indicators_present');
		expect(screening.dimensionsPresent).toEqual([1, 5]);
	});
	it('has indicators present with a single indicator answered yes', () => {
		const screening = adult(['adult_labour.exploitative.hazardous_work']);
		expect(screening.result).toBe('indicators_present');
		expect(screening.dimensionsPresent).toEqual([]);
	});
	it('has no indicators when nothing was answered yes', () => {
		expect(adult([])).toEqual({
			dimensionsPresent: [],
			result: 'no_indicators',
			elements: { recruitment: false, exploitation: false, coercion: false }
		});
	});
	it('counts an indicator answered twice only once', () => {
		const twice = 'adult_labour.exploitative.hazardous_work';
		expect(adult([twice, twice, 'adult_labour.exploitative.bad_living_conditions']).dimensionsPresent).toEqual([]);
	});
	it('refuses an indicator the catalogue does not know', () => {
		expect(() => adult(['adult_labour.exploitative.made_up'])).toThrow(/unknown indicator/);
	});
	it('screens against the catalogue it is given', () => {
		const catalogue: IndicatorCatalogue = {
			version: 2,
			source: 'test',
			indicators: [
				{
					id: 'adult_labour.exploitative.a',
					dimension: 4,
					strength: 'strong',
					population: 'adult',
					exploitation: 'labour',
					text: { en: 'a', sq: 'a', sr: 'a' }
				},
				{
					id: 'adult_labour.exploitative.b',
					dimension: 4,
					strength: 'strong',
					population: 'adult',
					exploitation: 'labour',
					text: { en: 'b', sq: 'b', sr: 'b' }
				}
			]
		};
		const screening = screenPerson(
			{ indicatorIds: ['adult_labour.exploitative.a', 'adult_labour.exploitative.b'], isChild: false },
			catalogue
		);
		expect(screening.dimensionsPresent).toEqual([4]);
	});
});

describe('a child is a possible victim with recruitment and exploitation alone', () => {
	it('is a possible victim without any means of coercion', () => {
		const screening = child([...deceptiveRecruitment, ...exploitation]);
		expect(screening.result).toBe('possible_victim');
		expect(screening.elements.coercion).toBe(false);
	});
	it('is a possible victim with coercion as well', () => {
		expect(child([...deceptiveRecruitment, ...exploitation, ...coercion]).result).toBe('possible_victim');
	});
	it('has indicators present without exploitation', () => {
		expect(child([...deceptiveRecruitment, ...coercion]).result).toBe('indicators_present');
	});
	it('has indicators present without recruitment', () => {
		expect(child([...exploitation, ...coercion]).result).toBe('indicators_present');
	});
	it('has no indicators when nothing was answered yes', () => {
		expect(child([]).result).toBe('no_indicators');
	});
});

describe('age bands', () => {
	it('are the bands of the national reports, with under 14 and unknown added', () => {
		expect(ageBands).toEqual([
			'under_14',
			'14_17',
			'18_22',
			'23_25',
			'26_30',
			'31_35',
			'36_40',
			'41_50',
			'over_50',
			'unknown'
		]);
	});
	it('under 14 and 14–17 are minors', () => {
		expect(isMinorAgeBand('under_14')).toBe(true);
		expect(isMinorAgeBand('14_17')).toBe(true);
	});
	it('18–22 and older bands are adults', () => {
		expect(ageBands.filter((band) => band !== 'unknown' && !isMinorAgeBand(band))).toHaveLength(7);
		expect(isMinorAgeBand('18_22')).toBe(false);
	});
	it('an unknown age is not a minor band', () => {
		expect(isMinorAgeBand('unknown')).toBe(false);
	});
});
