/**
 * The boundaries of docs/STYLE.md that eslint cannot state as an import rule, checked over the
 * source text: one module writes the change feed and the audit chain, the result code a query
 * compares with is spelt once, components reach the server only through client/api.ts, and the
 * server needs no double casts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
	return readdirSync(path.join(root, dir)).flatMap((name) => {
		const relative = path.join(dir, name);
		if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
		return /\.(ts|svelte)$/.test(name) ? [relative] : [];
	});
}

function filesMatching(dir: string, pattern: RegExp): string[] {
	return sourceFiles(dir).filter((file) => pattern.test(readFileSync(path.join(root, file), 'utf8')));
}

describe('the boundaries between layers', () => {
	it('writes the change feed and the audit chain only through records/syncedWrite.ts', () => {
		expect(filesMatching('src/lib/server', /\b(appendChanges|appendAudit\w*)\b/).sort()).toEqual([
			'src/lib/server/audit/log.ts',
			'src/lib/server/records/syncedWrite.ts',
			'src/lib/server/sync/changeFeed.ts'
		]);
	});

	it("spells the 'possible_victim' code once on the server, for every query to use", () => {
		const uses = sourceFiles('src/lib/server').flatMap((file) =>
			readFileSync(path.join(root, file), 'utf8')
				.split('\n')
				.filter((line) => line.includes("'possible_victim'"))
				.map(() => file)
		);
		expect(uses).toEqual(['src/lib/server/db/screening.ts']);
	});

	it('lets components and pages reach our endpoints only through client/api.ts', () => {
		expect(filesMatching('src/lib/components', /\bfetch\(/)).toEqual([]);
		expect(filesMatching('src/routes', /\bfetch\(/).filter((file) => file.endsWith('.svelte'))).toEqual([]);
	});

	it('leaves the sync scheduler to the outbox: no component announces its own writes', () => {
		expect(filesMatching('src/lib/components', /notifyLocalWrite/)).toEqual([]);
		expect(filesMatching('src/routes', /notifyLocalWrite/)).toEqual([]);
	});

	it('needs no double cast on the server', () => {
		expect(filesMatching('src/lib/server', /as unknown as/)).toEqual([]);
	});
});
