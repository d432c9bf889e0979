import { describe, expect, it } from 'vitest';
import {
	compositionGaps,
	doubleBookings,
	venuesAssignedTwice,
	windowsOverlap
} from '../../src/lib/domain/planning/teams.ts';
import { allowedTransitions, mayTransition } from '../../src/lib/domain/planning/operationStatus.ts';

describe('joint team composition', () => {
	it('is joint with a police officer and a labour inspector', () => {
		expect(compositionGaps(['police', 'labour'])).toEqual([]);
	});

	it('lacks the labour inspectorate when all members are police', () => {
		expect(compositionGaps(['police', 'police'])).toEqual(['no_labour']);
	});

	it('lacks both agencies when the team is empty', () => {
		expect(compositionGaps([])).toEqual(['no_police', 'no_labour']);
	});
});

describe('overlapping time windows', () => {
	it('overlap when the same evening shares an hour', () => {
		expect(
			windowsOverlap(
				{ date: '2026-11-24', startTime: '20:00', endTime: '23:00' },
				{ date: '2026-11-24', startTime: '22:00', endTime: '23:59' }
			)
		).toBe(true);
	});

	it('do not overlap when one ends as the other starts', () => {
		expect(
			windowsOverlap(
				{ date: '2026-11-24', startTime: '18:00', endTime: '20:00' },
				{ date: '2026-11-24', startTime: '20:00', endTime: '22:00' }
			)
		).toBe(false);
	});

	it('do not overlap on different days', () => {
		expect(
			windowsOverlap(
				{ date: '2026-11-24', startTime: '20:00', endTime: '23:00' },
				{ date: '2026-11-25', startTime: '20:00', endTime: '23:00' }
			)
		).toBe(false);
	});

	it('treat a window ending before it starts as running past midnight', () => {
		expect(
			windowsOverlap(
				{ date: '2026-11-24', startTime: '22:00', endTime: '02:00' },
				{ date: '2026-11-25', startTime: '01:00', endTime: '03:00' }
			)
		).toBe(true);
	});
});

describe('a person in two teams at the same time', () => {
	it('is flagged with both teams', () => {
		const found = doubleBookings([
			{ userId: 'u1', teamId: 'A', date: '2026-11-24', startTime: '20:00', endTime: '23:00' },
			{ userId: 'u1', teamId: 'B', date: '2026-11-24', startTime: '21:00', endTime: '23:59' },
			{ userId: 'u2', teamId: 'B', date: '2026-11-24', startTime: '21:00', endTime: '23:59' }
		]);
		expect(found).toEqual([{ userId: 'u1', teamIds: ['A', 'B'] }]);
	});

	it('is not flagged for teams on different evenings', () => {
		expect(
			doubleBookings([
				{ userId: 'u1', teamId: 'A', date: '2026-11-24', startTime: '20:00', endTime: '23:00' },
				{ userId: 'u1', teamId: 'B', date: '2026-11-25', startTime: '20:00', endTime: '23:00' }
			])
		).toEqual([]);
	});
});

describe('a venue assigned twice on the same day', () => {
	it('is warned about with both assignments', () => {
		expect(
			venuesAssignedTwice([
				{ assignmentId: 'a1', locationId: 'bar', date: '2026-11-24' },
				{ assignmentId: 'a2', locationId: 'bar', date: '2026-11-24' },
				{ assignmentId: 'a3', locationId: 'bar', date: '2026-11-25' }
			])
		).toEqual([{ locationId: 'bar', date: '2026-11-24', assignmentIds: ['a1', 'a2'] }]);
	});
});

describe('operation status', () => {
	it('moves from planned to active to done', () => {
		expect(mayTransition('planned', 'active')).toBe(true);
		expect(mayTransition('active', 'done')).toBe(true);
	});

	it('can be cancelled until it is done', () => {
		expect(mayTransition('planned', 'cancelled')).toBe(true);
		expect(mayTransition('active', 'cancelled')).toBe(true);
		expect(allowedTransitions('done')).toEqual([]);
	});

	it('cannot skip from planned to done or go back', () => {
		expect(mayTransition('planned', 'done')).toBe(false);
		expect(mayTransition('active', 'planned')).toBe(false);
		expect(mayTransition('cancelled', 'planned')).toBe(false);
	});
});
