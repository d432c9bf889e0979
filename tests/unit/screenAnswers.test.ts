import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { indicatorIdsFromAnswers, type Answers } from '../../src/lib/domain/checklist/template.ts';
import { locationKinds } from '../../src/lib/domain/records/codes.ts';
import { isMinorAgeBand, screenPerson, type AgeBand } from '../../src/lib/domain/screening/screen.ts';
import { screenAnswers } from '../../src/lib/domain/screening/screenAnswers.ts';
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

	it("gives what the rule gives on the answers' indicators, with a minor band as a child", () => {
		for (const person of persons) {
			const ageBand = person.ageBand;
			const isMinor = isMinorAgeBand(ageBand);
			const rule = screenPerson({
				indicatorIds: indicatorIdsFromAnswers(defaultTemplate, person.answers),
				isChild: isMinor
			});
			expect(screenAnswers(defaultTemplate, person.answers, ageBand)).toEqual({ ...rule, isMinor });
		}
	});

	it("is what the persons screen shows, without the screen's findings and take-aside advice", () => {
		for (const person of persons) {
			const {
				findings: _findings,
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
