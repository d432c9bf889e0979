/**
 * The planning benchmark. (1) A suggested visit order for 60 venues in a town-sized area:
 * nearest neighbour improved by 2-opt against plain nearest neighbour, time and route length, over
 * several random towns. (2) Ranking 20,000 venues by need: time. Prints a markdown section for
 * bench/RESULTS.md (scripts/bench.js).
 */
import { performance } from 'node:perf_hooks';
import { nearestNeighbourOrder, suggestVisitOrder, type Stop } from '../src/lib/domain/planning/visitOrder.ts';
import { rankVenues, type RankableVenue } from '../src/lib/domain/planning/ranking.ts';
import { locationKinds } from '../src/lib/domain/records/codes.ts';
import { createRandom } from '../src/lib/server/demo/random.ts';

const STOPS = 60;
const TOWNS = 20;
const VENUES = 20_000;
const RANK_RUNS = 7;

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
};

const random = createRandom('planning-bench');
// About 6 × 6 km around Prishtina's centre, with the station at the centre.
const station = { lat: 42.663, lng: 21.166 };
const town = (): Stop[] =>
	Array.from({ length: STOPS }, (_, i) => ({
		id: `v${i}`,
		lat: station.lat + (random.next() - 0.5) * 0.054,
		lng: station.lng + (random.next() - 0.5) * 0.073
	}));

// One untimed run first, so the times are of compiled code rather than the interpreter's first pass.
suggestVisitOrder(station, town());

const nnMs: number[] = [];
const optMs: number[] = [];
const nnKm: number[] = [];
const optKm: number[] = [];
const savings: number[] = [];
for (let i = 0; i < TOWNS; i++) {
	const stops = town();
	let start = performance.now();
	const greedy = nearestNeighbourOrder(station, stops);
	nnMs.push(performance.now() - start);
	start = performance.now();
	const improved = suggestVisitOrder(station, stops);
	optMs.push(performance.now() - start);
	nnKm.push(greedy.distanceMetres / 1000);
	optKm.push(improved.distanceMetres / 1000);
	savings.push(1 - improved.distanceMetres / greedy.distanceMetres);
}

const now = new Date('2026-11-24T12:00:00Z');
const venues: RankableVenue[] = Array.from({ length: VENUES }, (_, i) => ({
	id: `v${i}`,
	kind: locationKinds[Math.floor(random.next() * locationKinds.length)]!,
	status: random.next() < 0.05 ? 'gone' : 'active',
	lastInspectedAt:
		random.next() < 0.3 ? null : new Date(now.getTime() - random.next() * 1000 * 86_400_000).toISOString(),
	findingsCount: random.next() < 0.1 ? Math.ceil(random.next() * 3) : 0,
	possibleVictimsCount: random.next() < 0.02 ? 1 : 0,
	nearChildrenMetres: random.next() < 0.15 ? random.next() * 350 : null
}));
rankVenues(venues, now);
const rankMs: number[] = [];
for (let i = 0; i < RANK_RUNS; i++) {
	const start = performance.now();
	rankVenues(venues, now);
	rankMs.push(performance.now() - start);
}

const f = (n: number, digits = 2) => n.toFixed(digits);
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
console.log(`## Planning: visit order and ranking

Node ${process.version}, ${TOWNS} random towns of ${STOPS} venues in ~6 × 6 km, open route from the station; medians unless said.

| Visit order (${STOPS} venues) | time (ms) | route (km, mean) | best / worst town (km) |
| --- | ---: | ---: | ---: |
| plain nearest neighbour | ${f(median(nnMs))} | ${f(mean(nnKm))} | ${f(Math.min(...nnKm))} / ${f(Math.max(...nnKm))} |
| nearest neighbour + 2-opt (suggested) | ${f(median(optMs))} | ${f(mean(optKm))} | ${f(Math.min(...optKm))} / ${f(Math.max(...optKm))} |

2-opt shortens the route by ${f(mean(savings) * 100, 1)} % on average (${f(Math.min(...savings) * 100, 1)}–${f(Math.max(...savings) * 100, 1)} %); slowest suggested order ${f(Math.max(...optMs))} ms.

| Ranking | time (ms, median of ${RANK_RUNS}) |
| --- | ---: |
| ${VENUES.toLocaleString('en')} venues, reasons for each, sorted | ${f(median(rankMs))} |
`);
