/**
 * The texts shown to a person in their language: seeded unreviewed on start, edited by an admin
 * into new versions (the old ones kept), marked reviewed with an audit entry, refused to other
 * roles and to bad input naming the field, and pulled by inspectors' devices as reference data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { submitAction } from '../support/formActions.ts';
import { addUser } from '../support/fixtures.ts';
import { randomUUID } from 'node:crypto';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { seedRows } from '../../src/lib/domain/personInfo/seed/index.ts';
import type { Change } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_x', 'admin', 'police');
});
afterAll(async () => database?.close());

/** Submits a form of /admin/texts the way `use:enhance` does. */
const act = (client: TestClient, action: string, fields: Record<string, string>) =>
	submitAction(client, `/admin/texts?/${action}`, fields);

const textsOf = (key: string, language: 'ro' | 'sq') =>
	database.db
		.select()
		.from(s.personTexts)
		.where(and(eq(s.personTexts.key, key), eq(s.personTexts.language, language)))
		.orderBy(s.personTexts.textVersion);

const auditOf = (action: string) => database.db.select().from(s.auditLog).where(eq(s.auditLog.action, action));

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

describe(`texts for persons, on ${testEngine}`, () => {
	it('are seeded on start, every one unreviewed, at version 1 of its language, audited once', async () => {
		const rows = await database.db.select().from(s.personTexts);
		expect(rows).toHaveLength(seedRows().length);
		expect(rows.every((row) => !row.reviewed && row.textVersion === 1)).toBe(true);
		expect(await auditOf('personText.seed')).toHaveLength(1);
	});

	it('an admin’s edit adds the language’s next version and keeps the old one, unreviewed, audited', async () => {
		const admin = await app.signedIn('admin_x');
		const answer = await act(admin, 'edit', {
			kind: 'card',
			key: 'hurt_here',
			language: 'ro',
			text: 'V-a lovit sau v-a rănit cineva aici?'
		});
		expect(answer).toMatchObject({ type: 'success', data: { action: 'edit', ok: true, data: { textVersion: 2 } } });
		const versions = await textsOf('hurt_here', 'ro');
		expect(versions.map((row) => [row.textVersion, row.reviewed])).toEqual([
			[1, false],
			[2, false]
		]);
		expect(versions[1]!.text).toBe('V-a lovit sau v-a rănit cineva aici?');
		const [entry] = await auditOf('personText.edit');
		expect(entry).toMatchObject({ entity: 'personText', recordId: versions[1]!.id });
		expect(entry!.summary).toContain('language=ro');
		expect(entry!.summary).toContain('textVersion=2');
		// Versions count per language: Albanian is still at 1.
		expect((await textsOf('hurt_here', 'sq')).map((row) => row.textVersion)).toEqual([1]);
	});

	it('marking a text reviewed records who and when, in the audit trail', async () => {
		const admin = await app.signedIn('admin_x');
		const [ro] = await textsOf('threatened_here', 'ro');
		const answer = await act(admin, 'review', { id: ro!.id, reviewed: 'true' });
		expect(answer).toMatchObject({ type: 'success', data: { action: 'review', ok: true } });
		const [after] = await textsOf('threatened_here', 'ro');
		expect(after).toMatchObject({ reviewed: true, version: 2 });
		expect(after!.reviewedBy).not.toBeNull();
		expect(after!.reviewedAt).toBeInstanceOf(Date);
		const entries = await auditOf('personText.review');
		expect(entries.map((e) => [e.recordId, e.userId === after!.reviewedBy])).toEqual([[ro!.id, true]]);
		expect(entries[0]!.summary).toContain('reviewed=true');

		// The admin's list marks each text by its newest version's state.
		const html = await (await admin.get('/admin/texts?language=ro')).text();
		const article = (key: string) => new RegExp(`data-text="card:${key}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
		expect(article('threatened_here')).toContain('Reviewed by');
		expect(article('hurt_here')).toContain('Not yet reviewed');
		expect(article('hurt_here')).toContain('Version 2');
	});

	it('refuses every other role with 403 and writes nothing', async () => {
		const [ro] = await textsOf('taken_or_sold', 'ro');
		for (const username of ['planner_x', 'supervisor_x', 'inspector_a1']) {
			const client = await app.signedIn(username);
			const edit = await act(client, 'edit', { kind: 'card', key: 'taken_or_sold', language: 'ro', text: 'x' });
			expect(edit.status, username).toBe(403);
			expect((await act(client, 'review', { id: ro!.id, reviewed: 'true' })).status, username).toBe(403);
			expect((await client.get('/admin/texts')).status, username).toBe(403);
		}
		expect(await textsOf('taken_or_sold', 'ro')).toEqual([ro]);
	});

	it('answers bad input with a 400 naming the field, and writes nothing', async () => {
		const admin = await app.signedIn('admin_x');
		const before = (await database.db.select().from(s.personTexts)).length;
		const cases: [string, Record<string, string>, string][] = [
			['edit', { kind: 'card', key: 'no_such_card', language: 'ro', text: 'x' }, 'key'],
			['edit', { kind: 'card', key: 'hurt_here', language: 'xx', text: 'x' }, 'language'],
			['edit', { kind: 'card', key: 'hurt_here', language: 'ro', text: '   ' }, 'text'],
			['edit', { kind: 'poem', key: 'hurt_here', language: 'ro', text: 'x' }, 'kind'],
			['review', { id: 'not-an-id', reviewed: 'true' }, 'id'],
			['review', { id: crypto.randomUUID(), reviewed: 'maybe' }, 'reviewed'],
			['helpline', { id: '', name: 'Helpline', number: 'call us', position: '0' }, 'number'],
			['helpline', { id: '', name: '', number: '0800 19999', position: '0' }, 'name']
		];
		for (const [action, fields, field] of cases) {
			const answer = await act(admin, action, fields);
			expect(answer.status, `${action} ${field}`).toBeGreaterThanOrEqual(400);
			expect(answer.status, `${action} ${field}`).toBeLessThan(500);
			expect(answer.data, `${action} ${field}`).toMatchObject({ action, field });
		}
		expect((await database.db.select().from(s.personTexts)).length).toBe(before);
		expect(await database.db.select().from(s.helplines)).toEqual([]);
	});

	it('an unchanged text is refused as a new version', async () => {
		const admin = await app.signedIn('admin_x');
		const [current] = await textsOf('family_threatened', 'ro');
		const answer = await act(admin, 'edit', {
			kind: 'card',
			key: 'family_threatened',
			language: 'ro',
			text: current!.text
		});
		expect(answer).toMatchObject({ status: 400, data: { field: 'text' } });
	});

	it('an inspector’s device pulls the texts, their versions and review marks, and the helplines', async () => {
		const admin = await app.signedIn('admin_x');
		const helpline = await act(admin, 'helpline', {
			id: '',
			name: 'Anti-trafficking',
			number: '0800 19999',
			position: '0'
		});
		expect(helpline).toMatchObject({ type: 'success', data: { action: 'helpline', ok: true } });
		expect(await auditOf('helpline.create')).toHaveLength(1);

		const changes = await pullAll(await app.signedIn('inspector_a1'));
		const texts = changes.filter((c) => c.entity === 'personText' && c.op === 'upsert').map((c) => c.data!);
		expect(texts).toHaveLength(seedRows().length + 1);
		expect(texts.find((t) => t.key === 'hurt_here' && t.language === 'ro' && t.textVersion === 2)).toMatchObject({
			text: 'V-a lovit sau v-a rănit cineva aici?',
			reviewed: false
		});
		expect(texts.find((t) => t.key === 'threatened_here' && t.language === 'ro')).toMatchObject({ reviewed: true });
		// Who reviewed stays on the server.
		expect(texts.every((t) => !('reviewedBy' in t))).toBe(true);
		const lines = changes.filter((c) => c.entity === 'helpline').map((c) => c.data);
		expect(lines).toEqual([expect.objectContaining({ name: 'Anti-trafficking', number: '0800 19999' })]);
	});

	it('a device’s record of what the person answered on the cards is stored when it holds together', async () => {
		const a1 = await app.signedIn('inspector_a1');
		const inspectionId = randomUUID();
		const visit = visitRecords(world, inspectionId);
		const person = (selfAnswered: unknown) => ({
			...visit.person('male'),
			answers: { hurt_here: 'yes', threatened_here: 'no' },
			selfAnswered
		});
		const good = randomUUID();
		const badItem = randomUUID();
		const badVersion = randomUUID();
		const response = await a1.post('/api/sync/push', {
			deviceId: randomUUID(),
			mutations: [
				{ entity: 'inspection', id: inspectionId, data: inspectionData(world) },
				{
					entity: 'screenedPerson',
					id: good,
					data: person({ language: 'ro', textVersion: 1, items: ['hurt_here', 'threatened_here'] })
				},
				// An item the record does not answer cannot have been answered on a card.
				{
					entity: 'screenedPerson',
					id: badItem,
					data: person({ language: 'ro', textVersion: 1, items: ['taken_or_sold'] })
				},
				// Romanian has no texts of version 9.
				{
					entity: 'screenedPerson',
					id: badVersion,
					data: person({ language: 'ro', textVersion: 9, items: ['hurt_here'] })
				},
				{ entity: 'screenedPerson', id: randomUUID(), data: person({ language: 'xx', textVersion: 1, items: [] }) }
			].map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
		});
		expect(response.status).toBe(200);
		const results = (await response.json()).results as { status: string; errors?: { field: string }[] }[];
		expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'rejected', 'rejected']);
		expect(results.slice(2).map((r) => r.errors?.[0]?.field)).toEqual([
			'data.selfAnswered.items.0',
			'data.selfAnswered.textVersion',
			'data.selfAnswered.language'
		]);
		const [stored] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, good));
		expect(stored?.selfAnswered).toEqual({ language: 'ro', textVersion: 1, items: ['hurt_here', 'threatened_here'] });
		expect(await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, badItem))).toEqual([]);
		expect(await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, badVersion))).toEqual([]);

		// An edit that leaves the cards alone (an older app, the inspector's own answer) keeps the record.
		const again = await a1.post('/api/sync/push', {
			deviceId: randomUUID(),
			mutations: [
				{
					mutationId: randomUUID(),
					entity: 'screenedPerson',
					op: 'upsert',
					id: good,
					baseVersion: 1,
					data: { ...visit.person('male'), answers: { hurt_here: 'yes', threatened_here: 'no', sex: 'male' } }
				}
			]
		});
		expect((await again.json()).results[0].status).toBe('applied');
		const [kept] = await database.db.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, good));
		expect(kept).toMatchObject({ version: 2, selfAnswered: { language: 'ro', textVersion: 1 } });
	});
});
