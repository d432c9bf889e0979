// Tests run without the SvelteKit and Paraglide plugins: unit tests load pure modules, server tests
// load the built app (build/), e2e tests drive `node build` in Chromium.
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	resolve: { alias: { $lib: path.resolve('src/lib') } },
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 90_000,
					hookTimeout: 180_000,
					fileParallelism: false
				}
			}
		]
	}
});
