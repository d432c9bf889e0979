import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { indicatorIdsFromAnswers, type Answers } from '../../src/lib/domain/checklist/template.ts';
import { locationKinds } from '../../src/lib/domain/records/codes.ts';
import type { AgeBand } from '../../src/lib/domain/screening/screen.ts';
import { presumedMinor, screenAnswers } from '../../src/lib/domain/screening/screenAnswers.ts';
import { formsSuspected, listsFor, mostSerious, screenOnLists } from '../../src/lib/domain/screening/screenLists.ts';
import { screenPersonAnswers } from '../../src/lib/domain/screening/personScreening.ts';
import { screenPersonAt, type Expectation } from '../../src/lib/server/demo/persons.ts';
import { createRandom } from '../../src/lib/server/demo/random.ts';

// Persons as the demo data draws them: every kind of venue, every expectation, minors among them.
const persons = (() => {
	const random = createRandom('screen-answers');
	const at = new Date('2025-06-04T20:00:00Z');
	const expectations: Expectation[] = ['none', 'some', 'victim'];
	return Array.from({ length: 400 }, (_, index) => {
		const row = screenPersonAt(
			random,
			defaultTemplate,
			`p${index}`,
			locationKinds[index % locationKinds.length]!,
			expectations[index % 3]!,
			at
		);
		return { ...row, answers: row.answers as Answers, ageBand: row.ageBand as AgeBand };
	});
})();

describe('one screening of a person from the answers, for the device, the server and the demo data', () => {
	it('draws demo persons of every result, adults and minors', () => {
		expect(new Set(persons.map((person) => person.result))).toEqual(
			new Set(['no_indicators', 'indicators_present', 'possible_victim'])
		);
		expect(persons.some((person) => person.isMinor)).toBe(true);
	});

	it("gives the most serious of the lists' results on the answers' concepts, a presumed minor as a child", () => {
		for (const person of persons) {
			const ageBand = person.ageBand;
			const isMinor = presumedMinor(ageBand, person.answers);
			const lists = listsFor(isMinor, formsSuspected(person.answers.exploitation_form));
			const screened = screenOnLists(indicatorIdsFromAnswers(defaultTemplate, person.answers), isMinor, lists);
			const worst = mostSerious(screened);
			expect(screenAnswers(defaultTemplate, person.answers, ageBand)).toEqual({
				result: worst.result,
				dimensionsPresent: worst.dimensionsPresent,
				elements: worst.elements,
				isMinor,
				catalogueVersion: 2,
				lists: screened
			});
		}
	});

	it("is what the persons screen shows, without the screen's findings and take-aside advice", () => {
		for (const person of persons) {
			const {
				findings: _findings,
				listViews: _listViews,
				takeAside: _takeAside,
				...shown
			} = screenPersonAnswers(defaultTemplate, person.answers, person.ageBand);
			expect(screenAnswers(defaultTemplate, person.answers, person.ageBand)).toEqual(shown);
		}
	});

	it('is what the demo data stores', () => {
		for (const person of persons) {
			const screening = screenAnswers(defaultTemplate, person.answers, person.ageBand);
			expect({ result: person.result, dimensionsPresent: person.dimensionsPresent, isMinor: person.isMinor }).toEqual({
				result: screening.result,
				dimensionsPresent: screening.dimensionsPresent,
				isMinor: screening.isMinor
			});
		}
	});
});
