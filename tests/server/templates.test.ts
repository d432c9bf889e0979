import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { parse as parseDevalue } from 'devalue';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { publishTemplate, TemplateRejected } from '../../src/lib/server/templates/publish.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import type { ChecklistTemplate } from '../../src/lib/domain/checklist/template.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';
import type { Change, MutationResult } from '../../src/lib/domain/sync/wire.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let planner: SessionUser;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	const [agency] = await database.db.select().from(s.agencies).where(eq(s.agencies.code, 'police'));
	planner = {
		id: world.users.planner.id,
		username: 'planner_x',
		displayName: 'Test planner_x',
		role: 'planner',
		agencyId: agency!.id,
		agencyCode: 'police'
	};
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

type ActionAnswer = { status: number; type?: string; data?: Record<string, unknown> };

/** Submits the page's publish form the way `use:enhance` does, and reads SvelteKit's answer. */
async function publishThroughPage(client: TestClient, definition: string): Promise<ActionAnswer> {
	const response = await client.request('/plan/templates?/publish', {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: new URLSearchParams({ definition }).toString()
	});
	if (!response.headers.get('content-type')?.includes('application/json')) return { status: response.status };
	const body = (await response.json()) as { type: string; status?: number; data?: string };
	return {
		status: body.status ?? response.status,
		type: body.type,
		data: body.data ? parseDevalue(body.data) : undefined
	};
}

function nextOf(
	template: ChecklistTemplate,
	version: number,
	title = `Joint inspection v${version}`
): ChecklistTemplate {
	return { ...template, version, title: { en: title, sq: title, sr: title } };
}

async function rejectionOf(definition: unknown): Promise<TemplateRejected> {
	const error = await publishTemplate(planner, definition, database.db).catch((thrown: unknown) => thrown);
	expect(error).toBeInstanceOf(TemplateRejected);
	return error as TemplateRejected;
}

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

async function push(client: TestClient, entity: string, data: unknown): Promise<MutationResult> {
	const response = await client.post('/api/sync/push', {
		deviceId: randomUUID(),
		mutations: [{ mutationId: randomUUID(), entity, op: 'upsert', id: randomUUID(), baseVersion: 0, data }]
	});
	expect(response.status).toBe(200);
	return (await response.json()).results[0];
}

describe(`publishing checklist templates on ${testEngine}`, () => {
	it('a planner publishes the next version, and an inspector’s device pulls it', async () => {
		const client = await signedIn('planner_x');
		const answer = await publishThroughPage(client, JSON.stringify(nextOf(defaultTemplate, 2)));
		expect(answer).toMatchObject({
			type: 'success',
			data: { published: { templateId: defaultTemplate.id, version: 2 } }
		});

		const rows = await database.db
			.select()
			.from(s.checklistTemplates)
			.where(and(eq(s.checklistTemplates.templateId, defaultTemplate.id), eq(s.checklistTemplates.templateVersion, 2)));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ publishedBy: world.users.planner.id, version: 1 });
		const audit = await database.db.select().from(s.auditLog).where(eq(s.auditLog.recordId, rows[0]!.id));
		expect(audit.map((entry) => entry.action)).toEqual(['template.publish']);

		const inspector = await signedIn('inspector_a1');
		const pulled = (await pullAll(inspector)).filter((change) => change.entity === 'checklistTemplate');
		const versions = pulled.map((change) => change.data?.templateVersion).sort();
		expect(versions).toEqual([1, 2]);
		const second = pulled.find((change) => change.data?.templateVersion === 2);
		expect((second?.data?.definition as ChecklistTemplate).title.en).toBe('Joint inspection v2');
	});

	it('lists every problem of an invalid template with its path, and publishes nothing', async () => {
		const broken = structuredClone(nextOf(defaultTemplate, 3)) as unknown as {
			sections: { items: Record<string, unknown>[] }[];
		};
		broken.sections[0]!.items[0]!.kind = 'slider';
		broken.sections[1]!.items[0]!.indicator = 'adult_labour.no_such.indicator';
		const { issues } = await rejectionOf(broken);
		expect(issues.map((issue) => issue.path)).toEqual(
			expect.arrayContaining(['sections[0].items[0].kind', 'sections[1].items[0].indicator'])
		);

		const client = await signedIn('planner_x');
		const notJson = await publishThroughPage(client, '{ "id": ');
		expect(notJson).toMatchObject({ type: 'failure', status: 400 });
		const invalid = await publishThroughPage(client, JSON.stringify(broken));
		expect(invalid).toMatchObject({ type: 'failure', status: 422 });
		expect((invalid.data?.issues as { path: string }[]).map((issue) => issue.path)).toContain(
			'sections[0].items[0].kind'
		);

		const rows = await database.db
			.select()
			.from(s.checklistTemplates)
			.where(eq(s.checklistTemplates.templateId, defaultTemplate.id));
		expect(rows.map((row) => row.templateVersion).sort()).toEqual([1, 2]);
	});

	it('never changes a published version: republishing it or skipping ahead is refused', async () => {
		const before = await database.db
			.select()
			.from(s.checklistTemplates)
			.where(eq(s.checklistTemplates.templateId, defaultTemplate.id));
		const again = await rejectionOf(nextOf(defaultTemplate, 1, 'Rewritten history'));
		expect(again.issues).toEqual([
			{ path: 'version', message: expect.stringContaining('next version of this template is 3') }
		]);
		const ahead = await rejectionOf(nextOf(defaultTemplate, 7));
		expect(ahead.issues[0]?.path).toBe('version');

		const after = await database.db
			.select()
			.from(s.checklistTemplates)
			.where(eq(s.checklistTemplates.templateId, defaultTemplate.id));
		expect(after).toEqual(before);
	});

	it('starts a new template id at version 1', async () => {
		const id = randomUUID();
		expect((await rejectionOf({ ...nextOf(defaultTemplate, 2), id })).issues[0]?.path).toBe('version');
		await expect(
			publishTemplate(planner, { ...nextOf(defaultTemplate, 1, 'Massage parlours'), id }, database.db)
		).resolves.toMatchObject({ templateId: id, version: 1 });
	});

	it('does not let an inspector or a supervisor publish', async () => {
		for (const username of ['inspector_a1', 'supervisor_x']) {
			const client = await signedIn(username);
			expect((await client.get('/plan/templates')).status).toBe(403);
			const answer = await publishThroughPage(client, JSON.stringify(nextOf(defaultTemplate, 3)));
			expect(answer.status).toBe(403);
		}
		const rows = await database.db
			.select()
			.from(s.checklistTemplates)
			.where(eq(s.checklistTemplates.templateId, defaultTemplate.id));
		expect(rows).toHaveLength(2);
	});

	it('rejects an inspection naming a version never published, and keeps one begun on an older version valid', async () => {
		const inspector = await signedIn('inspector_a1');
		const unpublished = await push(inspector, 'inspection', inspectionData(world, { templateVersion: 99 }));
		expect(unpublished).toMatchObject({ status: 'rejected' });
		expect(unpublished.errors?.map((error) => error.field)).toContain('data.templateVersion');

		const olderDraft = await push(inspector, 'inspection', inspectionData(world, { templateVersion: 1 }));
		expect(olderDraft).toMatchObject({ status: 'applied' });
	});
});
