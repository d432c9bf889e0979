/**
 * The coverage benchmark: the whole coverage report (GET /api/coverage: figures per
 * municipality and kind, month by month, overdue venues, national report tables) for one year,
 * over 1,000,000 inspections at 50,000 venues, on PostgreSQL (target ≤ 300 ms median) and on
 * PGlite beside it — read from the coverage rollups (migration 0004), with the time to build them
 * after the bulk load, the time right after one new inspection, and the same report counted
 * directly from the inspections beside it. The after-inspection records (issue 16) are generated
 * beside the inspections, and the report is timed with and without its national tables
 * (server/coverage/national/), back to back.
 *
 * The data is generated inside the database with `INSERT … SELECT generate_series` (setseed makes
 * it repeatable): two years of inspections, so the year asked for holds about half of them.
 * PostgreSQL: a scratch database on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/test), dropped afterwards. PGlite: in memory, with
 * BENCH_PGLITE_INSPECTIONS inspections (default 1,000,000; the WASM engine loads them slowly).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/index.ts';
import { rowsOf } from '../src/lib/server/db/rows.ts';
import { coverageReport, OVERDUE_SHOWN } from '../src/lib/server/coverage/index.ts';
import { refreshCoverageRollups, type RefreshResult } from '../src/lib/server/coverage/rollup.ts';
import { coverageBreakdown } from '../src/lib/server/coverage/figures.ts';
import { monthlyFigures } from '../src/lib/server/coverage/trend.ts';
import { overdueVenues } from '../src/lib/server/coverage/overdue.ts';
import { reportTables } from '../src/lib/server/coverage/victims.ts';
import { aggravatingCircumstances } from '../src/lib/server/coverage/aggravating.ts';
import { coverageFiltersSchema, resolvePeriod } from '../src/lib/domain/coverage/filters.ts';
import { municipalities } from '../src/lib/domain/municipalities.ts';

const VENUES = 50_000;
const INSPECTIONS = Number(process.env.BENCH_INSPECTIONS ?? 1_000_000);
const PGLITE_INSPECTIONS = Number(process.env.BENCH_PGLITE_INSPECTIONS ?? INSPECTIONS);
const RUNS = 5;
const DIRECT_RUNS = 3;
const TARGET_MS = 300;
const TODAY = '2026-12-31';
const FILTERS = coverageFiltersSchema.parse({ preset: 'year' });

const log = (message: string) => console.error(`[coverage] ${message}`);

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Two years up to TODAY; ~95 % submitted, 2 % drafts, 1 % deleted, 1 % superseded by a correction. */
async function generate(database: Database, inspections: number): Promise<number> {
	const { db } = database;
	const started = performance.now();
	const step = async (label: string, query: ReturnType<typeof sql>) => {
		const t = performance.now();
		await db.execute(query);
		log(`${database.engine}: ${label} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
	};
	await db.execute(sql`select setseed(0.42)`);
	const values = sql.join(
		municipalities.map((m, i) => sql`(${`m${i}`}, ${m.nameSq}, ${m.nameSr}, ${m.nameEn}, ${m.lat}, ${m.lng})`),
		sql`, `
	);
	await step(
		'municipalities',
		sql`insert into municipalities (code, name_sq, name_sr, name_en, lat, lng) values ${values}`
	);
	await step(
		'users',
		sql`insert into users (username, display_name, password_hash, role, agency_id)
		select 'bench' || n, 'Bench ' || n, 'x', 'inspector',
			case when n % 2 = 0 then (select id from agencies where code = 'police') else (select id from agencies where code = 'labour') end
		from generate_series(1, 40) n`
	);
	await step(
		'venues',
		sql`insert into locations (name, kind, municipality_id, lat, lng, status)
		select 'Venue ' || n,
			(array['bar','night_club','massage_parlour','hotel_motel','restaurant_cafe','private_apartment','other'])[1 + n % 7],
			m.id, m.lat + (random() - 0.5) / 20, m.lng + (random() - 0.5) / 20,
			case when n % 100 < 90 then 'active' when n % 100 < 94 then 'closed_by_authority' when n % 100 < 97 then 'unverified' else 'gone' end
		from generate_series(1, ${VENUES}) n
		join (select id, lat, lng, row_number() over (order by code) - 1 as k from municipalities) m on m.k = n % 38`
	);
	await step(
		'plans and operations',
		sql`with p as (
			insert into plans (title, period_start, period_end)
			select 'Plan ' || n, date '2025-01-01' + n * 30, date '2025-01-01' + n * 30 + 29 from generate_series(0, 23) n returning id, period_start
		)
		insert into operations (plan_id, title, date, lead_agency_id)
		select p.id, 'Operation', p.period_start + k, (select id from agencies order by code limit 1)
		from p, generate_series(0, 49) k`
	);
	await step(
		'teams',
		sql`insert into teams (operation_id, name) select id, 'Team ' || k from operations, generate_series(1, 2) k`
	);
	await step(
		'team members',
		sql`insert into team_members (team_id, user_id, agency_id)
		select t.id, u.id, u.agency_id from (select id, row_number() over (order by id) as r from teams) t
		join (select id, agency_id, row_number() over (order by username) as r from users where username like 'bench%') u
			on u.r in (1 + (t.r * 2) % 40, 1 + (t.r * 2 + 1) % 40)`
	);
	// Teams work on their operation's day: each inspection goes to a team of an operation dated on
	// its day, and one in ten (or one on a day without an operation) is an unplanned visit.
	await step(
		'inspections',
		sql`insert into inspections (id, location_id, team_id, template_id, template_version, started_at,
			answers, outcome, status, created_by, deleted_at, unplanned_reason)
		select gen_random_uuid(), v.id, td.id, '00000000-0000-4000-8000-000000000000', 1, g.started_at,
			'{}', (array['no_findings','labour_violations','trafficking_indicators_referred','premises_closed','no_findings'])[1 + g.n % 5],
			case when g.n % 50 = 0 then 'draft' else 'submitted' end,
			(select id from users where username = 'bench1'),
			case when g.n % 100 = 1 then now() end, case when td.id is null then 'seen on patrol' end
		from (select n, timestamptz '2025-01-01 08:00+00' + (n::double precision / ${inspections}) * interval '730 days' as started_at
			from generate_series(1, ${inspections}) n) g
		join (select id, row_number() over (order by id) - 1 as k from locations) v on v.k = (g.n::bigint * 7919) % ${VENUES}
		left join (select t.id, o.date, row_number() over (partition by o.date order by t.id) - 1 as k, count(*) over (partition by o.date) as c
			from teams t join operations o on o.id = t.operation_id) td
			on td.date = (g.started_at at time zone 'Europe/Belgrade')::date and td.k = g.n % td.c and g.n % 10 <> 0`
	);
	await step(
		'corrections',
		sql`insert into inspections (id, location_id, team_id, template_id, template_version, started_at,
			answers, outcome, status, created_by, correction_of, correction_reason)
		select gen_random_uuid(), location_id, team_id, template_id, template_version, started_at, answers, 'labour_violations',
			'submitted', created_by, id, 'bench'
		from inspections where status = 'submitted' and deleted_at is null and ('x' || substr(id::text, 1, 2))::bit(8)::int < 3`
	);
	await step(
		'screened persons',
		sql`insert into screened_persons (id, inspection_id, sex, age_band, nationality, education, recruitment,
			exploitation_form, result)
		select gen_random_uuid(), i.id, (array['female','male','female','unknown'])[1 + (k + h) % 4],
			(array['under_14','14_17','18_22','23_25','26_30','31_35','36_40','41_50','over_50','unknown'])[1 + (h + k) % 10],
			(array['kosovo','albania','moldova','serbia',''])[1 + h % 5], (array['primary','secondary','university',null])[1 + h % 4],
			(array['job_offer','marriage_promise','tourism','other',null])[1 + k % 5],
			(array['sexual_exploitation','forced_labour','forced_begging',null])[1 + h % 4],
			case when (h + k) % 20 = 0 then 'possible_victim' when (h + k) % 5 = 0 then 'indicators_present' else 'no_indicators' end
		from (select id, ('x' || substr(id::text, 1, 4))::bit(16)::int as h from inspections) i, generate_series(0, 2) k
		where k < case when i.h % 10 < 3 then 1 + i.h % 2 else 0 end`
	);
	await step(
		'referrals',
		sql`insert into referrals (id, person_id, inspection_id, target, referred_at, consent, status)
		select gen_random_uuid(), sp.id, sp.inspection_id,
			(array['police_anti_trafficking','victim_advocate','shelter','centre_for_social_work'])[1 + k], now(), true, 'made'
		from screened_persons sp, generate_series(0, 1) k where sp.result = 'possible_victim'`
	);
	await afterInspection(step);
	await step('analyse', sql`analyze`);
	const counts = rowsOf<Record<string, number>>(
		await db.execute(sql`select (select count(*) from inspections)::int as inspections,
			(select count(*) from screened_persons)::int as persons, (select count(*) from referrals)::int as referrals,
			(select count(*) from violations)::int as violations, (select count(*) from checked_workers)::int as workers,
			(select count(*) from decisions)::int as decisions, (select count(*) from control_inspections)::int as controls,
			(select count(*) from criminal_reports)::int as criminal_reports`)
	)[0]!;
	recordCounts.set(database.engine, counts);
	log(
		`${database.engine}: generated ${JSON.stringify(counts)} in ${((performance.now() - started) / 1000).toFixed(1)} s`
	);
	return (performance.now() - started) / 1000;
}

/** What each engine's load generated, for the section's table. */
const recordCounts = new Map<string, Record<string, number>>();

type Step = (label: string, query: ReturnType<typeof sql>) => Promise<void>;

/**
 * The records made after the inspections, keyed on a hash of each inspection's id (a part the
 * screened persons' hash does not use): 2 % with one to three violations (a 30-day remedy deadline
 * and its control inspection), half of those fined or otherwise decided, 4 % with workers checked,
 * 0.5 % with a criminal report and its arrests.
 */
async function afterInspection(step: Step): Promise<void> {
	const hashed = sql`(select id, location_id, (started_at at time zone 'Europe/Belgrade')::date as day,
		('x' || substr(id::text, 5, 4))::bit(16)::int as h from inspections)`;
	await step(
		'violation kinds',
		sql`insert into violation_kinds (id, code, title_sq, title_sr, title_en, severity)
		select gen_random_uuid(), 'BV-' || lpad(n::text, 2, '0'), 'Shkelje ' || n, 'Povreda ' || n, 'Violation ' || n,
			(array['minor','serious','very_serious'])[1 + n % 3]
		from generate_series(1, 20) n`
	);
	await step(
		'violations',
		sql`insert into violations (id, inspection_id, kind_id, remedy_deadline)
		select gen_random_uuid(), i.id, vk.id, i.day + 30
		from ${hashed} i cross join generate_series(0, 2) k
		join (select id, row_number() over (order by code) - 1 as r from violation_kinds) vk on vk.r = (i.h + k * 7) % 20
		where i.h % 50 = 0 and k < 1 + (i.h / 50) % 3`
	);
	await step(
		'control inspections',
		sql`insert into control_inspections (id, location_id, source_inspection_id, due_on, status)
		select gen_random_uuid(), i.location_id, i.id, i.day + 30,
			case when i.day + 30 < ${TODAY}::date then (array['done','escalated','due','done'])[1 + (i.h / 50) % 4] else 'due' end
		from ${hashed} i where i.h % 50 = 0`
	);
	await step(
		'decisions',
		sql`insert into decisions (id, inspection_id, kind, decided_on, amount_eur, appeal)
		select gen_random_uuid(), i.id, (array['fine','fine','fine','misdemeanour_request','suspension','closure'])[1 + (i.h / 100) % 6],
			i.day + 10, case when (i.h / 100) % 6 < 3 then (array[200, 500, 1000, 2000, 4000])[1 + (i.h / 600) % 5] end,
			(array['none','none','none','filed','upheld','overturned','partly_upheld'])[1 + (i.h / 700) % 7]
		from ${hashed} i where i.h % 100 = 0`
	);
	await step(
		'checked workers',
		sql`insert into checked_workers (id, inspection_id, sex, is_minor, "foreign", contract_before_work, declared_to_tax,
			pension_contributions, wage_at_least_minimum, working_time_respected, work_permit, residence_permit)
		select gen_random_uuid(), i.id, (array['female','male'])[1 + k % 2], (i.h + k) % 17 = 0, (i.h + k) % 9 = 0,
			(array['yes','no','unknown'])[1 + (i.h / 50 + k) % 3], (array['yes','yes','no'])[1 + (i.h / 150 + k) % 3],
			'unknown', 'unknown', 'unknown', 'not_needed', 'not_needed'
		from ${hashed} i cross join generate_series(0, 3) k
		where i.h % 50 < 2 and k < 1 + (i.h / 50) % 4`
	);
	await step(
		'criminal reports',
		sql`insert into criminal_reports (id, inspection_id, offence, filed_on, arrests, detentions)
		select gen_random_uuid(), i.id,
			(array['trafficking_in_persons','facilitating_prostitution','using_victim_sexual_services','slavery','other'])[1 + (i.h / 200) % 5],
			i.day + i.h % 20, (i.h / 200) % 3, (i.h / 400) % 2
		from ${hashed} i where i.h % 200 = 1`
	);
}

type Timing = { median: number; min: number; max: number };

async function timeRuns(
	database: Database,
	label: string,
	runs: number,
	before: () => Promise<void>,
	run: () => Promise<unknown>
): Promise<Timing> {
	const times: number[] = [];
	for (let i = 1; i <= runs; i++) {
		await before();
		const started = performance.now();
		await run();
		times.push(performance.now() - started);
		log(`${database.engine} ${label} run ${i}/${runs}: ${times.at(-1)!.toFixed(0)} ms`);
	}
	return { median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

/** One inspection submitted today at a random venue, as a device's push would store it. */
async function submitOne(database: Database): Promise<void> {
	await database.db
		.execute(sql`insert into inspections (id, location_id, team_id, template_id, template_version, started_at,
			answers, outcome, status, created_by)
		select gen_random_uuid(), (select id from locations order by random() limit 1), null,
			'00000000-0000-4000-8000-000000000000', 1, timestamptz '2026-12-30 18:00+00', '{}', 'no_findings', 'submitted',
			(select id from users where username = 'bench1')`);
}

type Row = {
	engine: string;
	inspections: number;
	loadSeconds: number;
	inYear: number;
	buildMs: number;
	rebuilt: RefreshResult;
	fromRollups: Timing;
	withoutNational: Timing;
	afterOneWrite: Timing;
	direct: Timing;
	agree: boolean;
};

async function measure(database: Database, inspections: number): Promise<Row> {
	const loadSeconds = await generate(database, inspections);
	// The bulk load only noted what changed: the first refresh builds the rollups of two years.
	const started = performance.now();
	const rebuilt = await refreshCoverageRollups(database.db);
	const buildMs = performance.now() - started;
	log(`${database.engine}: rollups built in ${buildMs.toFixed(0)} ms (${JSON.stringify(rebuilt)})`);
	await database.db.execute(sql`analyze`);
	const report = () => coverageReport(database.db, FILTERS, TODAY);
	const first = await report();
	const nothing = async () => {};
	// With and without the national tables, alternately, so both meet the same load on the machine.
	const withTimes: number[] = [];
	const withoutTimes: number[] = [];
	for (let i = 1; i <= RUNS; i++) {
		for (const [label, run, times] of [
			['from rollups', report, withTimes],
			['without the national tables', () => reportWithoutNational(database), withoutTimes]
		] as const) {
			const t = performance.now();
			await run();
			times.push(performance.now() - t);
			log(`${database.engine} ${label} run ${i}/${RUNS}: ${times.at(-1)!.toFixed(0)} ms`);
		}
	}
	const timing = (times: number[]): Timing => ({
		median: median(times),
		min: Math.min(...times),
		max: Math.max(...times)
	});
	const fromRollups = timing(withTimes);
	const withoutNational = timing(withoutTimes);
	const afterOneWrite = await timeRuns(database, 'after one new inspection', RUNS, () => submitOne(database), report);
	const direct = await timeRuns(database, 'counted from the inspections', DIRECT_RUNS, nothing, () =>
		coverageReport(database.db, FILTERS, TODAY, { source: 'inspections' })
	);
	// The two ways of counting must give the same report, or the speed means nothing.
	const [rolled, counted] = [
		await report(),
		await coverageReport(database.db, FILTERS, TODAY, { source: 'inspections' })
	];
	const agree = JSON.stringify(rolled) === JSON.stringify(counted);
	return {
		engine: database.engine,
		inspections,
		loadSeconds,
		inYear: first.totals.inspections,
		buildMs,
		rebuilt,
		fromRollups,
		withoutNational,
		afterOneWrite,
		direct,
		agree
	};
}

/** The report as it was before the national tables: the same parts, without `nationalCounts`. */
async function reportWithoutNational(database: Database): Promise<void> {
	await refreshCoverageRollups(database.db);
	const scope = { period: resolvePeriod(FILTERS, TODAY), filters: FILTERS };
	await Promise.all([
		coverageBreakdown(database.db, scope),
		monthlyFigures(database.db, scope),
		overdueVenues(database.db, scope, OVERDUE_SHOWN),
		reportTables(database.db, scope),
		aggravatingCircumstances(database.db, scope)
	]);
}

async function onPostgres(): Promise<Row | string> {
	const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
	const name = `kontrolla_bench_${randomBytes(4).toString('hex')}`;
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name}`);
	} catch (error) {
		await admin.end();
		return `PostgreSQL not measured: ${(error as Error).message}`;
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const database = await openDatabase({ url: url.toString() });
	try {
		return await measure(database, INSPECTIONS);
	} finally {
		await database.close();
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.end();
	}
}

async function onPglite(): Promise<Row> {
	const database = await openDatabase({ dir: 'memory://' });
	try {
		return await measure(database, PGLITE_INSPECTIONS);
	} finally {
		await database.close();
	}
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const results: (Row | string)[] = [await onPostgres(), await onPglite()];
const rows = results.filter((r): r is Row => typeof r !== 'string');
const postgresRow = rows.find((r) => r.engine === 'postgres');
console.log(
	[
		'## Coverage report for one year (PostgreSQL and PGlite)',
		'',
		`The whole coverage report (\`coverageReport\`: what GET /api/coverage answers) for the year to ${TODAY},`,
		`over ${VENUES.toLocaleString('en')} venues and two years of inspections generated in the database (\`bench/coverage.bench.ts\`).`,
		'Read from the coverage rollups of migration 0004 (server/coverage/rollup.ts), which the bulk load only marks as stale:',
		'"build" is the first refresh after the load (two years of days and venue masks rebuilt). "From rollups" is the report',
		`with nothing changed since (median of ${RUNS}); "after one write" inserts one submitted inspection before each of`,
		`${RUNS} reports, so each pays for rebuilding that day and venue. "Counted directly" is the same report from the`,
		`inspections (\`source: 'inspections'\`, what the plan and agency filters still use), median of ${DIRECT_RUNS}.`,
		'The national tables (criminal reports, arrests, violations, decisions, follow-ups, workers: issue 16) are read from',
		'the rollups of migration 0014, rebuilt with the others; "without national tables" is the same report without them,',
		`timed alternately with "from rollups" (${RUNS} runs each). The after-inspection records loaded beside the inspections:`,
		'',
		'| engine | violations | controls | decisions | workers checked | criminal reports |',
		'|---|---:|---:|---:|---:|---:|',
		...rows.map((r) => {
			const c = recordCounts.get(r.engine) ?? {};
			const n = (key: string) => (c[key] ?? 0).toLocaleString('en');
			return `| ${r.engine} | ${n('violations')} | ${n('controls')} | ${n('decisions')} | ${n('workers')} | ${n('criminal_reports')} |`;
		}),
		'',
		'| engine | inspections (all) | counted in the year | load | build rollups | from rollups | without national tables | after one write | counted directly | same report |',
		'|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
		...rows.map(
			(r) =>
				`| ${r.engine} | ${r.inspections.toLocaleString('en')} | ${r.inYear.toLocaleString('en')} | ${r.loadSeconds.toFixed(0)} s | ${(r.buildMs / 1000).toFixed(1)} s (${r.rebuilt.days} days, ${r.rebuilt.venueYears.toLocaleString('en')} venue-years) | ${ms(r.fromRollups.median)} (${ms(r.fromRollups.min)} – ${ms(r.fromRollups.max)}) | ${ms(r.withoutNational.median)} (${ms(r.withoutNational.min)} – ${ms(r.withoutNational.max)}) | ${ms(r.afterOneWrite.median)} | ${ms(r.direct.median)} | ${r.agree ? 'yes' : '**NO**'} |`
		),
		'',
		...rows.map(
			(r) =>
				`- ${r.engine}: counted directly ÷ from rollups = **${(r.direct.median / r.fromRollups.median).toFixed(0)}×**`
		),
		...results.filter((r): r is string => typeof r === 'string').map((r) => `- ${r}`),
		postgresRow
			? `- Target ≤ ${TARGET_MS} ms on PostgreSQL: **${postgresRow.fromRollups.median <= TARGET_MS ? 'met' : 'not met'}** (${ms(postgresRow.fromRollups.median)}; ${ms(postgresRow.afterOneWrite.median)} right after a write).`
			: `- Target ≤ ${TARGET_MS} ms on PostgreSQL: not measured.`
	].join('\n')
);
