/**
 * The proximity benchmark: 20,000 venues against 2,000 child sites spread over Kosovo's
 * bounding box, the grid index against the all-pairs loop in the same process. Target: the indexed
 * computation in at most 200 ms. Prints a markdown section for bench/RESULTS.md (scripts/bench.js).
 */
import { performance } from 'node:perf_hooks';
import {
	nearChildren,
	nearChildrenNaive,
	type ChildSitePoint,
	type NearChild,
	type VenuePoint
} from '../src/lib/domain/geo/proximity.ts';
import { kosovoBounds } from '../src/lib/domain/municipalities.ts';
import { createRandom, type Random } from '../src/lib/server/demo/random.ts';

const VENUES = 20_000;
const CHILD_SITES = 2_000;
const INDEXED_RUNS = 7;
// The all-pairs loop takes seconds per run; three runs give a median without stalling the suite.
const NAIVE_RUNS = 3;
const TARGET_MS = 200;

function pointInKosovo(random: Random) {
	return {
		lat: kosovoBounds.minLat + random.next() * (kosovoBounds.maxLat - kosovoBounds.minLat),
		lng: kosovoBounds.minLng + random.next() * (kosovoBounds.maxLng - kosovoBounds.minLng)
	};
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	const upper = sorted[middle] as number;
	return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}

function time(runs: number, label: string, compute: () => Map<string, NearChild | null>) {
	const timesMs: number[] = [];
	let result = new Map<string, NearChild | null>();
	for (let run = 1; run <= runs; run++) {
		const started = performance.now();
		result = compute();
		timesMs.push(performance.now() - started);
		console.error(`[proximity] ${label} run ${run}/${runs}: ${(timesMs.at(-1) as number).toFixed(1)} ms`);
	}
	return { result, timesMs, medianMs: median(timesMs) };
}

const random = createRandom('bench/proximity');
const venueRandom = random.fork('venues');
const siteRandom = random.fork('child-sites');
const venues: VenuePoint[] = Array.from({ length: VENUES }, (_, i) => ({
	id: `venue-${i}`,
	...pointInKosovo(venueRandom)
}));
const childSites: ChildSitePoint[] = Array.from({ length: CHILD_SITES }, (_, i) => ({
	id: `site-${i}`,
	name: `Child site ${i}`,
	...pointInKosovo(siteRandom)
}));

// One unmeasured run so the indexed figures do not include compiling the function.
nearChildren(venues, childSites);
const indexed = time(INDEXED_RUNS, 'indexed', () => nearChildren(venues, childSites));
const naive = time(NAIVE_RUNS, 'naive', () => nearChildrenNaive(venues, childSites));

let mismatches = 0;
for (const [id, near] of indexed.result) {
	const expected = naive.result.get(id);
	if (near?.nearestSiteId !== expected?.nearestSiteId || near?.distanceMetres !== expected?.distanceMetres)
		mismatches++;
}
const nearCount = [...indexed.result.values()].filter((near) => near !== null).length;

const ms = (value: number) => `${value.toFixed(1)} ms`;
const range = (values: readonly number[]) => `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;
const met = indexed.medianMs <= TARGET_MS;
console.log(
	[
		'## Proximity: venues near child sites (Node)',
		'',
		`${VENUES.toLocaleString('en')} venues × ${CHILD_SITES.toLocaleString('en')} child sites, uniformly spread over`,
		`Kosovo's bounding box (seed \`bench/proximity\`), 350 m radius, \`src/lib/domain/geo/proximity.ts\`.`,
		'',
		'| computation | runs | median | range |',
		'|---|---:|---:|---:|',
		`| grid index (\`nearChildren\`) | ${INDEXED_RUNS} | ${ms(indexed.medianMs)} | ${range(indexed.timesMs)} |`,
		`| all pairs (\`nearChildrenNaive\`) | ${NAIVE_RUNS} | ${ms(naive.medianMs)} | ${range(naive.timesMs)} |`,
		'',
		`- Naive ÷ indexed (medians): **${Math.round(naive.medianMs / indexed.medianMs).toLocaleString('en')}×**`,
		`- Target ≤ ${TARGET_MS} ms for the indexed computation: **${met ? 'met' : 'NOT met'}**`,
		`- Venues near children: ${nearCount.toLocaleString('en')} (${((100 * nearCount) / VENUES).toFixed(1)}%);` +
			` venues where the two computations disagree: ${mismatches}`
	].join('\n')
);
if (mismatches > 0) process.exit(1);
