/**
 * The inspector's days: the operations their teams are on from today to a few days ahead, each
 * with its team, the team's members and the venues in visit order. Built from the records the
 * device holds, so it works offline from the last sync.
 */
import type {
	AssignmentRecord,
	OperationRecord,
	TeamMember,
	TeamRecord,
	VenueRecord
} from '../records/referenceRecords.ts';

/** Operations are dated in Kosovo's civil time, whatever zone the phone is set to. */
export const OPERATIONS_TIME_ZONE = 'Europe/Belgrade';

/** How far ahead "today" looks, so a team sees tomorrow's and the weekend's plan in advance. */
export const DAYS_AHEAD = 7;

export type AssignedVenue = { assignment: AssignmentRecord; venue: VenueRecord };

export type TeamDay = {
	operation: OperationRecord;
	team: TeamRecord;
	members: TeamMember[];
	/** In visit order; an assignment whose venue the device lacks is left out, not shown blank. */
	venues: AssignedVenue[];
};

export type DayGroup = { date: string; teamDays: TeamDay[] };

export function calendarDay(at: Date, timeZone = OPERATIONS_TIME_ZONE): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
}

export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

export type TeamDayRecords = {
	teams: readonly TeamRecord[];
	operations: readonly OperationRecord[];
	assignments: readonly AssignmentRecord[];
	venues: readonly VenueRecord[];
};

/** Cancelled visits are not on the way; everything else (done ones too) stays in its place. */
const onTheWay = (assignment: AssignmentRecord) => assignment.status !== 'cancelled';

/** `userId`'s team days from `today` to DAYS_AHEAD days on, grouped by date, earliest first. */
export function upcomingTeamDays(records: TeamDayRecords, userId: string, today: string): DayGroup[] {
	const last = addDays(today, DAYS_AHEAD);
	const operations = new Map(records.operations.map((operation) => [operation.id, operation]));
	const venues = new Map(records.venues.map((venue) => [venue.id, venue]));
	const teamDays: TeamDay[] = [];
	for (const team of records.teams) {
		if (!team.members.some((member) => member.userId === userId)) continue;
		const operation = operations.get(team.operationId);
		if (!operation || operation.status === 'cancelled' || operation.date < today || operation.date > last) continue;
		const assigned = records.assignments
			.filter((assignment) => assignment.teamId === team.id && onTheWay(assignment))
			.sort((a, b) => a.visitOrder - b.visitOrder)
			.flatMap((assignment) => {
				const venue = venues.get(assignment.locationId);
				return venue ? [{ assignment, venue }] : [];
			});
		// Leaders first, then by name: who to turn to is the first line read.
		const members = [...team.members].sort(
			(a, b) => Number(b.isLeader) - Number(a.isLeader) || a.displayName.localeCompare(b.displayName)
		);
		teamDays.push({ operation, team, members, venues: assigned });
	}
	teamDays.sort(
		(a, b) =>
			a.operation.date.localeCompare(b.operation.date) ||
			a.operation.startTime.localeCompare(b.operation.startTime) ||
			a.team.name.localeCompare(b.team.name)
	);
	const groups: DayGroup[] = [];
	for (const teamDay of teamDays) {
		const group = groups.at(-1);
		if (group?.date === teamDay.operation.date) group.teamDays.push(teamDay);
		else groups.push({ date: teamDay.operation.date, teamDays: [teamDay] });
	}
	return groups;
}

/** A `geo:` URI opens the phone's own maps app at the venue, labelled with its name. */
export function navigationUri(venue: { lat: number; lng: number; name: string }): string {
	const at = `${venue.lat},${venue.lng}`;
	return `geo:${at}?q=${at}(${encodeURIComponent(venue.name)})`;
}
