#!/usr/bin/env node
// The whole test suite, as the README's `npm test`: unit tests, the build, the server suite on
// PGlite and (when DATABASE_URL names a PostgreSQL server) again on PostgreSQL, then the browser
// tests against the built app. Stops at the first failing step.
import { spawnSync } from 'node:child_process';

const steps = [
	// Writes .svelte-kit/tsconfig.json, which tsconfig.json extends: on a clean clone it is missing.
	{ name: 'svelte-kit sync', cmd: ['npx', 'svelte-kit', 'sync'] },
	{ name: 'unit tests', cmd: ['npx', 'vitest', 'run', '--project', 'unit'] },
	{ name: 'build', cmd: ['npx', 'vite', 'build', '--logLevel', 'warn'] },
	// After the build, which compiles the Paraglide messages the types refer to.
	{
		name: 'type check',
		cmd: ['npx', 'svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']
	},
	// Prettier's format and eslint (the import walls of docs/STYLE.md among its rules).
	{ name: 'lint', cmd: ['npm', 'run', 'lint', '--silent'] },
	{
		name: 'server suite on PGlite',
		cmd: ['npx', 'vitest', 'run', '--project', 'server'],
		env: { TEST_ENGINE: 'pglite', DATABASE_URL: '' }
	}
];
if (process.env.DATABASE_URL) {
	steps.push({
		name: 'server suite on PostgreSQL',
		cmd: ['npx', 'vitest', 'run', '--project', 'server'],
		env: { TEST_ENGINE: 'postgres' }
	});
} else {
	console.log(
		'\n[test] DATABASE_URL is not set: the server suite runs on PGlite only (.ci/run sets it for PostgreSQL).'
	);
}
steps.push({
	name: 'end-to-end tests in Chromium',
	cmd: ['npx', 'vitest', 'run', '--project', 'e2e'],
	env: { DATABASE_URL: '' }
});

const timings = [];
for (const step of steps) {
	console.log(`\n[test] ── ${step.name} ──`);
	const started = Date.now();
	const env = { ...process.env, ...step.env };
	for (const [key, value] of Object.entries(step.env ?? {})) if (value === '') delete env[key];
	const result = spawnSync(step.cmd[0], step.cmd.slice(1), { stdio: 'inherit', env });
	timings.push(`${step.name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	if (result.status !== 0) {
		console.error(`\n[test] FAILED: ${step.name}`);
		process.exit(result.status ?? 1);
	}
}
console.log(`\n[test] all steps passed\n  ${timings.join('\n  ')}`);
