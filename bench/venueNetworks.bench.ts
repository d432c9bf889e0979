/**
 * The venue-network benchmark: 50,000 venues whose business numbers, phones, owners, managers and
 * addresses are drawn from pools small enough that many are shared, so networks and reopening
 * candidates form as on a real register. Times the pure rules (`domain/register/venueNetworks.ts`)
 * that every planner's map, card and queue run over the whole register. Prints a markdown section
 * for bench/RESULTS.md (scripts/bench.js).
 */
import { performance } from 'node:perf_hooks';
import {
	linkIndex,
	linksOf,
	networks,
	reopeningCandidates,
	venueLinks,
	type LinkableVenue
} from '../src/lib/domain/register/venueNetworks.ts';
import type { LocationStatus } from '../src/lib/domain/records/codes.ts';
import { createRandom } from '../src/lib/server/demo/random.ts';

const VENUES = 50_000;
const RUNS = 7;
const MUNICIPALITIES = Array.from({ length: 38 }, (_, i) => `municipality-${i}`);

const random = createRandom('bench/venueNetworks');
/** A value from a pool of `size`, or blank for the share of venues that do not record it. */
const drawn = (prefix: string, size: number, blankShare: number) =>
	random.chance(blankShare) ? '' : `${prefix} ${random.int(0, size - 1)}`;

const venues: LinkableVenue[] = Array.from({ length: VENUES }, (_, i) => ({
	id: `venue-${i}`,
	status: random.weighted<LocationStatus>([
		['active', 88],
		['closed_by_authority', 5],
		['gone', 3],
		['unverified', 4]
	]),
	address: drawn('Rruga', 30_000, 0.05),
	municipalityId: random.pick(MUNICIPALITIES),
	businessRegNo: drawn('81', 45_000, 0.2) || null,
	phone: random.chance(0.5) ? '' : `044 ${String(random.int(0, 39_999)).padStart(6, '0')}`,
	ownerName: drawn('Owner', 40_000, 0.4),
	managerName: drawn('Manager', 40_000, 0.6)
}));

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

function time<T>(label: string, compute: () => T): { result: T; timesMs: number[] } {
	let result = compute();
	const timesMs: number[] = [];
	for (let run = 1; run <= RUNS; run++) {
		const started = performance.now();
		result = compute();
		timesMs.push(performance.now() - started);
		console.error(`[venueNetworks] ${label} run ${run}/${RUNS}: ${(timesMs.at(-1) as number).toFixed(1)} ms`);
	}
	return { result, timesMs };
}

const components = time('networks', () => networks(venues));
const candidates = time('reopening candidates', () => reopeningCandidates(venues));
// What a venue's card computes (server/register/networks.ts `venueNetwork`), before its reopenings' dates.
const card = time('a venue card', () => venueLinks(venues, venues[0]!.id));
// The server keeps the register's index while the register is unchanged (server/register/networks.ts):
// a card is then a look-up; the venue in the largest network is the dearest one.
const index = linkIndex(venues);
const inLargest = [...index.networkOf.entries()].reduce((a, b) => (b[1].length > a[1].length ? b : a))[0];
const kept = time('a venue card, index kept', () => linksOf(index, venues[0]!.id));
const keptLargest = time('a card in the largest network, index kept', () => linksOf(index, inLargest));
const linked = components.result.reduce((sum, members) => sum + members.length, 0);
const largest = Math.max(...components.result.map((members) => members.length));

const ms = (value: number) => `${value.toFixed(1)} ms`;
const row = (label: string, timesMs: number[]) =>
	`| ${label} | ${RUNS} | ${ms(median(timesMs))} | ${ms(Math.min(...timesMs))} – ${ms(Math.max(...timesMs))} |`;
console.log(
	[
		'## Venue networks and reopening candidates (Node)',
		'',
		`${VENUES.toLocaleString('en')} venues with business numbers, phones, owners, managers and addresses drawn from`,
		'pools that make many of them shared (seed `bench/venueNetworks`), `src/lib/domain/register/venueNetworks.ts`:',
		"each venue's keys normalised once per computation and grouped in hash maps, no comparison of every pair.",
		'',
		'| computation | runs | median | range |',
		'|---|---:|---:|---:|',
		row('networks (union–find over the key index)', components.timesMs),
		row('reopening candidates (closed venues × key index)', candidates.timesMs),
		row("one venue's card, register indexed for it (`venueLinks`: its network and direct links)", card.timesMs),
		row(
			"one venue's card from the kept index (`linksOf`, as the server answers while the register is unchanged)",
			kept.timesMs
		),
		row('the same for a venue of the largest network', keptLargest.timesMs),
		'',
		`- Networks: ${components.result.length.toLocaleString('en')}, holding ${linked.toLocaleString('en')} venues; the largest has ${largest.toLocaleString('en')}`,
		`- Reopening candidates (before the dates are checked): ${candidates.result.length.toLocaleString('en')}`
	].join('\n')
);
