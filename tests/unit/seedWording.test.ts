/** The demo's plan, operation and team names are Albanian, spelt the same on every machine. */
import { describe, expect, it } from 'vitest';
import {
	albanianDate,
	albanianList,
	monthlyPlanTitle,
	operationTitle,
	teamName,
	weeklyPlanTitle
} from '../../src/lib/server/demo/wording.ts';

describe('demo names', () => {
	it('write dates and months in Albanian', () => {
		expect(albanianDate('2026-01-04')).toBe('4 janar 2026');
		expect(albanianDate('2025-11-30')).toBe('30 nëntor 2025');
		expect(monthlyPlanTitle('2026-01-01')).toBe('Plani mujor: janar 2026');
		expect(monthlyPlanTitle('2025-12-01')).toBe('Plani mujor: dhjetor 2025');
		expect(weeklyPlanTitle('2026-06-01')).toBe('Inspektime të përbashkëta, java që fillon më 1 qershor 2026');
	});

	it('join places with "dhe", naming a town both teams work in once', () => {
		expect(albanianList(['Prishtinë'])).toBe('Prishtinë');
		expect(albanianList(['Pejë', 'Istog', 'Klinë'])).toBe('Pejë, Istog dhe Klinë');
		expect(operationTitle('Bare dhe klube nate', ['Prishtinë', 'Ferizaj'])).toBe(
			'Bare dhe klube nate: Prishtinë dhe Ferizaj'
		);
		expect(operationTitle('Bare dhe klube nate', ['Deçan', 'Deçan'], '2026-01-04')).toBe(
			'Bare dhe klube nate: Deçan, 4 janar 2026'
		);
	});

	it('name teams by letter', () => {
		expect([0, 1].map(teamName)).toEqual(['Ekipi A', 'Ekipi B']);
	});
});
