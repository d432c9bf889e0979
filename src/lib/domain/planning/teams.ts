/**
 * Joint-team rules (docs/DOMAIN.md, "The work": inspections are joint police and labour inspectorate
 * actions). A team without at least one police officer and one labour inspector is allowed, but
 * only with a written reason; a person on two teams whose operations overlap in time is flagged.
 */
export const POLICE = 'police';
export const LABOUR = 'labour';

export type CompositionGap = 'no_police' | 'no_labour';

/** What the team lacks to be joint; empty when it has both agencies. */
export function compositionGaps(memberAgencyCodes: readonly string[]): CompositionGap[] {
	const gaps: CompositionGap[] = [];
	if (!memberAgencyCodes.includes(POLICE)) gaps.push('no_police');
	if (!memberAgencyCodes.includes(LABOUR)) gaps.push('no_labour');
	return gaps;
}

export type TimeWindow = { date: string; startTime: string; endTime: string };

/** Minutes since the operation's date began; an end before the start runs past midnight. */
function span(window: TimeWindow): [number, number] {
	const day = Date.parse(`${window.date}T00:00:00Z`) / 60_000;
	const minutes = (time: string) => {
		const [h = '0', m = '0'] = time.split(':');
		return Number(h) * 60 + Number(m);
	};
	const start = day + minutes(window.startTime);
	let end = day + minutes(window.endTime);
	if (end <= start) end += 24 * 60;
	return [start, end];
}

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
	const [aStart, aEnd] = span(a);
	const [bStart, bEnd] = span(b);
	return aStart < bEnd && bStart < aEnd;
}

export type TeamPlacement = TimeWindow & { teamId: string; userId: string };

export type DoubleBooking = { userId: string; teamIds: [string, string] };

/** Every pair of teams a person is on at overlapping times. */
export function doubleBookings(placements: readonly TeamPlacement[]): DoubleBooking[] {
	const byUser = new Map<string, TeamPlacement[]>();
	for (const p of placements) byUser.set(p.userId, [...(byUser.get(p.userId) ?? []), p]);
	const found: DoubleBooking[] = [];
	for (const [userId, list] of byUser) {
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				if (list[i]!.teamId !== list[j]!.teamId && windowsOverlap(list[i]!, list[j]!)) {
					found.push({ userId, teamIds: [list[i]!.teamId, list[j]!.teamId] });
				}
			}
		}
	}
	return found;
}

export type DatedAssignment = { assignmentId: string; locationId: string; date: string };

/** Venues assigned more than once on the same day (in one operation or across operations). */
export function venuesAssignedTwice(
	assignments: readonly DatedAssignment[]
): { locationId: string; date: string; assignmentIds: string[] }[] {
	const byKey = new Map<string, DatedAssignment[]>();
	for (const a of assignments) {
		const key = `${a.date}|${a.locationId}`;
		byKey.set(key, [...(byKey.get(key) ?? []), a]);
	}
	return [...byKey.values()]
		.filter((list) => list.length > 1)
		.map((list) => ({
			locationId: list[0]!.locationId,
			date: list[0]!.date,
			assignmentIds: list.map((a) => a.assignmentId)
		}));
}
