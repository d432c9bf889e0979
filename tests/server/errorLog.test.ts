/**
 * A database write that fails leaves codes in the server log, never the values it carried: the
 * failed query's message (with its parameters) must not reach the log.
 */
import { format } from 'node:util';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;

const NAME = 'Arbnora Qafëzezi-Llukaçaj';

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	// A write that the database refuses, as a full disk or a schema drift would.
	await database.db.execute(
		sql.raw(`ALTER TABLE inspections ADD CONSTRAINT test_refused_notes CHECK (notes NOT LIKE '%Qaf%')`)
	);
});
afterAll(async () => database?.close());

/** Everything the process prints while `run` runs: console and both standard streams. */
async function captured(run: () => Promise<void>): Promise<string> {
	let text = '';
	const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
		vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void (text += format(...args) + '\n'))
	);
	const streams = [process.stdout, process.stderr].map((stream) =>
		vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
			text += String(chunk);
			return true;
		}) as typeof stream.write)
	);
	try {
		await run();
	} finally {
		for (const spy of [...spies, ...streams]) spy.mockRestore();
	}
	return text;
}

describe(`the server log when a database write fails, on ${testEngine}`, () => {
	it('names the error by its codes and an id, never by the values written', async () => {
		const inspector = await app.signedIn('inspector_a1');
		let status = 0;
		let body = '';
		const log = await captured(async () => {
			const response = await inspector.post('/api/sync/push', {
				deviceId: randomUUID(),
				mutations: [
					{
						mutationId: randomUUID(),
						op: 'upsert',
						baseVersion: 0,
						entity: 'inspection',
						id: randomUUID(),
						data: inspectionData(world, { notes: `met ${NAME}` })
					}
				]
			});
			status = response.status;
			body = await response.text();
		});
		expect(status).toBe(500);
		expect(log).not.toContain('Qaf');
		expect(log).not.toContain('Arbnora');
		expect(body).not.toContain('Qaf');
		expect(log).toContain('23514');
		expect(log).toContain('test_refused_notes');
		expect(log).toMatch(/error [0-9a-f-]{36}: 500 POST \/api\/sync\/push/);
	});
});
