/**
 * What a push carries that the database cannot store, and whose a mutation id is (issue 13,
 * findings 11 and 12), through the real push endpoint on the engine under test.
 * - A NUL character, an unpaired surrogate (at any depth, in a value or a key), an integer beyond its
 *   column or a time before year 1 refuses that one mutation, naming the field; the rest of the
 *   batch is applied. It used to fail the whole push with a 500, which the device resends for ever.
 * - A mutation id answers with its stored result only to the user who sent it; another user's
 *   mutation under the same id is refused, never answered with the first one's result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let a1: TestClient;
/** An open visit of team A with one person, for the children the cases send. */
const open = { inspectionId: randomUUID(), personId: randomUUID() };

type Sent = { mutationId?: string; entity: string; id: string; op?: 'upsert' | 'delete'; baseVersion?: number; data: unknown };

async function push(client: TestClient, mutations: Sent[], deviceId = randomUUID()): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId,
		mutations: mutations.map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	a1 = await app.signedIn('inspector_a1');
	const visit = visitRecords(world, open.inspectionId);
	const results = await push(a1, [
		{ entity: 'inspection', id: open.inspectionId, data: inspectionData(world) },
		{ entity: 'screenedPerson', id: open.personId, data: visit.person('female') }
	]);
	expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
});
afterAll(async () => database?.close());

const visit = () => visitRecords(world, open.inspectionId);
describe(`a mutation id, on ${testEngine}`, () => {
	it('answers its stored result to its own user only; another user’s mutation under it is refused, not dropped', async () => {
		const a2 = await app.signedIn('inspector_a2');
		const b1 = await app.signedIn('inspector_b1');
		const device = randomUUID();
		const mutationId = randomUUID();
		const first = { mutationId, entity: 'inspection', id: randomUUID(), data: inspectionData(world, { notes: 'a1 was here' }) };
		expect((await push(a1, [first], device))[0]).toMatchObject({ status: 'applied', version: 1 });

		// A retry by its own user, from this device or another page's id, is answered as before.
		expect((await push(a1, [first], device))[0]).toMatchObject({ status: 'duplicate', version: 1 });
		expect((await push(a1, [first]))[0]).toMatchObject({ status: 'duplicate', version: 1 });

		// A team member's own change under the same id, alone and in a batch, and the very same mutation.
		const own = { mutationId, entity: 'inspection', id: randomUUID(), data: inspectionData(world, { notes: 'a2 was here' }) };
		const refusal = { mutationId, status: 'rejected', errors: [{ field: 'mutationId', message: expect.stringContaining('already taken') }] };
		expect(await push(a2, [own], device)).toEqual([refusal]);
		const batch = await push(a2, [{ entity: 'screenedPerson', id: randomUUID(), data: visit().person('male') }, own, first]);
		expect(batch.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected']);
		expect(batch.slice(1)).toEqual([refusal, refusal]);
		expect(await push(b1, [first])).toEqual([refusal]);

		// Nothing of a2's change was dropped silently: it was refused and nothing of it stored.
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, own.id))).toHaveLength(0);
		const [stored] = await database.db.select().from(s.appliedMutations).where(eq(s.appliedMutations.mutationId, mutationId));
		expect(stored?.userId).toBe(world.users.a1.id);
	});
});

