/**
 * A team's evening: a handful of venues close to each other in one municipality, in the order a
 * team would drive between them (nearest next).
 */
import type { Random } from './random.ts';
import type { LocationKind, SeedMunicipality, Venue } from './places.ts';

/** Flat-earth distance: plenty for ordering venues a few kilometres apart. */
function metresApart(a: Venue, b: Venue): number {
	const north = (a.lat - b.lat) * 111_320;
	const east = (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
	return Math.hypot(north, east);
}

function nearestFirst(start: Venue, others: Venue[]): Venue[] {
	const route = [start];
	const left = others.filter((v) => v !== start);
	while (left.length > 0) {
		const here = route[route.length - 1] as Venue;
		let best = 0;
		for (let i = 1; i < left.length; i++) {
			if (metresApart(here, left[i] as Venue) < metresApart(here, left[best] as Venue)) best = i;
		}
		route.push(left.splice(best, 1)[0] as Venue);
	}
	return route;
}

/**
 * Up to `count` venues of the `focus` kinds around a random one in `municipality`, in visit order.
 * `usable` filters venues out (closed, gone, already taken that day).
 */
export function planRoute(
	random: Random,
	venues: readonly Venue[],
	municipality: SeedMunicipality,
	focus: readonly LocationKind[],
	count: number,
	usable: (venue: Venue) => boolean
): Venue[] {
	const candidates = venues.filter((v) => v.municipality === municipality && focus.includes(v.kind) && usable(v));
	if (candidates.length === 0) return [];
	const start = random.pick(candidates);
	const nearby = [...candidates].sort((a, b) => metresApart(start, a) - metresApart(start, b)).slice(0, count);
	return nearestFirst(start, nearby);
}

/** What an operation looks for decides which venues and at what hour; `name` starts its title (wording.ts). */
export type OperationFocus = { name: string; kinds: readonly LocationKind[]; startMinutes: number; endMinutes: number };

export const operationFoci: readonly (readonly [OperationFocus, number])[] = [
	[
		{
			name: 'Bare dhe klube nate',
			kinds: ['bar', 'night_club', 'hotel_motel'],
			startMinutes: 20 * 60,
			endMinutes: 24 * 60 - 1
		},
		4
	],
	[
		{
			name: 'Sallone masazhi dhe banesa private',
			kinds: ['massage_parlour', 'private_apartment', 'hotel_motel'],
			startMinutes: 18 * 60,
			endMinutes: 23 * 60
		},
		3
	],
	[
		{
			name: 'Kushtet e punës në kafene, restorante dhe punëtori',
			kinds: ['restaurant_cafe', 'other', 'bar'],
			startMinutes: 9 * 60,
			endMinutes: 15 * 60
		},
		3
	],
	[
		{
			name: 'Hotele dhe motele përgjatë rrugëve kryesore',
			kinds: ['hotel_motel', 'night_club', 'restaurant_cafe'],
			startMinutes: 19 * 60,
			endMinutes: 23 * 60 + 30
		},
		2
	]
];
