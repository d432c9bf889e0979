/**
 * The supervisors' coverage figures against a dataset small enough to count by hand. Period under
 * test: 2026-01-01 to 2026-03-31 on the Kosovo calendar (Europe/Belgrade).
 *
 * Municipalities: M1 Pristina, M2 Prizren, M3 Peja.
 * Venues (kind, municipality, status):
 *   V1 bar M1 active · V2 bar M1 active · V3 night_club M1 closed_by_authority · V4 massage M1 gone
 *   V5 night_club M2 active · V6 massage M2 active · V7 bar M2 unverified · V9 restaurant_cafe M2 active
 *   V8 massage M3 active
 *   → registered (active or closed_by_authority): V1 V2 V3 V5 V6 V8 V9 = 7; M1 3, M2 3, M3 1.
 * Plans P1 (operations O1 team T1 = police+labour, O2 team T2 = police), P2 (O3 team T3 = labour).
 * Inspections (venue, team, Kosovo date, state, outcome):
 *   I1 V1 T1 01-15 no_findings · I2 V3 T1 01-15 trafficking_indicators_referred
 *   I3 V5 T2 02-20 premises_closed · I4 V6 T3 03-10 labour_violations
 *   I5 V1 none (labour author) 2025-12-31T23:30Z = 01-01 00:30 local · I8 V7 none (police author) 03-05
 *   I9 V4 T1 01-15 premises_closed · I10 V2 T1 01-15, superseded by its correction I11 (labour_violations)
 *   not counted: I6 V2 draft · I7 V8 deleted · I12 V5 2026-03-31T22:30Z = 04-01 local · I13 V8 2025-10-01
 *   → counted: I1 I2 I3 I4 I5 I8 I9 I11 = 8.
 * Screened persons: I2: S1 female 14_17 possible victim (kosovo, primary, job_offer, sexual) and S2
 *   female 18_22 indicators present; I3: S3 female 23_25 possible victim (moldova, secondary,
 *   marriage_promise, sexual) and S4 male no indicators; I4: S5 male 26_30 possible victim (kosovo,
 *   no education recorded, job_offer, forced_labour). Not counted: S6 on draft I6, S7 deleted.
 * Referrals: R1 S1 centre_for_social_work accepted · R2 S1 police_anti_trafficking made ·
 *   R3 S3 shelter made · R4 S3 victim_advocate closed · R5 S5 labour_inspectorate declined.
 *   Not counted: R6 (on draft I6), R7 (deleted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { InspectionOutcome, LocationKind, LocationStatus } from '../../src/lib/domain/records/codes.ts';

let database: Database;
let app: TestApp;
const id = Object.fromEntries(
	[
		'M1',
		'M2',
		'M3',
		'V1',
		'V2',
		'V3',
		'V4',
		'V5',
		'V6',
		'V7',
		'V8',
		'V9',
		'P1',
		'P2',
		'O1',
		'O2',
		'O3',
		'T1',
		'T2',
		'T3',
		'I1',
		'I2',
		'I3',
		'I4',
		'I5',
		'I6',
		'I7',
		'I8',
		'I9',
		'I10',
		'I11',
		'I12',
		'I13',
		'S1',
		'S2',
		'S3',
		'S4',
		'S5',
		'S6',
		'S7'
	].map((name) => [name, randomUUID()])
) as Record<string, string>;
const Q1 = 'from=2026-01-01&to=2026-03-31';

async function buildWorld(): Promise<void> {
	const db = database.db;
	const pol1 = await addUser(database, 'pol1', 'inspector', 'police');
	const pol2 = await addUser(database, 'pol2', 'inspector', 'police');
	const lab1 = await addUser(database, 'lab1', 'inspector', 'labour');
	await addUser(database, 'sup1', 'supervisor', 'labour');
	await addUser(database, 'adm1', 'admin', 'police');
	const agency = Object.fromEntries((await db.select().from(s.agencies)).map((a) => [a.code, a.id])) as Record<
		string,
		string
	>;

	await db.insert(s.municipalities).values([
		{
			id: id.M1!,
			code: 'prishtine',
			nameSq: 'Prishtinë',
			nameSr: 'Priština',
			nameEn: 'Pristina',
			lat: 42.663,
			lng: 21.166
		},
		{ id: id.M2!, code: 'prizren', nameSq: 'Prizren', nameSr: 'Prizren', nameEn: 'Prizren', lat: 42.214, lng: 20.74 },
		{ id: id.M3!, code: 'peje', nameSq: 'Pejë', nameSr: 'Peć', nameEn: 'Peja', lat: 42.659, lng: 20.288 }
	]);
	const venue = (
		key: string,
		kind: LocationKind,
		municipality: string,
		status: LocationStatus,
		name = `Venue ${key.slice(1)}`
	) => ({ id: id[key]!, name, kind, municipalityId: id[municipality]!, status, lat: 42.5, lng: 21 });
	await db.insert(s.locations).values([
		venue('V1', 'bar', 'M1', 'active'),
		venue('V2', 'bar', 'M1', 'active'),
		venue('V3', 'night_club', 'M1', 'closed_by_authority'),
		venue('V4', 'massage_parlour', 'M1', 'gone'),
		venue('V5', 'night_club', 'M2', 'active'),
		venue('V6', 'massage_parlour', 'M2', 'active'),
		venue('V7', 'bar', 'M2', 'unverified'),
		venue('V8', 'massage_parlour', 'M3', 'active'),
		// A name Excel would run as a formula, to see the export defuse it.
		venue('V9', 'restaurant_cafe', 'M2', 'active', '=Cafe Nine')
	]);
	await db.insert(s.plans).values([
		{ id: id.P1!, title: 'Winter bars', periodStart: '2026-01-01', periodEnd: '2026-02-28' },
		{ id: id.P2!, title: 'Massage parlours', periodStart: '2026-03-01', periodEnd: '2026-03-31' }
	]);
	await db.insert(s.operations).values([
		{ id: id.O1!, planId: id.P1!, title: 'O1', date: '2026-01-15', leadAgencyId: agency.police!, status: 'done' },
		{ id: id.O2!, planId: id.P1!, title: 'O2', date: '2026-02-20', leadAgencyId: agency.police!, status: 'done' },
		{ id: id.O3!, planId: id.P2!, title: 'O3', date: '2026-03-10', leadAgencyId: agency.labour!, status: 'done' }
	]);
	await db.insert(s.teams).values([
		{ id: id.T1!, operationId: id.O1!, name: 'T1' },
		{ id: id.T2!, operationId: id.O2!, name: 'T2' },
		{ id: id.T3!, operationId: id.O3!, name: 'T3' }
	]);
	await db.insert(s.teamMembers).values([
		{ teamId: id.T1!, userId: pol1.id, agencyId: agency.police! },
		{ teamId: id.T1!, userId: lab1.id, agencyId: agency.labour! },
		{ teamId: id.T2!, userId: pol2.id, agencyId: agency.police! },
		{ teamId: id.T3!, userId: lab1.id, agencyId: agency.labour! }
	]);

	type Outcome = InspectionOutcome;
	const inspection = (
		key: string,
		venueKey: string,
		team: string | null,
		author: string,
		startedAt: string,
		outcome: Outcome,
		more: Partial<typeof s.inspections.$inferInsert> = {}
	) => ({
		id: id[key]!,
		locationId: id[venueKey]!,
		teamId: team ? id[team]! : null,
		createdBy: author,
		unplannedReason: team ? null : 'seen on patrol',
		templateId: randomUUID(),
		templateVersion: 1,
		startedAt: new Date(startedAt),
		outcome,
		status: 'submitted' as const,
		...more
	});
	await db.insert(s.inspections).values([
		inspection('I1', 'V1', 'T1', pol1.id, '2026-01-15T19:00:00Z', 'no_findings'),
		inspection('I2', 'V3', 'T1', pol1.id, '2026-01-15T21:00:00Z', 'trafficking_indicators_referred'),
		inspection('I3', 'V5', 'T2', pol2.id, '2026-02-20T20:00:00Z', 'premises_closed'),
		inspection('I4', 'V6', 'T3', lab1.id, '2026-03-10T20:00:00Z', 'labour_violations'),
		inspection('I5', 'V1', null, lab1.id, '2025-12-31T23:30:00Z', 'no_findings'),
		inspection('I6', 'V2', 'T2', pol2.id, '2026-02-21T20:00:00Z', 'no_findings', { status: 'draft' }),
		inspection('I7', 'V8', 'T3', lab1.id, '2026-03-11T20:00:00Z', 'premises_closed', {
			deletedAt: new Date('2026-03-12T08:00:00Z')
		}),
		inspection('I8', 'V7', null, pol2.id, '2026-03-05T10:00:00Z', 'no_findings'),
		inspection('I9', 'V4', 'T1', pol1.id, '2026-01-15T22:00:00Z', 'premises_closed'),
		inspection('I10', 'V2', 'T1', pol1.id, '2026-01-15T20:00:00Z', 'no_findings'),
		inspection('I11', 'V2', 'T1', pol1.id, '2026-01-15T20:00:00Z', 'labour_violations', {
			correctionOf: id.I10!,
			correctionReason: 'wages were below the minimum'
		}),
		inspection('I12', 'V5', 'T2', pol2.id, '2026-03-31T22:30:00Z', 'no_findings'),
		inspection('I13', 'V8', null, pol1.id, '2025-10-01T10:00:00Z', 'no_findings')
	]);

	type Person = Partial<typeof s.screenedPersons.$inferInsert>;
	const person = (key: string, inspectionKey: string, more: Person) => ({
		id: id[key]!,
		inspectionId: id[inspectionKey]!,
		sex: 'female' as const,
		ageBand: '23_25',
		nationality: 'kosovo',
		...more
	});
	const victim = { result: 'possible_victim' as const };
	await db.insert(s.screenedPersons).values([
		person('S1', 'I2', {
			...victim,
			ageBand: '14_17',
			isMinor: true,
			education: 'primary',
			recruitment: 'job_offer',
			exploitationForm: 'sexual_exploitation'
		}),
		person('S2', 'I2', { ageBand: '18_22', nationality: 'albania', result: 'indicators_present' }),
		person('S3', 'I3', {
			...victim,
			nationality: 'moldova',
			education: 'secondary',
			recruitment: 'marriage_promise',
			exploitationForm: 'sexual_exploitation'
		}),
		person('S4', 'I3', { sex: 'male', ageBand: '31_35', result: 'no_indicators' }),
		person('S5', 'I4', {
			...victim,
			sex: 'male',
			ageBand: '26_30',
			recruitment: 'job_offer',
			exploitationForm: 'forced_labour'
		}),
		person('S6', 'I6', { ...victim, education: 'primary' }),
		person('S7', 'I2', { ...victim, deletedAt: new Date('2026-01-16T08:00:00Z') })
	]);
	type Referral = typeof s.referrals.$inferInsert;
	const referral = (
		personKey: string,
		inspectionKey: string,
		target: Referral['target'],
		status: Referral['status'],
		more: Partial<Referral> = {}
	) => ({
		id: randomUUID(),
		personId: id[personKey]!,
		inspectionId: id[inspectionKey]!,
		target,
		status,
		consent: true,
		referredAt: new Date('2026-01-16T08:00:00Z'),
		...more
	});
	await db
		.insert(s.referrals)
		.values([
			referral('S1', 'I2', 'centre_for_social_work', 'accepted'),
			referral('S1', 'I2', 'police_anti_trafficking', 'made'),
			referral('S3', 'I3', 'shelter', 'made'),
			referral('S3', 'I3', 'victim_advocate', 'closed'),
			referral('S5', 'I4', 'labour_inspectorate', 'declined'),
			referral('S6', 'I6', 'shelter', 'made'),
			referral('S3', 'I3', 'ngo', 'made', { deletedAt: new Date('2026-02-21T08:00:00Z') })
		]);
}

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	await buildWorld();
});
afterAll(async () => database?.close());

const signedIn = (username: string): Promise<TestClient> => app.signedIn(username);

async function coverage(query: string) {
	const response = await (await signedIn('sup1')).get(`/api/coverage?${query}`);
	expect(response.status).toBe(200);
	return response.json();
}

/** Figures in the order of the dashboard, to keep each expectation on one line. */
const figures = (
	registeredVenues: number,
	venuesInspected: number,
	registeredVenuesInspected: number,
	coveragePercent: number | null,
	inspections: number,
	inspectionsWithIndicators: number,
	screenedPersons: number,
	possibleVictims: number,
	referrals: number,
	premisesClosed: number
) => ({
	registeredVenues,
	venuesInspected,
	registeredVenuesInspected,
	coveragePercent,
	inspections,
	inspectionsWithIndicators,
	screenedPersons,
	possibleVictims,
	referrals,
	premisesClosed
});
const none = (registeredVenues: number, coveragePercent: number | null) =>
	figures(registeredVenues, 0, 0, coveragePercent, 0, 0, 0, 0, 0, 0);

describe(`coverage figures on ${testEngine}`, () => {
	it('count the whole selection', async () => {
		const { period, totals } = await coverage(Q1);
		expect(period).toEqual({ from: '2026-01-01', to: '2026-03-31' });
		// registered 7; inspected V1 V2 V3 V4 V5 V6 V7 = 7, of them registered V1 V2 V3 V5 V6 = 5 → 5/7 = 71.4 %;
		// 8 counted; indicators I2 (outcome), I3 (S3), I4 (S5) = 3; persons S1–S5 = 5; victims S1 S3 S5;
		// referrals R1–R5; closed I3 I9.
		expect(totals).toEqual(figures(7, 7, 5, 71.4, 8, 3, 5, 3, 5, 2));
	});

	it('count each municipality, in the order of their names', async () => {
		const { byMunicipality } = await coverage(Q1);
		expect(byMunicipality.map((m: { code: string }) => m.code)).toEqual(['peje', 'prishtine', 'prizren']);
		// Peja: V8 registered, its only visits deleted (I7) or before the period (I13).
		expect(byMunicipality[0]).toMatchObject({
			municipalityId: id.M3,
			name: { en: 'Peja', sq: 'Pejë', sr: 'Peć' },
			...none(1, 0)
		});
		// Pristina: registered V1 V2 V3, all inspected (100 %), plus gone V4 → 4 venues; I1 I2 I5 I9 I11;
		// indicators I2; persons S1 S2; victim S1; R1 R2; closed I9.
		expect(byMunicipality[1]).toMatchObject(figures(3, 4, 3, 100, 5, 1, 2, 1, 2, 1));
		// Prizren: registered V5 V6 V9, inspected V5 V6 (2/3 = 66.7 %) and unverified V7; I3 I4 I8;
		// indicators I3 I4; persons S3 S4 S5; victims S3 S5; R3 R4 R5; closed I3.
		expect(byMunicipality[2]).toMatchObject(figures(3, 3, 2, 66.7, 3, 2, 3, 2, 3, 1));
	});

	it('count each venue kind, kinds without venues included', async () => {
		const { byKind } = await coverage(Q1);
		const kind = (name: string) => byKind.find((row: { kind: string }) => row.kind === name);
		expect(byKind).toHaveLength(7);
		// bar: registered V1 V2, inspected V1 V2 and unverified V7; I1 I5 I11 I8.
		expect(kind('bar')).toEqual({ kind: 'bar', ...figures(2, 3, 2, 100, 4, 0, 0, 0, 0, 0) });
		// night club: V3 V5 both inspected; I2 I3; persons S1–S4; victims S1 S3; R1–R4; closed I3.
		expect(kind('night_club')).toEqual({ kind: 'night_club', ...figures(2, 2, 2, 100, 2, 2, 4, 2, 4, 1) });
		// massage: registered V6 V8, inspected V6 and gone V4 → 1/2 = 50 %; I9 I4; S5; R5; closed I9.
		expect(kind('massage_parlour')).toEqual({ kind: 'massage_parlour', ...figures(2, 2, 1, 50, 2, 1, 1, 1, 1, 1) });
		expect(kind('restaurant_cafe')).toEqual({ kind: 'restaurant_cafe', ...none(1, 0) });
		// Nothing registered: no coverage figure rather than 0 %.
		for (const empty of ['hotel_motel', 'private_apartment', 'other'])
			expect(kind(empty)).toEqual({ kind: empty, ...none(0, null) });
	});

	it('follow the months of the period on the Kosovo calendar', async () => {
		const { trend } = await coverage(Q1);
		expect(trend).toEqual([
			// I1 I2 I5 (00:30 local on 1 January) I9 I11 at V1 V3 V1 V4 V2; victim S1.
			{ month: '2026-01', inspections: 5, venuesInspected: 4, possibleVictims: 1 },
			{ month: '2026-02', inspections: 1, venuesInspected: 1, possibleVictims: 1 },
			// I8 and I4; I12 is 00:30 on 1 April local time, outside.
			{ month: '2026-03', inspections: 2, venuesInspected: 2, possibleVictims: 1 }
		]);
	});

	it('narrow to one municipality', async () => {
		const { totals, byMunicipality } = await coverage(`${Q1}&municipalityId=${id.M2}`);
		expect(totals).toEqual(figures(3, 3, 2, 66.7, 3, 2, 3, 2, 3, 1));
		expect(byMunicipality).toHaveLength(1);
	});

	it('narrow to one venue kind', async () => {
		const { totals, byKind } = await coverage(`${Q1}&kind=night_club`);
		expect(totals).toEqual(figures(2, 2, 2, 100, 2, 2, 4, 2, 4, 1));
		expect(byKind).toHaveLength(1);
	});

	it('narrow to an agency through the team, or the author without a team', async () => {
		// labour: T1 (joint) I1 I2 I9 I11, T3 I4, and I5 by a labour inspector; not T2 nor I8.
		// Venues V1 V3 V4 V2 V6, registered V1 V2 V3 V6 → 4/7 = 57.1 %; indicators I2 I4; S1 S2 S5; R1 R2 R5; closed I9.
		expect((await coverage(`${Q1}&agency=labour`)).totals).toEqual(figures(7, 5, 4, 57.1, 6, 2, 3, 2, 3, 1));
		// police: T1 I1 I2 I9 I11, T2 I3, and I8 by a police inspector. Venues V1 V3 V4 V2 V5 V7,
		// registered V1 V2 V3 V5 → 57.1 %; indicators I2 I3; S1–S4; victims S1 S3; R1–R4; closed I9 I3.
		expect((await coverage(`${Q1}&agency=police`)).totals).toEqual(figures(7, 6, 4, 57.1, 6, 2, 4, 2, 4, 2));
	});

	it('narrow to a plan', async () => {
		// P2 is O3, team T3: I4 at V6 → 1/7 = 14.3 %.
		const { totals, report } = await coverage(`${Q1}&planId=${id.P2}`);
		expect(totals).toEqual(figures(7, 1, 1, 14.3, 1, 1, 1, 1, 1, 0));
		expect(report.operations.totals).toEqual({ plans: 1, operations: 1, locationsControlled: 1 });
	});
});

describe(`overdue venues on ${testEngine}`, () => {
	it('are never inspected, or not for 90 days before the end of the period', async () => {
		const { overdue } = await coverage(Q1);
		// V9 never; V8 last on 2025-10-01 (I7 deleted): 30 + 30 + 31 + 31 + 28 + 31 = 181 days to 03-31.
		// V1 V2 V3 (01-15, 75 days), V5 (02-20), V6 (03-10) are within 90 days.
		expect(overdue).toEqual({
			asOf: '2026-03-31',
			count: 2,
			venues: [
				{
					locationId: id.V9,
					name: '=Cafe Nine',
					kind: 'restaurant_cafe',
					municipalityId: id.M2,
					municipalityCode: 'prizren',
					status: 'active',
					lastInspectedOn: null,
					daysSinceInspection: null
				},
				{
					locationId: id.V8,
					name: 'Venue 8',
					kind: 'massage_parlour',
					municipalityId: id.M3,
					municipalityCode: 'peje',
					status: 'active',
					lastInspectedOn: '2025-10-01',
					daysSinceInspection: 181
				}
			]
		});
	});

	it('follow the number of days asked for', async () => {
		const { overdue } = await coverage(`${Q1}&overdueDays=60`);
		// V1 V2 V3 join at 75 days (V2's draft I6 of 02-21 does not count); V5 at 39 and V6 at 21 do not.
		expect(overdue.count).toBe(5);
		expect(
			overdue.venues.map((v: { name: string; daysSinceInspection: number | null }) => [v.name, v.daysSinceInspection])
		).toEqual([
			['=Cafe Nine', null],
			['Venue 8', 181],
			['Venue 1', 75],
			['Venue 2', 75],
			['Venue 3', 75]
		]);
	});
});

describe(`national report tables on ${testEngine}`, () => {
	it('break possible victims down by age band and sex', async () => {
		const { report } = await coverage(Q1);
		const zero = { female: 0, male: 0, other: 0, unknown: 0, total: 0 };
		expect(report.victimsByAgeAndSex).toEqual([
			{ ageBand: 'under_14', ...zero },
			{ ageBand: '14_17', ...zero, female: 1, total: 1 }, // S1
			{ ageBand: '18_22', ...zero }, // S2 is not a possible victim
			{ ageBand: '23_25', ...zero, female: 1, total: 1 }, // S3 (S6 and S7 not counted)
			{ ageBand: '26_30', ...zero, male: 1, total: 1 }, // S5
			...['31_35', '36_40', '41_50', 'over_50', 'unknown'].map((ageBand) => ({ ageBand, ...zero }))
		]);
	});

	it('break possible victims down by nationality, education, exploitation and recruitment', async () => {
		const { report } = await coverage(Q1);
		// S1 kosovo, S3 moldova, S5 kosovo.
		expect(report.victimsByNationality).toEqual([
			{ nationality: 'kosovo', count: 2 },
			{ nationality: 'moldova', count: 1 }
		]);
		// S1 primary, S3 secondary, S5 not recorded.
		expect(report.victimsByEducation).toEqual([
			{ education: 'illiterate', count: 0 },
			{ education: 'primary', count: 1 },
			{ education: 'secondary', count: 1 },
			{ education: 'university', count: 0 },
			{ education: 'unknown', count: 1 }
		]);
		// S1 S3 sexual, S5 forced labour.
		expect(report.victimsByExploitation.map((r: { count: number }) => r.count)).toEqual([2, 1, 0, 0, 0, 0, 0]);
		expect(report.victimsByExploitation[0]).toEqual({ exploitationForm: 'sexual_exploitation', count: 2 });
		expect(report.victimsByExploitation[4]).toEqual({ exploitationForm: 'removal_of_organs', count: 0 });
		// S1 S5 job offer, S3 promise of marriage.
		expect(report.victimsByRecruitment).toEqual([
			{ recruitment: 'job_offer', count: 2 },
			{ recruitment: 'marriage_promise', count: 1 },
			{ recruitment: 'tourism', count: 0 },
			{ recruitment: 'other', count: 0 },
			{ recruitment: 'unknown', count: 0 }
		]);
	});

	it('count referrals by target and status', async () => {
		const { report } = await coverage(Q1);
		const row = (target: string, status?: string) => ({
			target,
			made: 0,
			accepted: 0,
			declined: 0,
			closed: 0,
			total: status ? 1 : 0,
			...(status ? { [status]: 1 } : {})
		});
		expect(report.referrals).toEqual([
			row('police_anti_trafficking', 'made'), // R2
			row('victim_advocate', 'closed'), // R4
			row('centre_for_social_work', 'accepted'), // R1
			row('shelter', 'made'), // R3 (R6 is on a draft)
			row('medical_care'),
			row('ngo'), // R7 deleted
			row('labour_inspectorate', 'declined'), // R5
			row('prosecutor'),
			row('interim_security_facility'),
			row('migration_authority'),
			row('iom_embassy'),
			row('legal_aid')
		]);
	});

	it('count operations run and locations controlled by month', async () => {
		const { report } = await coverage(Q1);
		expect(report.operations).toEqual({
			// P1 P2; O1 O2 O3; the 7 venues inspected.
			totals: { plans: 2, operations: 3, locationsControlled: 7 },
			byMonth: [
				{ month: '2026-01', plans: 1, operations: 1, locationsControlled: 4 }, // O1 (I5 unplanned) at V1 V2 V3 V4
				{ month: '2026-02', plans: 1, operations: 1, locationsControlled: 1 }, // O2 at V5
				{ month: '2026-03', plans: 1, operations: 1, locationsControlled: 2 } // O3 at V6, unplanned I8 at V7
			]
		});
	});
});

describe('GET /api/coverage', () => {
	it('is for supervisors and admins only', async () => {
		expect((await app.request(`/api/coverage?${Q1}`)).status).toBe(401);
		expect((await (await signedIn('pol1')).get(`/api/coverage?${Q1}`)).status).toBe(403);
		expect((await (await signedIn('sup1')).get(`/api/coverage?${Q1}`)).status).toBe(200);
		expect((await (await signedIn('adm1')).get(`/api/coverage?${Q1}`)).status).toBe(200);
	});

	it('resolves a preset period against today', async () => {
		const { period } = await coverage('preset=year');
		expect(period.from).toMatch(/^\d{4}-01-01$/);
		expect(period.to.slice(0, 4)).toBe(period.from.slice(0, 4));
	});

	it('answers 400 naming the field for bad filters', async () => {
		const client = await signedIn('sup1');
		for (const [query, field] of [
			['from=not-a-date&to=2026-03-31', 'from'],
			['from=2026-04-01&to=2026-03-31', 'from'],
			['from=2026-01-01', 'to'],
			['preset=decade', 'preset'],
			['kind=casino', 'kind'],
			['municipalityId=1', 'municipalityId'],
			['overdueDays=-5', 'overdueDays'],
			[`${Q1}&format=xml`, 'format'],
			[`${Q1}&format=csv`, 'table'],
			[`${Q1}&format=csv&table=passwords`, 'table']
		]) {
			const response = await client.get(`/api/coverage?${query}`);
			expect(response.status, query).toBe(400);
			expect((await response.json()).field, query).toBe(field);
		}
	});

	it('exports a table as CSV for Excel, and audits the export', async () => {
		const response = await (
			await signedIn('sup1')
		).get(`/api/coverage?${Q1}&format=csv&table=municipalities&purpose=statistics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toBe(
			'attachment; filename="kontrolla-municipalities-2026-01-01-2026-03-31.csv"'
		);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
			'municipalityCode,nameSq,nameSr,nameEn,registeredVenues,venuesInspected,registeredVenuesInspected,coveragePercent,inspections,inspectionsWithIndicators,screenedPersons,possibleVictims,referrals,premisesClosed',
			'peje,Pejë,Peć,Peja,1,0,0,0,0,0,0,0,0,0',
			'prishtine,Prishtinë,Priština,Pristina,3,4,3,100,5,1,2,1,2,1',
			'prizren,Prizren,Prizren,Prizren,3,3,2,66.7,3,2,3,2,3,1',
			''
		]);
		const [entry] = await database.db.select().from(s.auditLog).orderBy(desc(s.auditLog.seq)).limit(1);
		expect(entry).toMatchObject({
			action: 'coverage.export',
			summary:
				'purpose=statistics parts=coverage.municipalities:count=3 format=csv filters=from=2026-01-01&to=2026-03-31&overdueDays=90'
		});
	});

	it('exports every overdue venue with formulas defused', async () => {
		const response = await (
			await signedIn('sup1')
		).get(`/api/coverage?${Q1}&format=csv&table=overdue&purpose=statistics`);
		const text = (await response.text()).replace(/^\uFEFF/, '');
		expect(text.split('\r\n')).toEqual([
			'locationId,name,kind,municipalityCode,status,lastInspectedOn,daysSinceInspection',
			`${id.V9},'=Cafe Nine,restaurant_cafe,prizren,active,,`,
			`${id.V8},Venue 8,massage_parlour,peje,active,2025-10-01,181`,
			''
		]);
	});
});
