/**
 * The message files Paraglide compiles: each must parse (a merge once left a comma out and the build
 * failed), and every language must have every key, so no screen falls back to a key's name.
 */
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';

const languages = ['en', 'sq', 'sr'] as const;
const read = (language: string) =>
	JSON.parse(fs.readFileSync(`messages/${language}.json`, 'utf8')) as Record<string, unknown>;

describe('the message files', () => {
	it('parse, and hold the same keys in en, sq and sr', () => {
		const keys = Object.fromEntries(languages.map((language) => [language, Object.keys(read(language)).sort()]));
		expect(keys.sq).toEqual(keys.en);
		expect(keys.sr).toEqual(keys.en);
	});
});
