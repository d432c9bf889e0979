/**
 * The screening benchmark: what catalogue version 2 costs per person. The phone works the
 * screening out again on every answer (PersonCard), and the server on every pushed person. Measured
 * back to back in one process on 2,000 demo persons: the server's derivation (screenAnswers, both
 * forms when the form is unknown) and the screen's (screenPersonAnswers, with findings per list),
 * against the rule alone on one list (what catalogue version 1 did). Target: the screen's work for
 * one person well under one 16 ms frame. Prints a markdown section for bench/RESULTS.md.
 */
import { performance } from 'node:perf_hooks';
import { defaultTemplate } from '../src/lib/domain/checklist/defaultTemplate.ts';
import { indicatorIdsFromAnswers, type Answers } from '../src/lib/domain/checklist/template.ts';
import { locationKinds } from '../src/lib/domain/records/codes.ts';
import type { AgeBand } from '../src/lib/domain/screening/screen.ts';
import { screenAnswers } from '../src/lib/domain/screening/screenAnswers.ts';
import { screenOnLists } from '../src/lib/domain/screening/screenLists.ts';
import { screenPersonAnswers } from '../src/lib/domain/screening/personScreening.ts';
import { screenPersonAt, type Expectation } from '../src/lib/server/demo/persons.ts';
import { createRandom } from '../src/lib/server/demo/random.ts';

const PERSONS = 2_000;
const RUNS = 7;
const FRAME_MS = 16;

const random = createRandom('bench/screening');
const expectations: Expectation[] = ['none', 'some', 'victim'];
const at = new Date('2026-06-04T20:00:00Z');
const persons = Array.from({ length: PERSONS }, (_, i) => {
	const row = screenPersonAt(
		random,
		defaultTemplate,
		`p${i}`,
		locationKinds[i % locationKinds.length]!,
		expectations[i % 3]!,
		at
	);
	return { answers: row.answers as Answers, ageBand: row.ageBand as AgeBand };
});

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function perPersonMicroseconds(label: string, screen: (answers: Answers, ageBand: AgeBand) => unknown): number {
	const runs: number[] = [];
	for (let run = 1; run <= RUNS; run++) {
		const started = performance.now();
		for (const person of persons) screen(person.answers, person.ageBand);
		runs.push(((performance.now() - started) * 1000) / PERSONS);
		console.error(`[screening] ${label} run ${run}/${RUNS}: ${runs.at(-1)!.toFixed(1)} µs per person`);
	}
	return median(runs);
}

// Warm up each path once, so the first measured run is not the JIT's.
for (const person of persons.slice(0, 200)) screenPersonAnswers(defaultTemplate, person.answers, person.ageBand);

const oneList = perPersonMicroseconds('rule on one list', (answers) =>
	screenOnLists(indicatorIdsFromAnswers(defaultTemplate, answers), false, ['adult_labour'])
);
const server = perPersonMicroseconds('screenAnswers', (answers, ageBand) =>
	screenAnswers(defaultTemplate, answers, ageBand)
);
const screen = perPersonMicroseconds('screenPersonAnswers', (answers, ageBand) =>
	screenPersonAnswers(defaultTemplate, answers, ageBand)
);

const ms = (us: number) => (us / 1000).toFixed(3);
console.log(`## Screening (catalogue version 2)

${PERSONS} demo persons, median of ${RUNS} runs, per person, back to back in one process.

| path | per person | vs the rule on one list |
|---|---|---|
| the rule on one list (what version 1 did) | ${oneList.toFixed(1)} µs | 1.00× |
| server: screenAnswers (list choice, both forms when unknown) | ${server.toFixed(1)} µs | ${(server / oneList).toFixed(2)}× |
| phone: screenPersonAnswers (with findings per list) | ${screen.toFixed(1)} µs | ${(screen / oneList).toFixed(2)}× |

Target: the phone's work for one person well under one ${FRAME_MS} ms frame — ${ms(screen)} ms on this machine (${screen < FRAME_MS * 1000 ? 'met' : 'missed'}).
`);
