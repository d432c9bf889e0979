import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { databaseBefore, type OldDatabase } from '../support/migrations.ts';
import { testEngine } from '../support/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';

let old: OldDatabase;
let upgraded: Database;
const victim = randomUUID();
const worker = randomUUID();

beforeAll(async () => {
	old = await databaseBefore('0008_screening_v2');
	// Two persons as catalogue version 1 stored them, before the migration.
	const row = (id: string, result: string, dimensions: string) =>
		`('${id}', '${randomUUID()}', 'female', '18_22', '{}', '${dimensions}', '${result}', false, 1, now(), now())`;
	await old.exec(
		`INSERT INTO screened_persons (id, inspection_id, sex, age_band, answers, dimensions_present, result, is_minor, version, created_at, updated_at) VALUES ` +
			`${row(victim, 'possible_victim', '[1,4,5]')}, ${row(worker, 'no_indicators', '[]')}`
	);
	upgraded = await old.upgrade();
}, 120_000);
afterAll(async () => old?.close());

describe(`the screening migration on ${testEngine}`, () => {
	it('keeps catalogue version 1 on old screenings, with their one list and stored result', async () => {
		const [stored] = await upgraded.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, victim));
		expect(stored).toMatchObject({
			catalogueVersion: 1,
			result: 'possible_victim',
			listResults: [{ list: 'adult_labour', result: 'possible_victim', dimensionsPresent: [1, 4, 5] }]
		});
		const [other] = await upgraded.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, worker));
		expect(other?.listResults).toEqual([{ list: 'adult_labour', result: 'no_indicators', dimensionsPresent: [] }]);
	});
});
