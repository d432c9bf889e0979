/**
 * The property: random and malformed bodies (fast-check) sent to every endpoint and form
 * action that changes state, signed in with a role allowed to write there, never get a 5xx and
 * never write. "Never write" is checked on the database itself: the row count of every table is
 * the same after the storm as before it. A body the server accepted would have to be well formed,
 * so an accepted one fails the test too (with the body, to see why).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser, FIXTURE_PASSWORD } from '../support/fixtures.ts';
import { buildSyncWorld, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { rowsOf } from '../../src/lib/server/db/rows.ts';

/** 10,000 in all by default, spread evenly over the targets below. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 10_000);

let database: Database;
let app: TestApp;
let world: SyncWorld;
const clients: Record<string, TestClient> = {};

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	await addUser(database, 'admin_x', 'admin', 'police');
	let address = 1;
	for (const username of ['inspector_a1', 'planner_x', 'admin_x']) {
		const client = app.client();
		const response = await client.post(
			'/api/auth/login',
			{ username, password: FIXTURE_PASSWORD, deviceId: crypto.randomUUID() },
			{ address: `10.77.0.${address++}` }
		);
		expect(response.status).toBe(200);
		clients[username] = client;
	}
}, 120_000);
afterAll(async () => database?.close());

/** Values a careless or hostile client sends: wrong types, empty, huge, injections, near-misses. */
const nasty = fc.oneof(
	fc.string(),
	fc.constantFrom(
		'',
		' ',
		'null',
		'undefined',
		'-1',
		'1e309',
		'NaN',
		'<script>alert(1)</script>',
		"'; drop table users; --",
		'../../etc/passwd',
		'x'.repeat(5000),
		'not-a-uuid',
		'2026-13-45',
		'99:99'
	),
	fc.uuid(),
	fc.integer().map(String)
);
const anyJson = fc.oneof(
	fc.jsonValue(),
	fc.dictionary(fc.string(), fc.jsonValue()),
	fc.record({
		deviceId: fc.oneof(fc.uuid(), fc.jsonValue()),
		mutations: fc.array(
			fc.dictionary(fc.constantFrom('mutationId', 'entity', 'op', 'id', 'baseVersion', 'data', 'x'), fc.jsonValue()),
			{ maxLength: 4 }
		)
	}),
	fc.record(
		{ name: nasty, kind: nasty, municipalityId: nasty, lat: fc.jsonValue(), lng: fc.jsonValue() },
		{ requiredKeys: [] }
	)
);

type Body = { contentType: string; body: string | Uint8Array };
const jsonBody: fc.Arbitrary<Body> = fc.oneof(
	anyJson.map((value) => ({ contentType: 'application/json', body: JSON.stringify(value) ?? 'null' })),
	fc.string().map((text) => ({ contentType: 'application/json', body: `{${text}` })),
	fc.uint8Array({ maxLength: 512 }).map((bytes) => ({ contentType: 'application/octet-stream', body: bytes }))
);
/**
 * Random form fields, with one field always broken: forms accept some odd but valid input (a team
 * named "NaN" is a team), so "malformed" is made certain by a value the form must refuse.
 */
const formBody = (fields: string[], broken: [field: string, values: string[]]): fc.Arbitrary<Body> =>
	fc
		.tuple(
			fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.string({ maxLength: 12 })), nasty, {
				maxKeys: fields.length + 2
			}),
			fc.constantFrom(...broken[1])
		)
		.map(([entries, bad]) => ({
			contentType: 'application/x-www-form-urlencoded',
			body: new URLSearchParams({ ...entries, [broken[0]]: bad }).toString()
		}));

type Target = { as: string; method: string; path: () => string; body: fc.Arbitrary<Body>; action?: boolean };

const id = (real: () => string) =>
	fc.sample(fc.oneof(fc.constant('real'), fc.constantFrom('not-a-uuid', '0', '%00'), fc.uuid()), 1)[0] === 'real'
		? real()
		: fc.sample(fc.uuid(), 1)[0]!;

function targets(): Target[] {
	const venue = () => id(() => world.ids.venues[2]!);
	const operation = () => id(() => world.ids.operation);
	const team = () => id(() => world.ids.teamA);
	const assignment = () => id(() => world.ids.assignmentA);
	const plan = () => world.ids.plan;
	const form = (as: string, path: () => string, fields: string[], broken: [string, string[]]): Target => ({
		as,
		method: 'POST',
		path,
		body: formBody(fields, broken),
		action: true
	});
	const badDate: [string, string[]] = ['date', ['', '2026-13-45', 'tomorrow', '24.11.2026']];
	const badId = (field: string): [string, string[]] => [field, ['', 'not-a-uuid', '0', crypto.randomUUID()]];
	return [
		{ as: 'inspector_a1', method: 'POST', path: () => '/api/sync/push', body: jsonBody },
		{
			as: 'inspector_a1',
			method: 'PUT',
			path: () => `/api/attachments/${id(() => crypto.randomUUID())}`,
			body: jsonBody
		},
		{
			as: 'inspector_a1',
			method: 'POST',
			path: () => `/api/auth/devices/${id(() => crypto.randomUUID())}/revoke`,
			body: jsonBody
		},
		{ as: 'planner_x', method: 'POST', path: () => '/api/locations', body: jsonBody },
		{ as: 'planner_x', method: 'PUT', path: () => `/api/locations/${venue()}`, body: jsonBody },
		{ as: 'planner_x', method: 'POST', path: () => `/api/locations/${venue()}/status`, body: jsonBody },
		{ as: 'planner_x', method: 'POST', path: () => `/api/locations/${venue()}/verify`, body: jsonBody },
		{ as: 'planner_x', method: 'POST', path: () => `/api/locations/${venue()}/merge`, body: jsonBody },
		{ as: 'planner_x', method: 'POST', path: () => '/api/register/import', body: jsonBody },
		{ as: 'planner_x', method: 'POST', path: () => `/api/plans/operations/${operation()}/assignments`, body: jsonBody },
		{ as: 'planner_x', method: 'PATCH', path: () => `/api/plans/assignments/${assignment()}`, body: jsonBody },
		{
			as: 'planner_x',
			method: 'DELETE',
			path: () => `/api/plans/assignments/${id(() => crypto.randomUUID())}`,
			body: jsonBody
		},
		{ as: 'planner_x', method: 'PUT', path: () => `/api/plans/teams/${team()}/order`, body: jsonBody },
		form(
			'planner_x',
			() => '/plan?/createPlan',
			['title', 'objective', 'periodStart', 'periodEnd', 'municipalityIds'],
			['periodStart', ['', '2026-13-45', 'soon']]
		),
		form(
			'planner_x',
			() => `/plan/${plan()}?/updatePlan`,
			['title', 'objective', 'periodStart', 'periodEnd', 'municipalityIds'],
			['periodEnd', ['', '2026-02-30', 'later']]
		),
		form(
			'planner_x',
			() => `/plan/${plan()}?/createOperation`,
			['title', 'date', 'startTime', 'endTime', 'area', 'leadAgencyId'],
			badDate
		),
		form('planner_x', () => `/plan/${plan()}?/deletePlan`, ['confirm'], ['confirm', ['', 'no', 'YES ', 'true']]),
		form(
			'planner_x',
			() => `/plan/operations/${world.ids.operation}?/setStatus`,
			['status'],
			['status', ['', 'finished', 'PLANNED', 'deleted']]
		),
		form(
			'planner_x',
			() => `/plan/operations/${world.ids.operation}?/updateOperation`,
			['title', 'date', 'startTime', 'endTime', 'area', 'leadAgencyId'],
			badDate
		),
		form(
			'planner_x',
			() => `/plan/operations/${world.ids.operation}?/createTeam`,
			['name', 'compositionReason', 'members', 'leader'],
			['name', ['', 'x'.repeat(5000)]]
		),
		form(
			'planner_x',
			() => `/plan/operations/${world.ids.operation}?/updateTeam`,
			['teamId', 'name', 'compositionReason', 'members', 'leader'],
			badId('teamId')
		),
		form('planner_x', () => `/plan/operations/${world.ids.operation}?/deleteTeam`, ['teamId'], badId('teamId')),
		form(
			'planner_x',
			() => `/plan/operations/${world.ids.operation}?/addSuggestions`,
			['teamId', 'count'],
			['count', ['', '-1', 'NaN', '1e9', 'ten']]
		),
		form(
			'planner_x',
			() => '/plan/templates?/publish',
			['definition'],
			['definition', ['', '{', '[]', '{"id":1}', 'null']]
		),
		form(
			'admin_x',
			() => '/admin/users?/create',
			['username', 'displayName', 'role', 'agencyCode', 'password'],
			['role', ['', 'root', 'ADMIN', 'superuser']]
		),
		form('admin_x', () => '/admin/users?/reset', ['userId', 'password'], ['password', ['', 'short', '12345']]),
		form('admin_x', () => '/admin/users?/active', ['userId', 'active'], badId('userId')),
		form('admin_x', () => '/admin/users?/revokeDevice', ['deviceId', 'userId'], badId('deviceId')),
		form('admin_x', () => '/admin/users?/signOutEverywhere', ['userId'], badId('userId')),
		form('admin_x', () => '/admin/users?/releaseDevice', ['deviceId', 'userId'], badId('deviceId')),
		form('admin_x', () => '/admin/users?/unlockSignIn', ['userId'], badId('userId')),
		form('admin_x', () => '/admin/persons?/erase', ['personId', 'reason', 'confirm'], badId('personId'))
	];
}

async function tableCounts(): Promise<Record<string, number>> {
	const tables = rowsOf<{ name: string }>(
		await database.db.execute(
			sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`
		)
	);
	const counts: Record<string, number> = {};
	// The coverage rollups are derived from the other tables and rebuilt in the background
	// (server/coverage/rollup.ts): a rebuild there is not a write of a request.
	for (const { name } of tables.filter((table) => !table.name.startsWith('coverage_'))) {
		counts[name] = Number(
			rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from "${name}"`)))[0]!.n
		);
	}
	return counts;
}

describe(`malformed writes on ${testEngine}`, () => {
	it(`answer ${RUNS.toLocaleString('en')} random bodies with a 4xx and write nothing`, async () => {
		const all = targets();
		const perTarget = Math.ceil(RUNS / all.length);
		const before = await tableCounts();
		const statuses = new Map<number, number>();
		for (const target of all) {
			for (const body of fc.sample(target.body, perTarget)) {
				const path = target.path();
				const headers: Record<string, string> = { 'content-type': body.contentType };
				if (target.action) Object.assign(headers, { accept: 'application/json', 'x-sveltekit-action': 'true' });
				const response = await clients[target.as]!.request(path, {
					method: target.method,
					headers,
					body: body.body as BodyInit
				});
				let status = response.status;
				const text = await response.text();
				// A form action answers 200 with its own status inside, SvelteKit's way.
				if (target.action && status === 200) {
					const answer = JSON.parse(text) as { type: string; status?: number };
					status =
						answer.type === 'failure' ? (answer.status ?? 400) : answer.type === 'error' ? (answer.status ?? 500) : 200;
				}
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
				const shown = typeof body.body === 'string' ? body.body.slice(0, 300) : `${body.body.length} bytes`;
				expect(status, `${target.method} ${path} with ${shown} → ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
				expect(status, `${target.method} ${path} with ${shown} → ${text.slice(0, 300)}`).toBeLessThan(500);
			}
		}
		expect(await tableCounts()).toEqual(before);
		console.log(
			`[property] ${perTarget * all.length} requests over ${all.length} targets: ${JSON.stringify(Object.fromEntries(statuses))}`
		);
	}, 900_000);
});
