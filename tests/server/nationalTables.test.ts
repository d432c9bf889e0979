/**
 * The national tables of the coverage report (server/coverage/national/) against records small
 * enough to count by hand, inserted straight into the database. Period under test: the year 2026.
 *
 * Municipalities M1 Pristina, M2 Prizren; venues V1 bar in M1, V2 night club in M2.
 * Users: pol1 police inspector, lab1 labour inspector, sup1 supervisor, plan1 planner.
 * Inspections (venue, author, Kosovo date):
 *   I1 V1 lab1 2026-03-10 · I2 V2 pol1 2026-05-20 · I3 V1 lab1 2026-06-01, superseded by its
 *   correction I4 (same venue, author and time) · I5 V2 pol1 2025-11-10 (the year before) ·
 *   I6 V1 lab1 2026-07-01, a draft.
 *   → counted in 2026: I1 I2 I4; in 2025–2026 also I5. Records of I3 and I6 never count.
 * Violation kinds: K1 LL-01, K2 SHW-03.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { coverageReport } from '../../src/lib/server/coverage/index.ts';
import { coverageFiltersSchema } from '../../src/lib/domain/coverage/filters.ts';
import type { NationalTables } from '../../src/lib/domain/coverage/national.ts';

let database: Database;
let app: TestApp;
const id = Object.fromEntries(
	['M1', 'M2', 'V1', 'V2', 'I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'K1', 'K2', 'C1', 'CI3'].map((k) => [k, randomUUID()])
) as Record<string, string>;
const YEAR = 'from=2026-01-01&to=2026-12-31';
// Whatever day the tests run on, the controls due on 2026-06-20 are overdue and those of 2099 are not.
const TODAY = '2026-12-03';
const DELETED = new Date('2026-08-01T08:00:00Z');

async function buildWorld(): Promise<void> {
	const db = database.db;
	const pol1 = await addUser(database, 'pol1', 'inspector', 'police');
	const lab1 = await addUser(database, 'lab1', 'inspector', 'labour');
	await addUser(database, 'sup1', 'supervisor', 'labour');
	await addUser(database, 'plan1', 'planner', 'police');
	await db.insert(s.municipalities).values([
		{
			id: id.M1!,
			code: 'prishtine',
			nameSq: 'Prishtinë',
			nameSr: 'Priština',
			nameEn: 'Pristina',
			lat: 42.66,
			lng: 21.17
		},
		{ id: id.M2!, code: 'prizren', nameSq: 'Prizren', nameSr: 'Prizren', nameEn: 'Prizren', lat: 42.21, lng: 20.74 }
	]);
	await db.insert(s.locations).values([
		{ id: id.V1!, name: 'Bar One', kind: 'bar', municipalityId: id.M1!, status: 'active', lat: 42.6, lng: 21.1 },
		{ id: id.V2!, name: 'Club Two', kind: 'night_club', municipalityId: id.M2!, status: 'active', lat: 42.2, lng: 20.7 }
	]);
	const inspection = (
		key: string,
		venue: string,
		author: string,
		startedAt: string,
		more: Partial<typeof s.inspections.$inferInsert> = {}
	) => ({
		id: id[key]!,
		locationId: id[venue]!,
		createdBy: author,
		unplannedReason: 'seen on patrol',
		templateId: randomUUID(),
		templateVersion: 1,
		startedAt: new Date(startedAt),
		outcome: 'labour_violations' as const,
		status: 'submitted' as const,
		...more
	});
	await db.insert(s.inspections).values([
		inspection('I1', 'V1', lab1.id, '2026-03-10T09:00:00Z'),
		inspection('I2', 'V2', pol1.id, '2026-05-20T20:00:00Z'),
		inspection('I3', 'V1', lab1.id, '2026-06-01T09:00:00Z'),
		inspection('I4', 'V1', lab1.id, '2026-06-01T09:00:00Z', {
			correctionOf: id.I3!,
			correctionReason: 'wrong worker count'
		}),
		inspection('I5', 'V2', pol1.id, '2025-11-10T20:00:00Z'),
		inspection('I6', 'V1', lab1.id, '2026-07-01T09:00:00Z', { status: 'draft' })
	]);

	const report = (key: string | null, inspectionKey: string, offence: string, filedOn: string, more = {}) => ({
		id: key ? id[key]! : randomUUID(),
		inspectionId: id[inspectionKey]!,
		offence: offence as (typeof s.criminalReports.$inferInsert)['offence'],
		filedOn,
		...more
	});
	await db.insert(s.criminalReports).values([
		report('C1', 'I2', 'trafficking_in_persons', '2026-05-21', { arrests: 2, detentions: 1 }),
		report(null, 'I2', 'facilitating_prostitution', '2026-05-21', { arrests: 1 }),
		// Filed the next year, after the investigation: a 2027 column.
		report(null, 'I1', 'trafficking_in_persons', '2027-01-10', { arrests: 1, detentions: 1 }),
		report(null, 'I2', 'slavery', '2026-05-22', { arrests: 5, deletedAt: DELETED }),
		report(null, 'I3', 'trafficking_in_persons', '2026-06-02', { arrests: 3 }),
		report(null, 'I4', 'using_victim_sexual_services', '2026-06-02', { detentions: 2 }),
		report(null, 'I5', 'trafficking_in_persons', '2025-11-11', { arrests: 1 }),
		report(null, 'I6', 'other', '2026-07-02', { arrests: 4 })
	]);

	await db.insert(s.violationKinds).values([
		{
			id: id.K1!,
			code: 'LL-01',
			titleEn: 'No contract',
			titleSq: 'Pa kontratë',
			titleSr: 'Bez ugovora',
			severity: 'serious'
		},
		{
			id: id.K2!,
			code: 'SHW-03',
			titleEn: 'No training',
			titleSq: 'Pa trajnim',
			titleSr: 'Bez obuke',
			severity: 'minor'
		}
	]);
	const violation = (inspectionKey: string, kind: string, more = {}) => ({
		id: randomUUID(),
		inspectionId: id[inspectionKey]!,
		kindId: id[kind]!,
		...more
	});
	await db
		.insert(s.violations)
		.values([
			violation('I1', 'K1'),
			violation('I1', 'K1'),
			violation('I1', 'K2'),
			violation('I2', 'K1'),
			violation('I4', 'K2'),
			violation('I2', 'K2', { deletedAt: DELETED }),
			violation('I3', 'K1'),
			violation('I5', 'K1')
		]);

	type Decision = typeof s.decisions.$inferInsert;
	const decision = (
		inspectionKey: string,
		kind: Decision['kind'],
		amountEur: number | null,
		more: Partial<Decision> = {}
	) => ({
		id: randomUUID(),
		inspectionId: id[inspectionKey]!,
		kind,
		decidedOn: '2026-07-01',
		amountEur,
		...more
	});
	await db
		.insert(s.decisions)
		.values([
			decision('I1', 'fine', 500),
			decision('I1', 'fine', 1500, { appeal: 'filed' }),
			decision('I4', 'fine', 800, { appeal: 'upheld' }),
			decision('I4', 'suspension', null, { appeal: 'overturned' }),
			decision('I2', 'misdemeanour_request', null),
			decision('I2', 'fine', 100),
			decision('I1', 'fine', 9999, { deletedAt: DELETED }),
			decision('I3', 'fine', 2000)
		]);

	type Control = typeof s.controlInspections.$inferInsert;
	const control = (
		venue: string,
		source: string,
		dueOn: string,
		status: Control['status'],
		more: Partial<Control> = {}
	) => ({
		id: randomUUID(),
		locationId: id[venue]!,
		sourceInspectionId: id[source]!,
		dueOn,
		status,
		...more
	});
	await db
		.insert(s.controlInspections)
		.values([
			control('V1', 'I1', '2026-04-10', 'done'),
			control('V1', 'I1', '2026-04-10', 'escalated'),
			control('V2', 'I2', '2026-06-20', 'due', { id: id.CI3! }),
			control('V1', 'I4', '2099-01-01', 'due'),
			control('V1', 'I4', '2026-07-01', 'cancelled'),
			control('V2', 'I2', '2026-06-20', 'due', { deletedAt: DELETED }),
			control('V1', 'I3', '2026-06-20', 'due')
		]);

	type Worker = typeof s.checkedWorkers.$inferInsert;
	const worker = (
		inspectionKey: string,
		isMinor: boolean,
		contract: Worker['contractBeforeWork'],
		declared: Worker['declaredToTax'],
		more: Partial<Worker> = {}
	) => ({
		id: randomUUID(),
		inspectionId: id[inspectionKey]!,
		sex: 'female' as const,
		isMinor,
		foreign: false,
		contractBeforeWork: contract,
		declaredToTax: declared,
		pensionContributions: 'unknown' as const,
		wageAtLeastMinimum: 'unknown' as const,
		workingTimeRespected: 'unknown' as const,
		workPermit: 'not_needed' as const,
		residencePermit: 'not_needed' as const,
		...more
	});
	await db
		.insert(s.checkedWorkers)
		.values([
			worker('I1', true, 'no', 'no'),
			worker('I1', false, 'yes', 'no'),
			worker('I4', false, 'no', 'yes'),
			worker('I2', true, 'unknown', 'unknown'),
			worker('I1', true, 'no', 'no', { deletedAt: DELETED }),
			worker('I3', true, 'no', 'no')
		]);

	// Possible victims: P1 at I2, identified by the police; P2 at I4; P3 at I5 (2025).
	const person = (inspectionKey: string) => ({
		id: randomUUID(),
		inspectionId: id[inspectionKey]!,
		sex: 'female' as const,
		ageBand: '18_22',
		result: 'possible_victim' as const
	});
	const [p1] = await db
		.insert(s.screenedPersons)
		.values([person('I2'), person('I4'), person('I5')])
		.returning();
	await db.insert(s.referrals).values({
		id: randomUUID(),
		personId: p1!.id,
		inspectionId: id.I2!,
		target: 'police_anti_trafficking',
		status: 'accepted',
		consent: true,
		referredAt: new Date('2026-05-21T08:00:00Z'),
		formalIdentification: 'yes',
		formalIdentificationDate: '2026-06-01'
	});
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	await buildWorld();
}, 120_000);
afterAll(async () => database?.close());

const cell = (reports: number, arrests: number, detentions: number) => ({ reports, arrests, detentions });
const offence = (name: string, years: Record<string, ReturnType<typeof cell>>, total: ReturnType<typeof cell>) => ({
	offence: name,
	years,
	total
});
const zero = cell(0, 0, 0);

/** Everything expected for 2026, computed by hand from the records above. */
const expected2026: NationalTables = {
	years: ['2026', '2027'],
	offences: [
		// C1 (2026: 2 arrests, 1 detention) and the one filed 2027-01-10 (1, 1); I3's and I5's do not count.
		offence('trafficking_in_persons', { '2026': cell(1, 2, 1), '2027': cell(1, 1, 1) }, cell(2, 3, 2)),
		offence('facilitating_prostitution', { '2026': cell(1, 1, 0), '2027': zero }, cell(1, 1, 0)),
		// I4's report: no arrest, 2 detentions.
		offence('using_victim_sexual_services', { '2026': cell(1, 0, 2), '2027': zero }, cell(1, 0, 2)),
		// slavery: tombstoned; other: on the draft I6.
		offence('slavery', { '2026': zero, '2027': zero }, zero),
		offence('other', { '2026': zero, '2027': zero }, zero)
	],
	// 2026: P1 (identified) and P2; P3 is 2025's.
	victims: [{ year: '2026', possible: 2, identified: 1 }],
	violations: {
		// Pristina before Prizren ("Pris" < "Priz").
		municipalities: [
			{ municipalityId: id.M1!, code: 'prishtine', name: { en: 'Pristina', sq: 'Prishtinë', sr: 'Priština' } },
			{ municipalityId: id.M2!, code: 'prizren', name: { en: 'Prizren', sq: 'Prizren', sr: 'Prizren' } }
		],
		rows: [
			// K1: I1 twice (M1), I2 once (M2) = 3; I3 (superseded) and I5 (2025) do not count.
			{
				violationKindId: id.K1!,
				code: 'LL-01',
				title: { en: 'No contract', sq: 'Pa kontratë', sr: 'Bez ugovora' },
				municipalities: { [id.M1!]: 2, [id.M2!]: 1 },
				total: 3
			},
			// K2: I1 and I4 (both M1) = 2; I2's is tombstoned.
			{
				violationKindId: id.K2!,
				code: 'SHW-03',
				title: { en: 'No training', sq: 'Pa trajnim', sr: 'Bez obuke' },
				municipalities: { [id.M1!]: 2 },
				total: 2
			}
		]
	},
	decisions: {
		byKind: [
			// Fines 100, 500, 800, 1500 (9999 tombstoned, 2000 on I3): total 2900, median (500 + 800) / 2 = 650.
			{ kind: 'fine', count: 4, withAmount: 4, totalEur: 2900, medianEur: 650 },
			{ kind: 'misdemeanour_request', count: 1, withAmount: 0, totalEur: 0, medianEur: null },
			{ kind: 'suspension', count: 1, withAmount: 0, totalEur: 0, medianEur: null },
			{ kind: 'closure', count: 0, withAmount: 0, totalEur: 0, medianEur: null }
		],
		// 4 fines + 1 request + 1 suspension = 6; the amounts are the fines'.
		all: { kind: 'total', count: 6, withAmount: 4, totalEur: 2900, medianEur: 650 },
		// none: 500, the request, 100 = 3; filed: 1500; upheld: 800; overturned: the suspension.
		appeals: [
			{ appeal: 'none', count: 3 },
			{ appeal: 'filed', count: 1 },
			{ appeal: 'upheld', count: 1 },
			{ appeal: 'overturned', count: 1 },
			{ appeal: 'partly_upheld', count: 0 }
		]
	},
	// done and escalated of I1; I2's due 2026-06-20 is overdue (the tombstoned twin is not counted);
	// I4's due 2099-01-01 is not yet; I4's cancelled one; I3's does not count.
	followUps: { done: 1, escalated: 1, due: 1, overdue: 1, cancelled: 1 },
	workers: [
		// I2 by pol1: one minor, contract and declaration unknown.
		{ agency: 'police', workers: 1, minors: 1, withoutContract: 0, undeclared: 0 },
		// I1 (minor without contract, undeclared; adult with contract, undeclared) and I4 (no contract,
		// declared) by lab1 = 3 workers, 1 minor, 2 without a contract, 2 undeclared.
		{ agency: 'labour', workers: 3, minors: 1, withoutContract: 2, undeclared: 2 }
	]
};

async function national(query: string): Promise<NationalTables> {
	const response = await (await app.signedIn('sup1')).get(`/api/coverage?${query}`);
	expect(response.status).toBe(200);
	return (await response.json()).report.national;
}

async function csv(table: string, query = YEAR): Promise<string[]> {
	const response = await (
		await app.signedIn('sup1')
	).get(`/api/coverage?${query}&format=csv&table=${table}&purpose=statistics`);
	expect(response.status, table).toBe(200);
	return (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
}

async function both(query: Record<string, string>) {
	const filters = coverageFiltersSchema.parse(query);
	const fromRollups = await coverageReport(database.db, filters, TODAY);
	const fromRecords = await coverageReport(database.db, filters, TODAY, { source: 'inspections' });
	return { fromRollups: fromRollups.report.national, fromRecords: fromRecords.report.national };
}

describe(`national tables on ${testEngine}`, () => {
	it('count the year by hand, from the rollups and from the records alike', async () => {
		const { fromRollups, fromRecords } = await both({ from: '2026-01-01', to: '2026-12-31' });
		expect(fromRollups).toEqual(expected2026);
		expect(fromRecords).toEqual(expected2026);
	});

	it('are what GET /api/coverage answers', async () => {
		expect(await national(YEAR)).toEqual(expected2026);
	});

	it('take in the year before when the period does', async () => {
		const { fromRollups, fromRecords } = await both({ from: '2025-01-01', to: '2026-12-31' });
		expect(fromRollups).toEqual(fromRecords);
		expect(fromRollups.years).toEqual(['2025', '2026', '2027']);
		// I5's report filed 2025-11-11 with one arrest joins C1 and the 2027 one.
		expect(fromRollups.offences[0]).toEqual(
			offence(
				'trafficking_in_persons',
				{ '2025': cell(1, 1, 0), '2026': cell(1, 2, 1), '2027': cell(1, 1, 1) },
				cell(3, 4, 2)
			)
		);
		// P3 at I5 in 2025.
		expect(fromRollups.victims).toEqual([
			{ year: '2025', possible: 1, identified: 0 },
			{ year: '2026', possible: 2, identified: 1 }
		]);
		// I5's K1 violation, in Prizren: 3 + 1.
		expect(fromRollups.violations.rows[0]).toMatchObject({ code: 'LL-01', municipalities: { [id.M2!]: 2 }, total: 4 });
	});

	it('narrow to a municipality and a kind from the rollups as from the records', async () => {
		for (const query of [
			{ from: '2026-01-01', to: '2026-12-31', municipalityId: id.M1! } as Record<string, string>,
			{ from: '2026-01-01', to: '2026-12-31', kind: 'night_club' }
		]) {
			const { fromRollups, fromRecords } = await both(query);
			expect(fromRollups).toEqual(fromRecords);
		}
		const { fromRollups } = await both({ from: '2026-01-01', to: '2026-12-31', municipalityId: id.M1! });
		// Pristina is V1: I1 and I4, all labour.
		expect(fromRollups.workers).toEqual([
			{ agency: 'police', workers: 0, minors: 0, withoutContract: 0, undeclared: 0 },
			{ agency: 'labour', workers: 3, minors: 1, withoutContract: 2, undeclared: 2 }
		]);
		expect(fromRollups.followUps).toEqual({ done: 1, escalated: 1, due: 1, overdue: 0, cancelled: 1 });
	});

	it('follow a change to the records at the next report', async () => {
		// C1 tombstoned; I2's due control done.
		await database.db.update(s.criminalReports).set({ deletedAt: DELETED }).where(eq(s.criminalReports.id, id.C1!));
		await database.db.update(s.controlInspections).set({ status: 'done' }).where(eq(s.controlInspections.id, id.CI3!));
		const { fromRollups, fromRecords } = await both({ from: '2026-01-01', to: '2026-12-31' });
		expect(fromRollups).toEqual(fromRecords);
		expect(fromRollups.offences[0]!.years['2026']).toEqual(zero);
		expect(fromRollups.followUps).toEqual({ done: 2, escalated: 1, due: 1, overdue: 0, cancelled: 1 });
		await database.db.update(s.criminalReports).set({ deletedAt: null }).where(eq(s.criminalReports.id, id.C1!));
		await database.db.update(s.controlInspections).set({ status: 'due' }).where(eq(s.controlInspections.id, id.CI3!));
		expect((await both({ from: '2026-01-01', to: '2026-12-31' })).fromRollups).toEqual(expected2026);
	});

	it('export each table as CSV', async () => {
		expect(await csv('criminalReports')).toEqual([
			'offence,year,criminalReports',
			'trafficking_in_persons,2026,1',
			'trafficking_in_persons,2027,1',
			'facilitating_prostitution,2026,1',
			'facilitating_prostitution,2027,0',
			'using_victim_sexual_services,2026,1',
			'using_victim_sexual_services,2027,0',
			'slavery,2026,0',
			'slavery,2027,0',
			'other,2026,0',
			'other,2027,0',
			''
		]);
		expect((await csv('arrests')).slice(0, 3)).toEqual([
			'offence,year,arrests,detentions',
			'trafficking_in_persons,2026,2,1',
			'trafficking_in_persons,2027,1,1'
		]);
		expect(await csv('victimsPerYear')).toEqual(['year,possibleVictims,identifiedVictims', '2026,2,1', '']);
		expect(await csv('violations')).toEqual([
			'violationCode,titleSq,titleSr,titleEn,municipalityCode,violations',
			'LL-01,Pa kontratë,Bez ugovora,No contract,prishtine,2',
			'LL-01,Pa kontratë,Bez ugovora,No contract,prizren,1',
			'SHW-03,Pa trajnim,Bez obuke,No training,prishtine,2',
			''
		]);
		expect(await csv('decisions')).toEqual([
			'decisionKind,decisions,withAmount,totalEur,medianEur',
			'fine,4,4,2900,650',
			'misdemeanour_request,1,0,0,',
			'suspension,1,0,0,',
			'closure,0,0,0,',
			'total,6,4,2900,650',
			''
		]);
		expect(await csv('appeals')).toEqual([
			'appeal,decisions',
			'none,3',
			'filed,1',
			'upheld,1',
			'overturned,1',
			'partly_upheld,0',
			''
		]);
		expect(await csv('followUps')).toEqual([
			'status,controlInspections',
			'done,1',
			'escalated,1',
			'due,1',
			'overdue,1',
			'cancelled,1',
			''
		]);
		expect(await csv('workersChecked')).toEqual([
			'agency,workers,minors,withoutContract,undeclared',
			'police,1,1,0,0',
			'labour,3,1,2,2',
			''
		]);
	});

	it('are printed on the coverage report page', async () => {
		const response = await (await app.signedIn('sup1')).get(`/coverage/report?${YEAR}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		for (const table of [
			'criminalReports',
			'arrests',
			'victimsPerYear',
			'violations',
			'decisions',
			'appeals',
			'followUps',
			'workersChecked'
		])
			expect(html, table).toContain(`id="report-${table}"`);
		for (const words of ['Trafficking in persons', 'LL-01 No contract', 'Prizren', 'Overdue', 'All decisions', '2,900'])
			expect(html, words).toContain(words);
	});

	it('are for supervisors and admins only, as the coverage report', async () => {
		for (const username of ['plan1', 'pol1']) {
			const client = await app.signedIn(username);
			expect((await client.get(`/api/coverage?${YEAR}`)).status, username).toBe(403);
			expect(
				(await client.get(`/api/coverage?${YEAR}&format=csv&table=criminalReports&purpose=statistics`)).status,
				username
			).toBe(403);
		}
	});
});
