import { describe, it, expect } from 'vitest';
import {
	indicatorIdsFromAnswers,
	templateSchema,
	validateAnswers,
	visibleItems,
	type ChecklistTemplate
} from '../../src/lib/domain/checklist/template.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { concepts, conceptByKey, listRow } from '../../src/lib/domain/screening/catalogue/v2/index.ts';
import { listIds } from '../../src/lib/domain/screening/indicators.ts';
import { ageBands, dimensionPresent } from '../../src/lib/domain/screening/screen.ts';
import { screenAnswers } from '../../src/lib/domain/screening/screenAnswers.ts';

const t = (en: string) => ({ en, sq: en, sr: en });

/** A small template; `personItems` are added to its person section. */
function template(personItems: unknown[] = []): unknown {
	return {
		id: '0b5c1f3e-8f5a-4a7e-9d2b-2c3d4e5f6a7b',
		version: 1,
		title: t('Test'),
		sections: [
			{
				id: 'venue',
				scope: 'venue',
				title: t('Venue'),
				items: [
					{ id: 'registered', kind: 'yesNo', label: t('Registered?'), required: true },
					{ id: 'workers', kind: 'number', label: t('Workers') },
					{ id: 'hazards', kind: 'yesNo', label: t('Hazards?') },
					{
						id: 'hazard_kind',
						kind: 'choice',
						label: t('Which?'),
						required: true,
						options: [
							{ id: 'fire', label: t('Fire') },
							{ id: 'chemicals', label: t('Chemicals') }
						],
						showIf: { item: 'hazards', equals: 'yes' }
					},
					{
						id: 'chemical_names',
						kind: 'text',
						label: t('Names'),
						required: true,
						showIf: { item: 'hazard_kind', equals: 'chemicals' }
					}
				]
			},
			{
				id: 'person',
				scope: 'person',
				title: t('Person'),
				items: [
					{
						id: 'excessive_hours',
						kind: 'yesNo',
						label: t('Long hours?'),
						indicator: 'adult_labour.exploitative.excessive_hours'
					},
					...personItems
				]
			}
		]
	};
}
const parsed = (personItems: unknown[] = []): ChecklistTemplate => templateSchema.parse(template(personItems));
const issues = (personItems: unknown[]) => {
	const result = templateSchema.safeParse(template(personItems));
	return result.success ? [] : result.error.issues.map((issue) => issue.message);
};
const venue = () => parsed().sections[0]!;

describe('the default template', () => {
	it('passes the template schema', () => {
		expect(() => templateSchema.parse(defaultTemplate)).not.toThrow();
	});
	it('has the fixed id and is version 2, on indicator catalogue version 2', () => {
		expect(defaultTemplate.id).toBe('6f1c2a8e-3d4b-4c5e-9a7f-1b2c3d4e5f60');
		expect(defaultTemplate.version).toBe(2);
		expect(defaultTemplate.catalogueVersion).toBe(2);
	});
	it('has a venue part and a person part', () => {
		const scopes = new Set(defaultTemplate.sections.map((section) => section.scope));
		expect(scopes).toEqual(new Set(['venue', 'person']));
	});
	it('asks the person profile of the national reports', () => {
		const ids = defaultTemplate.sections.flatMap((s) => s.items.map((item) => item.id));
		for (const id of [
			'sex',
			'age_band',
			'may_be_minor',
			'nationality',
			'education',
			'role',
			'recruitment',
			'exploitation_form',
			'language'
		]) {
			expect(ids).toContain(id);
		}
	});
	it('offers the screening age bands as age options', () => {
		const ageBand = defaultTemplate.sections.flatMap((s) => s.items).find((item) => item.id === 'age_band');
		expect(ageBand?.options?.map((option) => option.id)).toEqual([...ageBands]);
	});
	it('covers every concept but the few no one can be asked about, and asks each once', () => {
		const asked = pointed().map(({ concept }) => concept);
		expect(new Set(asked).size).toBe(asked.length);
		const notAsked = concepts.map((c) => c.key).filter((key) => !asked.includes(key));
		// Context the team judges rather than a question, or the same fact as a question counted at
		// destination (the past, fear of the authorities): docs/DOMAIN.md, "The questionnaire".
		expect(notAsked.sort()).toEqual(
			[
				'vulnerable_recruitment.difficulties_in_the_past',
				'vulnerable_recruitment.family_situation',
				'vulnerable_recruitment.general_context',
				'vulnerable_recruitment.relationship_with_authorities'
			].sort()
		);
	});
	it('keeps the core short enough for a night interview and the rest under "more"', () => {
		const questions = defaultTemplate.sections.flatMap((s) => s.items).filter((item) => item.kind === 'indicator');
		const core = questions.filter((item) => !item.more);
		expect(core.length).toBeGreaterThanOrEqual(12);
		expect(core.length).toBeLessThanOrEqual(20);
		// Core first within each section.
		for (const section of defaultTemplate.sections) {
			const flags = section.items.filter((item) => item.kind === 'indicator').map((item) => Boolean(item.more));
			expect(flags).toEqual([...flags].sort());
		}
	});
	it('asks the patterns of night venues', () => {
		const asked = pointed().map(({ concept }) => concept);
		for (const concept of [
			'deceptive.marriage_or_adoption',
			'vulnerable_recruitment.emotional_dependency',
			'coercion.forced_to_lie',
			'coercion.threat_to_inform_family',
			'coercion.forced_tasks_or_clients',
			'coercion.forced_into_illicit_activities',
			'exploitative.no_access_to_education',
			'vulnerable_destination.personal_characteristics',
			'vulnerable_destination.difficulties_in_the_past'
		]) {
			expect(asked).toContain(concept);
		}
	});
	it('can reach the threshold in each of the six dimensions of every list', () => {
		for (const list of listIds) {
			for (const dimension of [1, 2, 3, 4, 5, 6] as const) {
				const strengths = pointed()
					.filter(({ concept }) => conceptByKey(concept)?.dimension === dimension)
					.flatMap(({ concept }) => listRow(list, concept)?.strength ?? []);
				expect(dimensionPresent(strengths), `${list} dimension ${dimension}`).toBe(true);
			}
		}
	});
	it('screens an adult answering yes to every indicator question as a possible victim on both forms', () => {
		const answers = Object.fromEntries(pointed().map(({ item }) => [item.id, 'yes']));
		const all = { ...answers, recruitment: 'marriage_promise', sex: 'female', age_band: '18_22' };
		expect(validateAnswers(defaultTemplate, 'person', all)).toEqual({ ok: true });
		const screening = screenAnswers(defaultTemplate, all, '18_22');
		expect(screening.lists.map((l) => [l.list, l.result, l.dimensionsPresent])).toEqual([
			['adult_sexual', 'possible_victim', [1, 2, 3, 4, 5, 6]],
			['adult_labour', 'possible_victim', [1, 2, 3, 4, 5, 6]]
		]);
	});
});

/** The person questions and profile options that point to an indicator concept, with it. */
function pointed() {
	return defaultTemplate.sections
		.filter((s) => s.scope === 'person')
		.flatMap((s) => s.items)
		.flatMap((item) => [
			...(item.kind === 'indicator' ? [{ item, concept: item.indicator! }] : []),
			...(item.options ?? []).flatMap((o) => (o.indicator ? [{ item, concept: o.indicator }] : []))
		]);
}

describe('a template is refused when it cannot be filled in consistently', () => {
	it('accepts a well-formed template', () => {
		expect(issues([])).toEqual([]);
	});
	it('refuses an item id used twice, even in different sections', () => {
		expect(issues([{ id: 'registered', kind: 'yesNo', label: t('Again') }])).toContain('duplicate item registered');
	});
	it('refuses a choice item without options', () => {
		expect(issues([{ id: 'role', kind: 'choice', label: t('Role') }])).toContain('choice needs options');
	});
	it('refuses a multiChoice item without options', () => {
		expect(issues([{ id: 'roles', kind: 'multiChoice', label: t('Roles') }])).toContain('multiChoice needs options');
	});
	it('refuses showIf that refers to an item that does not exist', () => {
		expect(issues([{ id: 'q', kind: 'text', label: t('Q'), showIf: { item: 'nowhere', equals: 'yes' } }])[0]).toMatch(
			/earlier item/
		);
	});
	it('refuses showIf that refers to a later item', () => {
		const items = [
			{ id: 'first', kind: 'text', label: t('First'), showIf: { item: 'second', equals: 'yes' } },
			{ id: 'second', kind: 'yesNo', label: t('Second') }
		];
		expect(issues(items)[0]).toMatch(/earlier item/);
	});
	it('refuses showIf that refers to the other part of the checklist', () => {
		expect(issues([{ id: 'q', kind: 'text', label: t('Q'), showIf: { item: 'hazards', equals: 'yes' } }])[0]).toMatch(
			/person part/
		);
	});
	it('refuses showIf with a value the referred item cannot take', () => {
		expect(
			issues([{ id: 'q', kind: 'text', label: t('Q'), showIf: { item: 'excessive_hours', equals: 'maybe' } }])[0]
		).toMatch(/not an answer/);
	});
	it('refuses an indicator the catalogue does not know', () => {
		expect(issues([{ id: 'q', kind: 'yesNo', label: t('Q'), indicator: 'adult_labour.deceptive.invented' }])).toContain(
			'unknown indicator adult_labour.deceptive.invented in catalogue v1'
		);
	});
	it('refuses an indicator on an item that cannot be answered yes', () => {
		expect(
			issues([{ id: 'q', kind: 'number', label: t('Q'), indicator: 'adult_labour.exploitative.excessive_hours' }])
		).toContain('only yesNo and indicator items carry an indicator');
	});
	it('refuses an unknown indicator on an option', () => {
		const options = [{ id: 'a', label: t('A'), indicator: 'adult_labour.coercion.invented' }];
		expect(issues([{ id: 'q', kind: 'choice', label: t('Q'), options }])).toContain(
			'unknown indicator adult_labour.coercion.invented in catalogue v1'
		);
	});
});

describe('showIf hides an item until the answer it depends on matches', () => {
	it('hides the item while the controlling question is unanswered', () => {
		expect(visibleItems(venue(), {}).map((item) => item.id)).toEqual(['registered', 'workers', 'hazards']);
	});
	it('hides the item while the controlling answer differs', () => {
		expect(visibleItems(venue(), { hazards: 'no' }).map((item) => item.id)).not.toContain('hazard_kind');
	});
	it('shows the item once the controlling answer matches', () => {
		expect(visibleItems(venue(), { hazards: 'yes' }).map((item) => item.id)).toContain('hazard_kind');
	});
	it('hides an item whose controlling item is itself hidden, whatever its stale answer', () => {
		const ids = visibleItems(venue(), { hazards: 'no', hazard_kind: 'chemicals' }).map((item) => item.id);
		expect(ids).not.toContain('chemical_names');
	});
	it('shows an item controlled by a multiChoice when the choice includes the value', () => {
		const section = parsed([
			{
				id: 'tasks',
				kind: 'multiChoice',
				label: t('Tasks'),
				options: [
					{ id: 'bar', label: t('Bar') },
					{ id: 'rooms', label: t('Rooms') }
				]
			},
			{ id: 'rooms_detail', kind: 'text', label: t('Detail'), showIf: { item: 'tasks', equals: 'rooms' } }
		]).sections[1]!;
		expect(visibleItems(section, { tasks: ['bar', 'rooms'] }).map((item) => item.id)).toContain('rooms_detail');
		expect(visibleItems(section, { tasks: ['bar'] }).map((item) => item.id)).not.toContain('rooms_detail');
	});
});

describe('answers are validated against the template, each error naming its item', () => {
	it('accepts complete, well-typed answers', () => {
		expect(validateAnswers(parsed(), 'venue', { registered: 'yes', workers: 4, hazards: 'no' })).toEqual({ ok: true });
	});
	it('accepts notObserved as a yes/no answer', () => {
		expect(validateAnswers(parsed(), 'venue', { registered: 'notObserved' })).toEqual({ ok: true });
	});
	it('names an item the template does not have', () => {
		const result = validateAnswers(parsed(), 'venue', { registered: 'yes', guests: 3 });
		expect(result).toEqual({ ok: false, errors: [{ field: 'guests', message: expect.any(String) }] });
	});
	it('names an answer that belongs to the other part', () => {
		const result = validateAnswers(parsed(), 'venue', { registered: 'yes', excessive_hours: 'yes' });
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['excessive_hours']);
	});
	it('names a yes/no item answered with something else', () => {
		const result = validateAnswers(parsed(), 'venue', { registered: 'maybe' });
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['registered']);
	});
	it('names a number item answered with text or a negative number', () => {
		for (const workers of ['three', -1]) {
			const result = validateAnswers(parsed(), 'venue', { registered: 'yes', workers });
			expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['workers']);
		}
	});
	it('names a choice answered with an option it does not offer', () => {
		const result = validateAnswers(parsed(), 'venue', { registered: 'yes', hazards: 'yes', hazard_kind: 'noise' });
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['hazard_kind']);
	});
	it('names a required item left unanswered', () => {
		const result = validateAnswers(parsed(), 'venue', { workers: 2 });
		expect(result).toEqual({ ok: false, errors: [{ field: 'registered', message: 'an answer is required' }] });
	});
	it('does not require a hidden item', () => {
		expect(validateAnswers(parsed(), 'venue', { registered: 'yes', hazards: 'no' })).toEqual({ ok: true });
	});
	it('requires an item once its condition is met', () => {
		const result = validateAnswers(parsed(), 'venue', { registered: 'yes', hazards: 'yes' });
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['hazard_kind']);
	});
	it('treats blank text as unanswered', () => {
		const result = validateAnswers(parsed(), 'venue', {
			registered: 'yes',
			hazards: 'yes',
			hazard_kind: 'chemicals',
			chemical_names: '  '
		});
		expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['chemical_names']);
	});
});

describe('the indicators a person’s answers point to', () => {
	const withOptions = () =>
		parsed([
			{
				id: 'documents',
				kind: 'yesNo',
				label: t('Documents kept?'),
				indicator: 'adult_labour.coercion.confiscation_of_documents'
			},
			{
				id: 'debt_detail',
				kind: 'yesNo',
				label: t('Debt?'),
				indicator: 'adult_labour.coercion.debt_bondage',
				showIf: { item: 'documents', equals: 'yes' }
			},
			{
				id: 'pay',
				kind: 'choice',
				label: t('Pay'),
				options: [
					{ id: 'fair', label: t('Fair') },
					{ id: 'none', label: t('None'), indicator: 'adult_labour.exploitative.low_or_no_wages' }
				]
			}
		]);
	it('come from items answered yes', () => {
		expect(indicatorIdsFromAnswers(parsed(), { excessive_hours: 'yes' })).toEqual([
			'adult_labour.exploitative.excessive_hours'
		]);
	});
	it('do not come from items answered no or not observed', () => {
		expect(indicatorIdsFromAnswers(parsed(), { excessive_hours: 'no' })).toEqual([]);
		expect(indicatorIdsFromAnswers(parsed(), { excessive_hours: 'notObserved' })).toEqual([]);
	});
	it('do not come from a hidden item’s stale answer', () => {
		expect(indicatorIdsFromAnswers(withOptions(), { documents: 'no', debt_detail: 'yes' })).toEqual([]);
	});
	it('come from a chosen option that carries an indicator', () => {
		expect(indicatorIdsFromAnswers(withOptions(), { pay: 'none' })).toEqual([
			'adult_labour.exploitative.low_or_no_wages'
		]);
		expect(indicatorIdsFromAnswers(withOptions(), { pay: 'fair' })).toEqual([]);
	});
});
