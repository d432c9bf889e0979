/**
 * Server-side sync benchmarks, through the real push endpoint (the built app served
 * in-process, see tests/support/app.ts) on PGlite and, when a server is reachable, PostgreSQL:
 * - a device's backlog of 500 inspections (60 answers and 3 screened persons each) pushed in the
 *   client's batches, against a plain batched INSERT of the same rows into the same database
 *   (medians of alternating rounds);
 * - 100 devices pushing 10 inspections each at once (PostgreSQL only: PGlite serves one
 *   connection), p50/p95 latency per request, errors and duplicates.
 * Needs `npm run build` first. Prints a markdown section for bench/RESULTS.md.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { inArray, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/index.ts';
import * as s from '../src/lib/server/db/schema.ts';
import { startApp } from '../tests/support/app.ts';
import { buildSyncWorld, inspectionData, type SyncWorld } from '../tests/support/syncWorld.ts';
import { FIXTURE_PASSWORD } from '../tests/support/fixtures.ts';
import { nextBatch, PUSH_BATCH, PUSH_BYTES } from '../src/lib/client/sync/engine.ts';
import type { ChecklistTemplate } from '../src/lib/domain/checklist/template.ts';
import { text } from '../src/lib/domain/text.ts';
import postgres from 'postgres';

const INSPECTIONS = 500;
const PERSONS_PER_INSPECTION = 3;
const ANSWERS = 60;
const ROUNDS = 3;

function benchTemplate(base: ChecklistTemplate): ChecklistTemplate {
	const venueItems = Array.from({ length: ANSWERS }, (_, i) => ({
		id: `bench_item_${i}`,
		kind: 'yesNo' as const,
		label: text(`Item ${i}`, `Pika ${i}`, `Stavka ${i}`)
	}));
	return {
		...base,
		id: randomUUID(),
		version: 1,
		sections: [
			{ id: 'bench_venue', scope: 'venue', title: text('Venue', 'Vendi', 'Objekat'), items: venueItems },
			...base.sections.filter((x) => x.scope === 'person')
		]
	};
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}
function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Backlog = {
	mutations: {
		mutationId: string;
		entity: string;
		op: 'upsert';
		id: string;
		baseVersion: number;
		data: Record<string, unknown>;
	}[];
};

function backlog(world: SyncWorld, template: ChecklistTemplate): Backlog {
	const answers = Object.fromEntries(
		template.sections[0]!.items.map((item, i) => [item.id, i % 3 === 0 ? 'yes' : i % 3 === 1 ? 'no' : 'notObserved'])
	);
	const mutations: Backlog['mutations'] = [];
	for (let i = 0; i < INSPECTIONS; i++) {
		const inspectionId = randomUUID();
		mutations.push({
			mutationId: randomUUID(),
			entity: 'inspection',
			op: 'upsert',
			id: inspectionId,
			baseVersion: 0,
			data: inspectionData(world, { templateId: template.id, answers, notes: `bench ${i}` })
		});
		for (let p = 0; p < PERSONS_PER_INSPECTION; p++) {
			mutations.push({
				mutationId: randomUUID(),
				entity: 'screenedPerson',
				op: 'upsert',
				id: randomUUID(),
				baseVersion: 0,
				data: {
					inspectionId,
					sex: 'female',
					ageBand: '23_25',
					nationality: 'kosovo',
					education: null,
					roleAtVenue: null,
					recruitment: null,
					exploitationForm: null,
					language: null,
					answers: {}
				}
			});
		}
	}
	return { mutations };
}

async function prepare(database: Database) {
	const world = await buildSyncWorld(database);
	const template = benchTemplate(world.template);
	await database.db
		.insert(s.checklistTemplates)
		.values({ templateId: template.id, templateVersion: 1, definition: template });
	return { world, template };
}

/** The same rows as plain multi-row INSERTs: the floor any sync protocol is measured against. */
async function plainInsert(database: Database, world: SyncWorld, work: Backlog): Promise<number> {
	const started = performance.now();
	const inspections = work.mutations.filter((m) => m.entity === 'inspection');
	const persons = work.mutations.filter((m) => m.entity === 'screenedPerson');
	const [user] = await database.db.select({ id: s.users.id }).from(s.users).limit(1);
	const rename = (m: Backlog['mutations'][number]) =>
		({ ...m.data, id: randomUUID(), startedAt: new Date(String(m.data.startedAt)), createdBy: user!.id }) as never;
	const ids = new Map<string, string>();
	const inspectionRows = inspections.map((m) => {
		const row = rename(m) as { id: string };
		ids.set(m.id, row.id);
		return row;
	});
	for (let i = 0; i < inspectionRows.length; i += 100)
		await database.db.insert(s.inspections).values(inspectionRows.slice(i, i + 100) as never);
	const personRows = persons.map(
		(m) => ({ ...m.data, id: randomUUID(), inspectionId: ids.get(String(m.data.inspectionId)) }) as never
	);
	for (let i = 0; i < personRows.length; i += 300)
		await database.db.insert(s.screenedPersons).values(personRows.slice(i, i + 300));
	void world;
	return performance.now() - started;
}

async function pushBacklog(label: string, database: Database, prepared: Awaited<ReturnType<typeof prepare>>) {
	const app = await startApp(database);
	const { world, template } = prepared;
	const client = app.client();
	await client.post('/api/auth/login', { username: 'inspector_a1', password: FIXTURE_PASSWORD });
	const pushes: number[] = [];
	const plains: number[] = [];
	let requests = 0;
	let mutations = 0;
	// Alternating rounds on a growing database, so both sides see the same table sizes and noise.
	for (let round = 0; round < ROUNDS; round++) {
		const work = backlog(world, template);
		const deviceId = randomUUID();
		requests = 0;
		const started = performance.now();
		for (let i = 0; i < work.mutations.length;) {
			// Batched as the device's sync engine batches its outbox.
			const batch = nextBatch(work.mutations.slice(i), (m) => m.data);
			i += batch.length;
			requests++;
			const response = await client.post('/api/sync/push', { deviceId, mutations: batch });
			const { results } = (await response.json()) as { results: { status: string }[] };
			const failed = results.filter((r) => r.status !== 'applied');
			if (failed.length) throw new Error(`${failed.length} mutations not applied: ${JSON.stringify(failed[0])}`);
		}
		pushes.push(performance.now() - started);
		plains.push(await plainInsert(database, world, backlog(world, template)));
		const inspectionIds = work.mutations.filter((m) => m.entity === 'inspection').map((m) => m.id);
		const [stored] = await database.db
			.select({ n: sql<number>`count(*)` })
			.from(s.inspections)
			.where(inArray(s.inspections.id, inspectionIds));
		if (Number(stored?.n) !== INSPECTIONS) throw new Error(`${stored?.n} of ${INSPECTIONS} inspections stored`);
		mutations = work.mutations.length;
		console.error(
			`[sync] ${label} round ${round + 1}: push ${pushes.at(-1)!.toFixed(0)} ms in ${requests} requests, plain ${plains.at(-1)!.toFixed(0)} ms`
		);
	}
	return {
		label,
		mutations,
		requests,
		pushMs: median(pushes),
		plainMs: median(plains),
		ratio: median(pushes) / median(plains)
	};
}

async function freshPostgres(): Promise<{ database: Database; drop: () => Promise<void> } | null> {
	const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });
	try {
		const name = `kontrolla_bench_${Date.now()}`;
		await admin.unsafe(`CREATE DATABASE ${name}`);
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		const database = await openDatabase({ url: url.toString() });
		return {
			database,
			drop: async () => {
				await database.close();
				await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await admin.end();
			}
		};
	} catch (error) {
		console.error(`[sync] no PostgreSQL: ${(error as Error).message}`);
		await admin.end();
		return null;
	}
}

async function concurrentDevices(database: Database, world: SyncWorld) {
	const app = await startApp(database);
	const devices = 100;
	const perDevice = 10;
	const clients = await Promise.all(
		Array.from({ length: devices }, async (_, d) => {
			const client = app.client();
			await client.post(
				'/api/auth/login',
				{ username: d % 2 ? 'inspector_a1' : 'inspector_a2', password: FIXTURE_PASSWORD },
				{ address: `10.50.${d}.1` }
			);
			return client;
		})
	);
	const latencies: number[] = [];
	let errors = 0;
	const ids: string[] = [];
	await Promise.all(
		clients.map(async (client) => {
			const deviceId = randomUUID();
			for (let i = 0; i < perDevice; i++) {
				const id = randomUUID();
				ids.push(id);
				const started = performance.now();
				const response = await client.post('/api/sync/push', {
					deviceId,
					mutations: [
						{
							mutationId: randomUUID(),
							entity: 'inspection',
							op: 'upsert',
							id,
							baseVersion: 0,
							data: inspectionData(world)
						}
					]
				});
				latencies.push(performance.now() - started);
				const body = (await response.json()) as { results?: { status: string }[] };
				if (response.status !== 200 || body.results?.[0]?.status !== 'applied') errors++;
			}
		})
	);
	const [stored] = await database.db
		.select({ n: sql<number>`count(*)` })
		.from(s.inspections)
		.where(inArray(s.inspections.id, ids));
	return {
		requests: latencies.length,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		errors,
		stored: Number(stored?.n),
		expected: devices * perDevice
	};
}

const rows: string[] = [];
const row = (engine: string, r: Awaited<ReturnType<typeof pushBacklog>>) =>
	`| ${engine} | ${r.mutations} | ${r.requests} | ${r.pushMs.toFixed(0)} ms | ${r.plainMs.toFixed(0)} ms | ${r.ratio.toFixed(1)}× |`;
const pglite = await openDatabase({ dir: 'memory://' });
const onPglite = await pushBacklog('PGlite', pglite, await prepare(pglite));
await pglite.close();
rows.push(row('PGlite (in memory)', onPglite));

let concurrent = '- 100 concurrent devices: skipped (no PostgreSQL server reachable).';
const pg = await freshPostgres();
if (pg) {
	const prepared = await prepare(pg.database);
	const onPg = await pushBacklog('PostgreSQL', pg.database, prepared);
	rows.push(row('PostgreSQL', onPg));
	const c = await concurrentDevices(pg.database, prepared.world);
	concurrent = `- 100 concurrent devices × 10 inspections on PostgreSQL (in-process server, one connection pool of 10): ${c.requests} requests, p50 ${c.p50.toFixed(0)} ms, p95 ${c.p95.toFixed(0)} ms, ${c.errors} errors, ${c.stored} of ${c.expected} stored (${c.stored === c.expected ? 'no loss, no duplicates' : 'MISMATCH'}).`;
	await pg.drop();
}

console.log(`## Sync push

Backlog of ${INSPECTIONS} inspections with ${ANSWERS} answers and ${PERSONS_PER_INSPECTION} screened persons each, pushed as the device's sync engine batches its outbox (at most ${PUSH_BATCH} mutations and about ${PUSH_BYTES / 1024} KiB of data per request) through the real endpoint (validation against the template, three-way check, change feed, idempotency row and audit entry per mutation; each request applied as one transaction, its bookkeeping and new records written together — see server/sync/push.ts), against a plain batched INSERT of the same rows into the same database. Target: at most 3× the plain insert.

| engine | mutations | requests | push (median of ${ROUNDS}) | plain INSERT (median of ${ROUNDS}) | ratio |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}

${concurrent}
`);
