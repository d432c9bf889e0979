/**
 * The server derives a pushed person's screening itself (catalogue version 2): the lists chosen by
 * age and form, presumption of minority, each list's result, and the record's people present from
 * the venue counts — whatever the device sent for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, completeVenueAnswers, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let inspector: TestClient;
const inspectionId = randomUUID();

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	inspector = await app.signedIn('inspector_a1');
	const made = await push('inspection', inspectionId, inspectionData(world));
	expect(made.status).toBe('applied');
});
afterAll(async () => database?.close());

async function push(entity: string, id: string, data: unknown, baseVersion = 0): Promise<MutationResult> {
	const response = await inspector.post('/api/sync/push', {
		deviceId: randomUUID(),
		mutations: [{ mutationId: randomUUID(), entity, op: 'upsert', id, baseVersion, data }]
	});
	expect(response.status).toBe(200);
	return (await response.json()).results[0];
}

const person = (ageBand: string, answers: Record<string, unknown>) => ({
	inspectionId,
	sex: 'female',
	ageBand,
	nationality: '',
	education: null,
	roleAtVenue: null,
	recruitment: null,
	exploitationForm: null,
	language: null,
	answers: { age_band: ageBand, ...answers }
});

async function stored(id: string) {
	const [row] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, id));
	return row!;
}

describe(`screening on the server, catalogue version 2, on ${testEngine}`, () => {
	it('screens the 16-year-old of the issue as a possible victim on the child sexual list', async () => {
		const id = randomUUID();
		const answers = {
			recruitment: 'marriage_promise',
			recruited_by_partner: 'yes',
			forced_tasks_or_clients: 'yes',
			wages_withheld: 'yes',
			exploitation_form: 'sexual_exploitation'
		};
		expect((await push('screenedPerson', id, person('14_17', answers))).status).toBe('applied');
		expect(await stored(id)).toMatchObject({
			result: 'possible_victim',
			isMinor: true,
			catalogueVersion: 2,
			listResults: [{ list: 'child_sexual', result: 'possible_victim', dimensionsPresent: [5] }]
		});
	});

	it('presumes a minor when the age is unknown and the team marks "may be a minor"', async () => {
		const id = randomUUID();
		expect((await push('screenedPerson', id, person('unknown', { may_be_minor: 'yes' }))).status).toBe('applied');
		const row = await stored(id);
		expect(row.isMinor).toBe(true);
		expect(row.listResults.map((list) => list.list)).toEqual(['child_sexual', 'child_labour']);
	});

	it('counts an observation confirmed for the person, and not one removed or merely unclear', async () => {
		// Documents held (strong) + threats (medium): coercion at destination, when both count.
		const base = { exploitation_form: 'forced_labour', threatened_here: 'yes' };
		const confirmed = randomUUID();
		await push('screenedPerson', confirmed, person('26_30', { ...base, documents_kept_by_others: 'observed' }));
		expect((await stored(confirmed)).dimensionsPresent).toEqual([5]);
		const removed = randomUUID();
		await push('screenedPerson', removed, person('26_30', { ...base, documents_kept_by_others: 'dismissed' }));
		expect((await stored(removed)).dimensionsPresent).toEqual([]);
		const unclear = randomUUID();
		await push('screenedPerson', unclear, person('26_30', { ...base, documents_kept_by_others: 'unclear' }));
		expect((await stored(unclear)).dimensionsPresent).toEqual([]);
	});

	it('refuses an answer an indicator question cannot take, naming it', async () => {
		const result = await push('screenedPerson', randomUUID(), person('26_30', { deceived_about_job: 'maybe' }));
		expect(result.status).toBe('rejected');
		expect(result.errors?.map((error) => error.field)).toContain('data.answers.deceived_about_job');
	});

	it('derives the people present from the venue counts, not from what the device sent', async () => {
		const id = randomUUID();
		const answers = { ...completeVenueAnswers(world.template), women_present: 3, men_present: 1, minors_present: 1 };
		const result = await push(
			'inspection',
			id,
			inspectionData(world, { answers, peoplePresent: { women: 9, men: 9, minorsPresent: false } })
		);
		expect(result.status).toBe('applied');
		const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id));
		expect(row?.peoplePresent).toEqual({ women: 3, men: 1, minorsPresent: true });
	});
});
