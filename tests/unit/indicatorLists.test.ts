import { describe, expect, it } from 'vitest';
import {
	concepts,
	conceptByKey,
	listBases,
	listCatalogue,
	listCounts,
	listRow,
	listVerified,
	lists
} from '../../src/lib/domain/screening/catalogue/v2/index.ts';
import { indicatorCatalogueSchema, listIds, type ListId } from '../../src/lib/domain/screening/indicators.ts';
import { dimensionPresent } from '../../src/lib/domain/screening/screen.ts';
import { formsSuspected, listsFor, screenOnLists } from '../../src/lib/domain/screening/screenLists.ts';
import { presumedMinor } from '../../src/lib/domain/screening/screenAnswers.ts';

/** [strong, medium, weak] per dimension 1–6. */
const countsOf = (list: ListId) => Object.values(listCounts(list)).map((c) => [c.strong, c.medium, c.weak] as const);

describe('catalogue version 2 holds the four lists as tables', () => {
	it('adults × labour: 67 items, 10/10/16/9/15/7, 7 strong, 53 medium, 7 weak', () => {
		expect(countsOf('adult_labour')).toEqual([
			[1, 8, 1],
			[1, 9, 0],
			[0, 14, 2],
			[1, 7, 1],
			[4, 10, 1],
			[0, 5, 2]
		]);
		expect(lists.adult_labour).toHaveLength(67);
	});
	it('children × labour: 65 items, 10/10/15/8/15/7, no weak tier', () => {
		expect(countsOf('child_labour')).toEqual([
			[2, 8, 0],
			[4, 6, 0],
			[0, 15, 0],
			[1, 7, 0],
			[8, 7, 0],
			[0, 7, 0]
		]);
		expect(lists.child_labour).toHaveLength(65);
	});
	it('adults × sexual exploitation: the adult labour rows, forced tasks or clients strong', () => {
		expect(countsOf('adult_sexual')).toEqual([
			[1, 8, 1],
			[1, 9, 0],
			[0, 14, 2],
			[1, 7, 1],
			[5, 9, 1],
			[0, 5, 2]
		]);
		expect(listRow('adult_sexual', 'coercion.forced_tasks_or_clients')).toEqual({
			concept: 'coercion.forced_tasks_or_clients',
			strength: 'strong',
			basis: 'single_source_claim'
		});
	});
	it('children × sexual exploitation: the child labour rows, hazardous work strong', () => {
		expect(countsOf('child_sexual')).toEqual([
			[2, 8, 0],
			[4, 6, 0],
			[0, 15, 0],
			[2, 6, 0],
			[8, 7, 0],
			[0, 7, 0]
		]);
		expect(listRow('child_sexual', 'exploitative.hazardous_work')?.strength).toBe('strong');
	});
	it('leaves out of the child lists the two items the source leaves out', () => {
		for (const list of ['child_labour', 'child_sexual'] as const) {
			expect(listRow(list, 'vulnerable_recruitment.false_information_on_law')).toBeUndefined();
			expect(listRow(list, 'exploitative.no_social_protection')).toBeUndefined();
		}
	});
	it('marks every row with what it rests on, and no list as verified', () => {
		expect(listBases('adult_labour')).toEqual(['reproductions']);
		expect(listBases('child_labour')).toEqual(['single_source']);
		expect(listBases('adult_sexual').sort()).toEqual(['derived', 'single_source_claim']);
		expect(listBases('child_sexual').sort()).toEqual(['derived', 'single_source_claim']);
		for (const list of listIds) expect(listVerified(list)).toBe(false);
	});
	it('names only known concepts, each once per list', () => {
		for (const list of listIds) {
			const keys = lists[list].map((row) => row.concept);
			expect(new Set(keys).size).toBe(keys.length);
			for (const key of keys) expect(conceptByKey(key), key).toBeDefined();
		}
		expect(concepts).toHaveLength(67);
	});
	it('gives each list as a catalogue the screening rule reads', () => {
		for (const list of listIds) {
			const catalogue = indicatorCatalogueSchema.parse(listCatalogue(list));
			expect(catalogue.version).toBe(2);
			expect(catalogue.indicators.every((i) => i.id.startsWith(`${list}.`))).toBe(true);
		}
	});
});

describe('the dimension threshold on every boundary', () => {
	it.each([
		[['strong', 'strong'], true],
		[['strong', 'medium'], true],
		[['strong', 'weak'], true],
		[['strong'], false],
		[['medium', 'medium', 'medium'], true],
		[['medium', 'medium', 'weak'], true],
		[['medium', 'medium'], false],
		[['medium', 'weak', 'weak'], false],
		[['weak', 'weak', 'weak'], false]
	] as const)('%j → %s', (strengths, present) => {
		expect(dimensionPresent([...strengths])).toBe(present);
	});
});

describe('which lists a person is screened on', () => {
	it('takes the form of exploitation suspected, both when it is not known', () => {
		expect(formsSuspected('sexual_exploitation')).toEqual(['sexual']);
		expect(formsSuspected('forced_labour')).toEqual(['labour']);
		expect(formsSuspected('forced_begging')).toEqual(['labour']);
		expect(formsSuspected('slavery_servitude')).toEqual(['labour']);
		expect(formsSuspected('other')).toEqual(['sexual', 'labour']);
		expect(formsSuspected(undefined)).toEqual(['sexual', 'labour']);
	});
	it('takes the child lists for a minor band and for an unknown age marked "may be a minor"', () => {
		expect(listsFor(presumedMinor('14_17', {}), ['sexual'])).toEqual(['child_sexual']);
		expect(listsFor(presumedMinor('under_14', {}), ['labour'])).toEqual(['child_labour']);
		expect(listsFor(presumedMinor('unknown', { may_be_minor: 'yes' }), ['sexual', 'labour'])).toEqual([
			'child_sexual',
			'child_labour'
		]);
		expect(listsFor(presumedMinor('unknown', { may_be_minor: 'no' }), ['sexual'])).toEqual(['adult_sexual']);
		expect(listsFor(presumedMinor('18_22', { may_be_minor: 'yes' }), ['labour'])).toEqual(['adult_labour']);
	});
});

describe('the rule on adults and children', () => {
	// Dimension 1: nature of job (strong) + wages (medium). Dimension 4: excessive hours (strong) +
	// low wages (medium). Dimension 5: documents (strong) + threats (medium).
	const recruitment = ['deceptive.nature_of_job', 'deceptive.wages'];
	const exploitation = ['exploitative.excessive_hours', 'exploitative.low_or_no_wages'];
	const coercion = ['coercion.confiscation_of_documents', 'coercion.threat_of_violence'];
	const result = (present: string[], isMinor: boolean, list: ListId) =>
		screenOnLists(present, isMinor, [list])[0]!.result;

	it('needs recruitment, exploitation and coercion for an adult', () => {
		expect(result([...recruitment, ...exploitation, ...coercion], false, 'adult_labour')).toBe('possible_victim');
		expect(result([...recruitment, ...exploitation], false, 'adult_labour')).toBe('indicators_present');
		expect(result([...exploitation, ...coercion], false, 'adult_labour')).toBe('indicators_present');
		expect(result([], false, 'adult_labour')).toBe('no_indicators');
	});
	it('needs no coercion for a child', () => {
		expect(result([...recruitment, ...exploitation], true, 'child_labour')).toBe('possible_victim');
	});
	it('weighs the same answers by each list: forced clients is strong for sexual exploitation only', () => {
		// Forced clients + withheld wages: two medium in adults × labour, strong + medium in adults × sexual.
		const present = [
			...recruitment,
			...exploitation,
			'coercion.forced_tasks_or_clients',
			'coercion.withholding_of_wages'
		];
		expect(result(present, false, 'adult_labour')).toBe('indicators_present');
		expect(result(present, false, 'adult_sexual')).toBe('possible_victim');
	});
	it('reads one recruitment indicator as the act for a child, and coercion at destination as exploitation', () => {
		// The 16-year-old of the issue: promise of marriage, a "lover boy", forced clients, earnings kept.
		const girl = [
			'deceptive.marriage_or_adoption',
			'vulnerable_recruitment.emotional_dependency',
			'coercion.forced_tasks_or_clients',
			'coercion.withholding_of_wages'
		];
		expect(result(girl, true, 'child_sexual')).toBe('possible_victim');
		// An adult with the same answers shows indicators; the threshold is not met for recruitment.
		expect(result(girl, false, 'adult_sexual')).toBe('indicators_present');
		// With no recruitment indicator at all, a child is not yet a possible victim on the rule.
		expect(result(girl.slice(2), true, 'child_sexual')).toBe('indicators_present');
	});
	it('ignores a concept a list does not hold', () => {
		const present = ['exploitative.no_social_protection'];
		expect(screenOnLists(present, true, ['child_labour'])[0]!.indicatorCount).toBe(0);
		expect(screenOnLists(present, false, ['adult_labour'])[0]!.indicatorCount).toBe(1);
	});
});
