/**
 * What a push carries that the database cannot store, and whose a mutation id is, through the real push endpoint on the engine under test.
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

type Sent = {
	mutationId?: string;
	entity: string;
	id: string;
	op?: 'upsert' | 'delete';
	baseVersion?: number;
	data: unknown;
};

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
const NUL = '\u0000';

/** Each bad mutation, and the field its refusal names. */
const cases: { name: string; field: string; mutation: () => Sent }[] = [
	{
		name: 'a NUL in an inspection’s notes',
		field: 'data.notes',
		mutation: () => ({
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { notes: `back${NUL}door` })
		})
	},
	{
		name: 'a NUL nested in the check-in (jsonb)',
		field: 'data.checkIn.overrideReason',
		mutation: () => ({
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, {
				checkIn: {
					lat: null,
					lng: null,
					accuracy: null,
					at: '2026-11-24T20:00:00.000Z',
					overrideReason: `no fix${NUL}`
				}
			})
		})
	},
	{
		name: 'a NUL in an answer’s key',
		field: 'data.answers.business\\u0000registered',
		mutation: () => ({
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { answers: { [`business${NUL}registered`]: 'no' } })
		})
	},
	{
		name: 'a lone high surrogate in a person’s nationality',
		field: 'data.nationality',
		mutation: () => ({
			entity: 'screenedPerson',
			id: randomUUID(),
			data: { ...visit().person('male'), nationality: 'X\ud800' }
		})
	},
	{
		name: 'a lone low surrogate in a person’s answers (jsonb)',
		field: 'data.answers.language',
		mutation: () => ({
			entity: 'screenedPerson',
			id: randomUUID(),
			data: { ...visit().person('male'), answers: { language: 'Roma \udc00' } }
		})
	},
	{
		name: 'a lone surrogate in a photo’s caption',
		field: 'data.caption',
		mutation: () => ({ entity: 'attachment', id: randomUUID(), data: { ...visit().photo(3), caption: 'door \udbff' } })
	},
	{
		name: 'a NUL in a referral’s notes',
		field: 'data.notes',
		mutation: () => ({ entity: 'referral', id: randomUUID(), data: { ...visit().referral(open.personId), notes: NUL } })
	},
	{
		name: 'a NUL in a proposed venue’s name',
		field: 'data.name',
		mutation: () => ({
			entity: 'location',
			id: randomUUID(),
			data: {
				name: `Bar${NUL}`,
				kind: 'bar',
				address: '',
				municipalityId: world.ids.municipality,
				lat: 42.66,
				lng: 21.16
			}
		})
	},
	{
		name: 'templateVersion 2^31',
		field: 'data.templateVersion',
		mutation: () => ({
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { templateVersion: 2 ** 31 })
		})
	},
	{
		name: 'a photo taken in year 0',
		field: 'data.takenAt',
		mutation: () => ({
			entity: 'attachment',
			id: randomUUID(),
			data: { ...visit().photo(4), takenAt: '0000-06-01T00:00:00Z' }
		})
	},
	{
		name: 'baseVersion 2^31 on an edit',
		field: 'baseVersion',
		mutation: () => ({
			entity: 'inspection',
			id: open.inspectionId,
			baseVersion: 2 ** 31,
			data: inspectionData(world, { notes: 'edited' })
		})
	}
];

describe(`a push with a value the database cannot store, on ${testEngine}`, () => {
	for (const bad of cases) {
		it(`refuses only the mutation with ${bad.name}, naming ${bad.field}`, async () => {
			// Valid text beyond the Basic Multilingual Plane (a surrogate pair) is stored as it is.
			const before = {
				entity: 'screenedPerson',
				id: randomUUID(),
				data: { ...visit().person('female'), nationality: 'XK 👍' }
			};
			const after = { entity: 'screenedPerson', id: randomUUID(), data: visit().person('male') };
			const results = await push(a1, [before, bad.mutation(), after]);
			expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
			expect(results[1]?.errors?.[0]?.field).toBe(bad.field);
			const stored = await database.db
				.select({ id: s.screenedPersons.id, nationality: s.screenedPersons.nationality })
				.from(s.screenedPersons)
				.where(inArray(s.screenedPersons.id, [before.id, after.id]));
			expect(stored).toHaveLength(2);
			expect(stored.find((row) => row.id === before.id)?.nationality).toBe('XK 👍');
		});
	}

	it('refuses such a mutation sent alone, too', async () => {
		const [result] = await push(a1, [cases[0]!.mutation()]);
		expect(result).toMatchObject({ status: 'rejected', errors: [{ field: 'data.notes' }] });
		const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, open.inspectionId));
		expect(row?.notes).toBe('');
	});
});

describe(`a mutation id, on ${testEngine}`, () => {
	it('answers its stored result to its own user only; another user’s mutation under it is refused, not dropped', async () => {
		const a2 = await app.signedIn('inspector_a2');
		const b1 = await app.signedIn('inspector_b1');
		const device = randomUUID();
		const mutationId = randomUUID();
		const first = {
			mutationId,
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { notes: 'a1 was here' })
		};
		expect((await push(a1, [first], device))[0]).toMatchObject({ status: 'applied', version: 1 });

		// A retry by its own user, from this device or another page's id, is answered as before.
		expect((await push(a1, [first], device))[0]).toMatchObject({ status: 'duplicate', version: 1 });
		expect((await push(a1, [first]))[0]).toMatchObject({ status: 'duplicate', version: 1 });

		// A team member's own change under the same id, alone and in a batch, and the very same mutation.
		const own = {
			mutationId,
			entity: 'inspection',
			id: randomUUID(),
			data: inspectionData(world, { notes: 'a2 was here' })
		};
		const refusal = {
			mutationId,
			status: 'rejected',
			errors: [{ field: 'mutationId', message: expect.stringContaining('already taken') }]
		};
		// (Under its own device id: another user's device id is refused outright, see auth.test.ts.)
		expect(await push(a2, [own])).toEqual([refusal]);
		const batch = await push(a2, [
			{ entity: 'screenedPerson', id: randomUUID(), data: visit().person('male') },
			own,
			first
		]);
		expect(batch.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected']);
		expect(batch.slice(1)).toEqual([refusal, refusal]);
		expect(await push(b1, [first])).toEqual([refusal]);

		// Nothing of a2's change was dropped silently: it was refused and nothing of it stored.
		expect(await database.db.select().from(s.inspections).where(eq(s.inspections.id, own.id))).toHaveLength(0);
		const [stored] = await database.db
			.select()
			.from(s.appliedMutations)
			.where(eq(s.appliedMutations.mutationId, mutationId));
		expect(stored?.userId).toBe(world.users.a1.id);
	});
});

describe(`other endpoints and form actions with a character the database cannot store, on ${testEngine}`, () => {
	it('a JSON endpoint answers 400 naming the field: a register import with a NUL in a venue’s row', async () => {
		const planner = await app.signedIn('planner_x');
		const text = ['name,kind,municipality,address,lat,lng', `Bar Nul${NUL},bar,Pristina,,42.60,21.10`].join('\n');
		const response = await planner.post('/api/register/import', {
			layer: 'venues',
			format: 'csv',
			text,
			confirm: true
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'text' });
		expect((await database.db.select().from(s.locations)).filter((row) => row.name.startsWith('Bar Nul'))).toHaveLength(
			0
		);
	});

	it('sign-in answers 400 naming the field for a lone surrogate in the username', async () => {
		const response = await app
			.client()
			.post('/api/auth/login', { username: 'inspector_a1\ud800', password: 'x' }, { address: '10.99.0.1' });
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'username' });
	});

	it('a planning form answers 400 naming the field, and nothing is written', async () => {
		const planner = await app.signedIn('planner_x');
		const plansBefore = (await database.db.select().from(s.plans)).length;
		const form = new URLSearchParams({
			title: `Plan${NUL}`,
			objective: 'x',
			periodStart: '2026-12-01',
			periodEnd: '2026-12-31',
			municipalityIds: world.ids.municipality
		});
		const response = await planner.request('/plan?/createPlan', {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: form.toString()
		});
		expect(response.status).toBe(400);
		expect(await response.text()).toContain('title');
		expect(await database.db.select().from(s.plans)).toHaveLength(plansBefore);
	});

	it('a query string answers 400 naming the parameter: the plan list searched for a NUL', async () => {
		const planner = await app.signedIn('planner_x');
		const page = await planner.get('/plan?q=bar%00');
		expect(page.status).toBe(400);
		expect(await page.text()).toContain('q: contains a NUL character');
		const api = await (await app.signedIn('supervisor_x')).get('/api/coverage?municipalityId=%00');
		expect(api.status).toBe(400);
		expect(await api.json()).toMatchObject({ field: 'municipalityId' });
	});
});
