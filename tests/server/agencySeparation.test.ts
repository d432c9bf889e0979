/**
 * Agency ownership through the real endpoints on the engine under test (domain/accessPolicy.ts): a
 * joint team's labour inspector never receives the police's checklist items or answers, may not
 * answer them, and does not wipe them by pushing the visit; the police teammate holds everything.
 * The labour inspectorate's supervisor sees how many persons were met, never the persons; the
 * police's supervisor reads them, on the record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import { buildSyncWorld, completeVenueAnswers, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { templateSchema } from '../../src/lib/domain/checklist/template.ts';
import { sha256Hex } from '../../src/lib/server/storage/attachments.ts';
import { byteStore } from '../../src/lib/server/storage/byteStore.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let police: TestClient;
let labour: TestClient;

// Items of the default template by owner (domain/checklist/default/venue.ts).
const POLICE_ITEM = 'weapons_seen';
const POLICE_SHOWN_BY = 'documents_held_by_manager';
const LABOUR_ITEM = 'written_contracts';
// The police item's question, in whichever language the page is in.
const POLICE_LABEL = /weapons seen|u panë armë|viđeno oružje/i;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'supervisor_l', 'supervisor', 'labour');
	police = await app.signedIn('inspector_a1');
	labour = await app.signedIn('inspector_a2');
});
afterAll(async () => database?.close());

async function pullAll(client: TestClient): Promise<Change[]> {
	const changes: Change[] = [];
	let cursor = '';
	for (;;) {
		const response = await client.get(`/api/sync/pull?cursor=${cursor}&limit=500`);
		expect(response.status).toBe(200);
		const page = await response.json();
		changes.push(...page.changes);
		cursor = page.cursor;
		if (!page.hasMore) return changes;
	}
}

async function push(client: TestClient, mutation: Record<string, unknown>): Promise<MutationResult> {
	const response = await client.post('/api/sync/push', {
		deviceId: randomUUID(),
		mutations: [{ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...mutation }]
	});
	expect(response.status).toBe(200);
	return (await response.json()).results[0];
}

const itemIdsOf = (change: Change | undefined) =>
	templateSchema.parse(change!.data!.definition).sections.flatMap((section) => section.items.map((item) => item.id));

/** A visit of the joint team A, answered by the police officer: a police item, a labour item, a joint one. */
async function policeVisit(): Promise<{ id: string; version: number }> {
	const id = randomUUID();
	const answers = { ...completeVenueAnswers(world.template), [POLICE_ITEM]: 'yes', [LABOUR_ITEM]: 'no' };
	const result = await push(police, { entity: 'inspection', id, data: inspectionData(world, { answers }) });
	expect(result.status).toBe('applied');
	return { id, version: result.status === 'applied' ? (result.version ?? 0) : 0 };
}

async function storedAnswers(id: string): Promise<Record<string, unknown>> {
	const [row] = await database.db.select().from(s.inspections).where(eq(s.inspections.id, id));
	return row!.answers as Record<string, unknown>;
}

describe(`the checklist by agency, on ${testEngine}`, () => {
	it('gives the labour inspector’s device neither police items nor their answers; the police teammate all', async () => {
		const { id } = await policeVisit();
		const byLabour = await pullAll(labour);
		const labourItems = itemIdsOf(byLabour.find((change) => change.entity === 'checklistTemplate'));
		expect(labourItems).toContain(LABOUR_ITEM);
		expect(labourItems).not.toContain(POLICE_ITEM);
		expect(labourItems).not.toContain(POLICE_SHOWN_BY);
		// The template the labour phone gets is still a valid one: what pointed to a police item went with it.
		expect(
			templateSchema.safeParse(byLabour.find((change) => change.entity === 'checklistTemplate')!.data!.definition)
				.success
		).toBe(true);
		const labourVisit = byLabour.find((change) => change.id === id);
		expect(labourVisit?.data?.answers).toMatchObject({ [LABOUR_ITEM]: 'no' });
		expect(labourVisit?.data?.answers).not.toHaveProperty(POLICE_ITEM);

		const byPolice = await pullAll(police);
		expect(itemIdsOf(byPolice.find((change) => change.entity === 'checklistTemplate'))).toContain(POLICE_ITEM);
		expect(byPolice.find((change) => change.id === id)?.data?.answers).toMatchObject({
			[POLICE_ITEM]: 'yes',
			[LABOUR_ITEM]: 'no'
		});
	});

	it('refuses a labour inspector’s answer to a police item, naming it, and writes nothing', async () => {
		const { id, version } = await policeVisit();
		const answers = { ...completeVenueAnswers(world.template), [POLICE_ITEM]: 'no' };
		const result = await push(labour, {
			entity: 'inspection',
			id,
			baseVersion: version,
			data: inspectionData(world, { answers })
		});
		expect(result.status).toBe('rejected');
		expect(result.status === 'rejected' && result.errors).toEqual([
			expect.objectContaining({ field: `data.answers.${POLICE_ITEM}` })
		]);
		expect(await storedAnswers(id)).toMatchObject({ [POLICE_ITEM]: 'yes' });
	});

	it('keeps the police answers when the labour inspector pushes the visit they never received', async () => {
		const { id, version } = await policeVisit();
		const labourCopy = (await pullAll(labour)).find((change) => change.id === id)!;
		const answers = { ...(labourCopy.data!.answers as Record<string, unknown>), [LABOUR_ITEM]: 'yes' };
		// Pushed from the version it pulled, and again after the police changed theirs (a three-way merge).
		const first = await push(labour, {
			entity: 'inspection',
			id,
			baseVersion: version,
			data: { ...labourCopy.data, answers }
		});
		expect(first.status).toBe('applied');
		expect(await storedAnswers(id)).toMatchObject({ [POLICE_ITEM]: 'yes', [LABOUR_ITEM]: 'yes' });

		const policeAnswers = { ...(await storedAnswers(id)), [POLICE_ITEM]: 'no' };
		const second = await push(police, {
			entity: 'inspection',
			id,
			baseVersion: first.status === 'applied' ? first.version : 0,
			data: inspectionData(world, { answers: policeAnswers })
		});
		expect(second.status).toBe('applied');
		const stale = await push(labour, {
			entity: 'inspection',
			id,
			baseVersion: first.status === 'applied' ? first.version : 0,
			data: { ...labourCopy.data, answers: { ...answers, women_present: 4 } }
		});
		expect(stale.status).toBe('applied');
		expect(await storedAnswers(id)).toMatchObject({ [POLICE_ITEM]: 'no', [LABOUR_ITEM]: 'yes', women_present: 4 });
	});

	it('lets the police officer answer the labour items of a joint visit', async () => {
		const { id } = await policeVisit();
		expect(await storedAnswers(id)).toMatchObject({ [LABOUR_ITEM]: 'no' });
	});
});

describe(`person-level records by agency, on ${testEngine}`, () => {
	const photoBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]);
	let inspectionId: string;
	let photoId: string;
	const personId = randomUUID();

	beforeAll(async () => {
		inspectionId = (await policeVisit()).id;
		photoId = randomUUID();
		await database.db.insert(s.screenedPersons).values({
			id: personId,
			inspectionId,
			sex: 'female',
			ageBand: '18_22',
			isMinor: false,
			result: 'possible_victim'
		});
		await (await byteStore()).put(sha256Hex(photoBytes), photoBytes);
		await database.db.insert(s.attachments).values({
			id: photoId,
			inspectionId,
			sha256: sha256Hex(photoBytes),
			mime: 'image/jpeg',
			size: photoBytes.length,
			takenAt: new Date('2026-11-24T20:30:00Z'),
			storedAt: new Date('2026-11-24T22:00:00Z')
		});
	});

	const views = async (userId: string, action: string) =>
		database.db
			.select()
			.from(s.auditLog)
			.where(and(eq(s.auditLog.userId, userId), eq(s.auditLog.action, action)));

	it('shows the labour inspectorate’s supervisor the count, not the persons, nor the police items', async () => {
		const supervisor = await app.signedIn('supervisor_l');
		const page = await supervisor.get(`/inspections/${inspectionId}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('data-persons="counted"');
		expect(html).not.toContain(personId);
		expect(html).not.toMatch(POLICE_LABEL);
		expect((await supervisor.get(`/api/attachments/${photoId}/file`)).status).toBe(404);
		expect((await supervisor.get('/coverage/reflection')).status).toBe(404);
		const [user] = await database.db.select().from(s.users).where(eq(s.users.username, 'supervisor_l'));
		expect(await views(user!.id, 'inspection.view_persons')).toHaveLength(0);
		expect(await views(user!.id, 'attachment.view')).toHaveLength(0);
	});

	it('lets the police supervisor read the persons, the photo and the police items, on the record', async () => {
		const supervisor = await app.signedIn('supervisor_x');
		const page = await supervisor.get(`/inspections/${inspectionId}`);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).not.toContain('data-persons="counted"');
		expect(html).toContain(personId);
		expect(html).toMatch(POLICE_LABEL);
		const photo = await supervisor.get(`/api/attachments/${photoId}/file`);
		expect(photo.status).toBe(200);
		expect((await supervisor.get('/coverage/reflection')).status).toBe(200);
		expect(await views(world.users.supervisor.id, 'inspection.view_persons')).not.toHaveLength(0);
		expect(await views(world.users.supervisor.id, 'attachment.view')).toHaveLength(1);
	});
});
