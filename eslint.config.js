// Lint: correctness rules for TypeScript and Svelte, and the import walls of docs/ARCHITECTURE.md
// ("Layers"). Formatting is Prettier's job (.prettierrc.json), so eslint-config-prettier turns off
// every stylistic rule.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Browser-side code never imports server modules, not even their types. */
const serverWall = {
	patterns: [
		{
			group: ['$lib/server', '$lib/server/*', '**/lib/server/*', '**/lib/server'],
			message:
				'Browser-side code imports nothing from $lib/server (not even types): name the shape in $lib/domain/views.'
		}
	]
};

export default ts.config(
	{
		ignores: ['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'drizzle/', 'test-results/', 'static/']
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript's own checks (svelte-check, strict) cover these; the rule misfires on types.
			'no-undef': 'off',
			// The app has no `paths.base`: resolve() would return every href unchanged.
			'svelte/no-navigation-without-resolve': 'off',
			// It flags Maps and Sets built and returned inside $derived computations and handlers,
			// which are values, not state; state here is $state, never a mutated collection.
			'svelte/prefer-svelte-reactivity': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		files: [
			'src/lib/components/**',
			'src/lib/client/**',
			'src/routes/**/*.svelte',
			'src/routes/**/+page.ts',
			'src/routes/**/+layout.ts',
			'src/service-worker.ts',
			'src/service-worker/**'
		],
		rules: { 'no-restricted-imports': ['error', serverWall] }
	},
	{
		// The domain is pure: zod and other domain modules only (docs/ARCHITECTURE.md, "Layers").
		files: ['src/lib/domain/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(?!zod$|\\.{1,2}/|\\$lib/domain/)',
							message: 'src/lib/domain imports only zod and other domain modules.'
						}
					]
				}
			]
		}
	}
);
