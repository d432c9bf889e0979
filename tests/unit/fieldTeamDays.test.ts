import { describe, expect, it } from 'vitest';
import {
	addDays,
	calendarDay,
	navigationUri,
	upcomingTeamDays,
	type TeamDayRecords
} from '../../src/lib/domain/field/teamDays.ts';

const me = '00000000-0000-4000-8000-000000000001';
const partner = '00000000-0000-4000-8000-000000000002';
const other = '00000000-0000-4000-8000-000000000003';
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const today = '2026-11-24';

const operation = (n: number, date: string, extra = {}) => ({
	id: id(n),
	title: `Op ${n}`,
	date,
	startTime: '20:00',
	endTime: '23:59',
	area: '',
	status: 'planned',
	...extra
});
const team = (n: number, operationId: string, members: string[]) => ({
	id: id(n),
	operationId,
	name: `Team ${n}`,
	members: members.map((userId, i) => ({
		userId,
		displayName: `User ${userId.slice(-1)}`,
		agencyCode: i === 0 ? 'police' : 'labour',
		isLeader: i === 1
	}))
});
const venue = (n: number) => ({
	id: id(n),
	name: `Venue ${n}`,
	kind: 'bar' as const,
	address: '',
	lat: 42.6,
	lng: 21.1,
	status: 'active' as const
});
const assignment = (
	n: number,
	teamId: string,
	locationId: string,
	visitOrder: number,
	status: 'pending' | 'cancelled' = 'pending'
) => ({
	id: id(n),
	operationId: id(1),
	teamId,
	locationId,
	visitOrder,
	status
});

function records(): TeamDayRecords {
	return {
		operations: [
			operation(1, today),
			operation(2, addDays(today, 1)),
			operation(3, addDays(today, -1)),
			operation(4, addDays(today, 8)),
			operation(5, today, { status: 'cancelled' })
		],
		teams: [
			team(11, id(1), [me, partner]),
			team(12, id(2), [me, partner]),
			team(13, id(3), [me]),
			team(14, id(4), [me]),
			team(15, id(5), [me]),
			team(16, id(1), [other])
		],
		venues: [venue(21), venue(22), venue(23)],
		assignments: [
			assignment(31, id(11), id(22), 2),
			assignment(32, id(11), id(21), 1),
			assignment(33, id(11), id(23), 3, 'cancelled'),
			assignment(34, id(16), id(23), 1)
		]
	};
}

describe("the inspector's days", () => {
	it('shows only the teams the inspector is on, from today to a week ahead, grouped by date', () => {
		const days = upcomingTeamDays(records(), me, today);
		expect(days.map((day) => day.date)).toEqual([today, addDays(today, 1)]);
		expect(days[0]?.teamDays.map((teamDay) => teamDay.team.id)).toEqual([id(11)]);
	});

	it('lists the venues in visit order and leaves cancelled visits out', () => {
		const [first] = upcomingTeamDays(records(), me, today);
		expect(first?.teamDays[0]?.venues.map(({ venue }) => venue.name)).toEqual(['Venue 21', 'Venue 22']);
	});

	it('names the team leader first', () => {
		const [first] = upcomingTeamDays(records(), me, today);
		expect(first?.teamDays[0]?.members[0]?.userId).toBe(partner);
	});

	it('skips cancelled operations', () => {
		const days = upcomingTeamDays(records(), me, today);
		expect(days.flatMap((day) => day.teamDays).some((teamDay) => teamDay.operation.id === id(5))).toBe(false);
	});
});

describe('dates are Kosovo calendar days', () => {
	it('is already the next day in Kosovo at 23:30 UTC', () => {
		expect(calendarDay(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
	});
});

describe('the navigation link opens the phone maps app at the venue', () => {
	it('is a geo: URI with the position and the name as label', () => {
		expect(navigationUri({ lat: 42.66, lng: 21.16, name: 'Bar Ora' })).toBe('geo:42.66,21.16?q=42.66,21.16(Bar%20Ora)');
	});
});
