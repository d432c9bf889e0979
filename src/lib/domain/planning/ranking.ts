/**
 * Which venues most need a visit. Each reason adds points; the reasons are
 * kept with the venue so the planner sees why it was suggested, not just a number. The weights
 * follow docs/DOMAIN.md: exploitation moves to places nobody looks at (never inspected, long unvisited),
 * earlier findings and possible victims point to repeat offending, a venue within 350 m of a child
 * site is an aggravated case, and some kinds of venue are where victims are found most.
 */
import type { LocationKind } from '../records/codes.ts';
import { OVERDUE_AFTER_DAYS } from '../register/mapFilters.ts';

export type RankableVenue = {
	id: string;
	kind: LocationKind;
	status: string;
	/** ISO time of the latest submitted inspection, or null when never inspected. */
	lastInspectedAt: string | null;
	/** Earlier inspections that ended with labour violations, indicators or a closure. */
	findingsCount: number;
	/** Persons screened there as possible victims, in any earlier inspection. */
	possibleVictimsCount: number;
	/** Metres to the nearest child site within the radius, or null when none is that close. */
	nearChildrenMetres: number | null;
	/** The day a control inspection there falls due, when it is due by the operation's day. */
	followUpDueOn?: string | null;
};

export type RankReason =
	| { code: 'never_inspected'; points: number }
	| { code: 'overdue'; points: number; days: number }
	| { code: 'findings'; points: number; count: number }
	| { code: 'possible_victims'; points: number; count: number }
	| { code: 'near_children'; points: number; metres: number }
	| { code: 'kind'; points: number; kind: LocationKind }
	| { code: 'follow_up_due'; points: number; dueOn: string };

export type RankedVenue = { id: string; score: number; reasons: RankReason[] };

export const rankingWeights = {
	neverInspected: 40,
	/** Reached after a year beyond the overdue threshold, and no further. */
	overdueMax: 30,
	perFinding: 15,
	findingsMax: 30,
	possibleVictims: 35,
	nearChildren: 25,
	/** A legal deadline passed: the control visit is owed, whatever else the venue scores. */
	followUpDue: 60,
	kind: {
		massage_parlour: 20,
		night_club: 20,
		private_apartment: 15,
		bar: 10,
		hotel_motel: 10,
		restaurant_cafe: 5,
		other: 0
	} satisfies Record<LocationKind, number>
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A venue that is gone cannot be visited; closed ones stay, since a closure is often evaded. */
export function isRankable(venue: Pick<RankableVenue, 'status'>): boolean {
	return venue.status !== 'gone';
}

export function reasonsFor(venue: RankableVenue, now: Date): RankReason[] {
	const w = rankingWeights;
	const reasons: RankReason[] = [];
	if (venue.lastInspectedAt === null) {
		reasons.push({ code: 'never_inspected', points: w.neverInspected });
	} else {
		const days = Math.floor((now.getTime() - Date.parse(venue.lastInspectedAt)) / DAY_MS);
		if (days > OVERDUE_AFTER_DAYS) {
			const points = Math.min(w.overdueMax, Math.round(((days - OVERDUE_AFTER_DAYS) / 365) * w.overdueMax));
			reasons.push({ code: 'overdue', points: Math.max(1, points), days });
		}
	}
	if (venue.followUpDueOn) reasons.push({ code: 'follow_up_due', points: w.followUpDue, dueOn: venue.followUpDueOn });
	if (venue.possibleVictimsCount > 0) {
		reasons.push({ code: 'possible_victims', points: w.possibleVictims, count: venue.possibleVictimsCount });
	}
	if (venue.findingsCount > 0) {
		reasons.push({
			code: 'findings',
			points: Math.min(w.findingsMax, venue.findingsCount * w.perFinding),
			count: venue.findingsCount
		});
	}
	if (venue.nearChildrenMetres !== null) {
		reasons.push({ code: 'near_children', points: w.nearChildren, metres: Math.round(venue.nearChildrenMetres) });
	}
	const kindPoints = w.kind[venue.kind] ?? 0;
	if (kindPoints > 0) reasons.push({ code: 'kind', points: kindPoints, kind: venue.kind });
	return reasons.sort((a, b) => b.points - a.points);
}

/**
 * Venues by need, highest first; equal scores keep the input order (the caller sorts by name), so
 * the list is stable between reloads. Venues that are gone are left out.
 */
export function rankVenues(venues: readonly RankableVenue[], now: Date, limit = Infinity): RankedVenue[] {
	const ranked: RankedVenue[] = [];
	for (const venue of venues) {
		if (!isRankable(venue)) continue;
		const reasons = reasonsFor(venue, now);
		let score = 0;
		for (const reason of reasons) score += reason.points;
		ranked.push({ id: venue.id, score, reasons });
	}
	// Array.prototype.sort is stable, which keeps ties in input order.
	ranked.sort((a, b) => b.score - a.score);
	return limit < ranked.length ? ranked.slice(0, limit) : ranked;
}
