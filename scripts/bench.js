#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts with tsx, one after another so they do not compete
// for the CPU, and writes bench/RESULTS.md from what they print.
//
// The contract for a benchmark file: print one markdown section (starting with a `## ` heading) on
// stdout, progress and diagnostics on stderr, and exit 0. A file that fails, prints nothing or
// outlives BENCH_TIMEOUT_MS becomes a failed section, and the others still run. To iterate on one
// file, run it alone: `npx tsx bench/<name>.bench.ts`.
//
// The benches that serve the built app get a fresh `vite build` first.
//
// `npm run bench -- coverage sync` runs only the files whose names contain one of the words and
// replaces only their sections in RESULTS.md, keeping the others as they were measured; each section
// carries the date and load of its own run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const benchDir = path.resolve('bench');
const resultsFile = path.join(benchDir, 'RESULTS.md');
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 15 * 60_000);
const stderrLinesInReport = 20;
// The binary `npx tsx` would find, without npm's start-up time and warnings in every section.
const tsx = path.resolve('node_modules', '.bin', 'tsx');

/** @type {import('node:child_process').ChildProcess | null} */
let running = null;
// A detached child has its own process group and misses the terminal's Ctrl-C: pass it on.
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		if (running?.pid !== undefined) process.kill(-running.pid, 'SIGKILL');
		process.exit(130);
	});
}

/**
 * @param {string} file
 * @returns {Promise<{
 *   code: number | null, signal: NodeJS.Signals | null, timedOut: boolean, stdout: string, stderr: string
 * }>}
 */
function runBenchFile(file) {
	return new Promise((resolve) => {
		const child = spawn(tsx, [file], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
		running = child;
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => {
			stderr += chunk;
			process.stderr.write(chunk);
		});
		// The whole process group, so a browser or server the file started goes with it.
		const timer = setTimeout(() => {
			timedOut = true;
			if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => (stderr += `${error.message}\n`));
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			running = null;
			resolve({ code, signal, timedOut, stdout, stderr });
		});
	});
}

/** @param {string} file @param {string} why @param {string} stderr */
function failedSection(file, why, stderr) {
	const tail = stderr.trimEnd().split('\n').slice(-stderrLinesInReport).join('\n');
	const output = tail ? `\n\nLast lines of its error output:\n\n\`\`\`\n${tail}\n\`\`\`` : '';
	return `## ${file}: failed\n\n${why}${output}`;
}

function gitRevision() {
	const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	if (head.status !== 0) return null;
	const dirty = spawnSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).stdout.trim() !== '';
	return `${head.stdout.trim()}${dirty ? ' with uncommitted changes' : ''}`;
}

const only = process.argv.slice(2);
const allFiles = readdirSync(benchDir)
	.filter((name) => name.endsWith('.bench.ts'))
	.sort()
	.map((name) => path.join('bench', name));
const files = only.length === 0 ? allFiles : allFiles.filter((file) => only.some((word) => file.includes(word)));
if (files.length === 0) {
	console.error(`[bench] no bench/*.bench.ts files found${only.length ? ` matching ${only.join(', ')}` : ''}`);
	process.exit(1);
}

// These measure the built app: build it from the current sources first, so a fresh clone can run
// `npm run bench` and no bench measures a stale build.
const needsBuild = ['fieldColdStart', 'sync', 'basemap', 'multiServer'];
if (files.some((file) => needsBuild.some((word) => file.includes(word)))) {
	console.error('[bench] building the app (vite build) for the benches that serve it');
	const built = spawnSync(path.resolve('node_modules', '.bin', 'vite'), ['build'], {
		stdio: ['ignore', process.stderr, 'inherit']
	});
	if (built.status !== 0) {
		console.error('[bench] vite build failed');
		process.exit(1);
	}
}

const marker = (file) => `<!-- section: ${file} -->`;
/** The sections of an earlier RESULTS.md by file, so a partial run keeps what it did not re-measure. */
function earlierSections() {
	/** @type {Map<string, string>} */
	const sections = new Map();
	if (!existsSync(resultsFile)) return sections;
	const parts = readFileSync(resultsFile, 'utf8').split(/^<!-- section: (\S+) -->$/m);
	for (let i = 1; i < parts.length; i += 2) sections.set(parts[i], parts[i + 1].trim());
	return sections;
}

const cpus = os.cpus();
const startedAt = new Date();
const loadBefore = os
	.loadavg()
	.map((load) => load.toFixed(2))
	.join(', ');
const sections = earlierSections();
let failures = 0;
for (const file of files) {
	console.error(`\n[bench] ── ${file} ──`);
	const started = Date.now();
	const run = await runBenchFile(file);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	// From the first heading: a server started in-process may have logged a line on stdout before it.
	const heading = run.stdout.search(/^## /m);
	const section = heading < 0 ? run.stdout.trim() : run.stdout.slice(heading).trim();
	const measured = `_Measured ${new Date().toISOString()} at load ${os.loadavg()[0].toFixed(2)}, revision ${gitRevision() ?? 'unknown'}._`;
	let failure = null;
	if (run.timedOut) failure = `Stopped after ${timeoutMs / 1000} s (BENCH_TIMEOUT_MS).`;
	else if (run.code !== 0) {
		failure = `Exited with ${run.signal ? `signal ${run.signal}` : `code ${run.code}`} after ${seconds} s.`;
	} else if (!section.startsWith('## '))
		failure = `Printed no markdown section (expected a \`## \` heading on stdout).`;
	if (failure) {
		failures++;
		sections.set(file, failedSection(file, failure, run.stderr));
		console.error(`[bench] FAILED: ${file}: ${failure}`);
	} else {
		const [heading, ...body] = section.split('\n');
		sections.set(file, [heading, '', measured, ...body].join('\n'));
		console.error(`[bench] done: ${file} in ${seconds} s`);
	}
}

const revision = gitRevision();
const header = [
	'# Benchmark results',
	'',
	`Written by \`npm run bench\` (scripts/bench.js); do not edit by hand.`,
	'',
	`- Last run: ${startedAt.toISOString()}${only.length ? ` (only ${files.join(', ')})` : ''}`,
	...(revision ? [`- Revision: ${revision}`] : []),
	`- Node ${process.version} on ${os.platform()} ${os.arch()}`,
	`- CPU: ${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
	`- Load average (1, 5, 15 min) before the run: ${loadBefore}`,
	'',
	`Figures are medians of the number of runs each section states, measured on a shared ${cpus.length}-core`,
	'machine where other work competes for the CPU: absolute times vary between runs, and only ratios',
	'within one run compare.'
].join('\n');
const ordered = allFiles.filter((file) => sections.has(file)).map((file) => `${marker(file)}\n${sections.get(file)}`);
writeFileSync(resultsFile, `${header}\n\n${ordered.join('\n\n')}\n`);
const passed = files.length - failures;
console.error(`\n[bench] wrote ${path.relative(process.cwd(), resultsFile)}: ${passed} of ${files.length} passed`);
process.exit(failures > 0 ? 1 : 0);
