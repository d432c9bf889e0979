/**
 * The referral under the current SOP, through the real push endpoint on the engine under test: the
 * person's case (risk, formal identification, case numbers, the 90-day reflection period) on the
 * referral to the police, the consent to assistance and who gave it, the interpreter. A bad value
 * refuses the mutation naming its field; after the submission the case stays open and the rest of
 * what the visit recorded stays locked; a referral in the shape devices sent before still applies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { buildSyncWorld, inspectionData, visitRecords, type SyncWorld } from '../support/syncWorld.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import type { MutationResult } from '../../src/lib/domain/sync/wire.ts';
import { SUBMITTED_LOCKED } from '../../src/lib/domain/sync/refusals.ts';
import { inspectionView } from '../../src/lib/server/inspections/view.ts';
import type { SessionUser } from '../../src/lib/domain/auth.ts';
import { REPORTING_TIME_ZONE, todayIn } from '../../src/lib/domain/coverage/filters.ts';

let database: Database;
let app: TestApp;
let world: SyncWorld;
let a1: TestClient;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	world = await buildSyncWorld(database);
	a1 = await app.signedIn('inspector_a1');
});
afterAll(async () => database?.close());

type Sent = { entity: string; id: string; data: unknown; baseVersion?: number; deviceSeq?: number };

async function push(client: TestClient, deviceId: string, mutations: Sent[]): Promise<MutationResult[]> {
	const response = await client.post('/api/sync/push', {
		deviceId,
		mutations: mutations.map((m) => ({ mutationId: randomUUID(), op: 'upsert', baseVersion: 0, ...m }))
	});
	expect(response.status).toBe(200);
	return (await response.json()).results;
}

/** An open visit with a foreign adult woman and a girl of 16. */
async function openVisit(device = randomUUID()) {
	const inspectionId = randomUUID();
	const adult = randomUUID();
	const minor = randomUUID();
	const visit = visitRecords(world, inspectionId);
	const results = await push(a1, device, [
		{ entity: 'inspection', id: inspectionId, data: inspectionData(world), deviceSeq: 1 },
		{ entity: 'screenedPerson', id: adult, data: { ...visit.person('female'), nationality: 'MD' }, deviceSeq: 2 },
		{ entity: 'screenedPerson', id: minor, data: { ...visit.person('female'), ageBand: '14_17' }, deviceSeq: 3 }
	]);
	expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
	return { inspectionId, adult, minor, visit, device };
}

const policeReferral = (visit: ReturnType<typeof visitRecords>, personId: string) => ({
	...visit.referral(personId),
	target: 'police_anti_trafficking',
	exOfficio: true,
	consent: true,
	consentBy: 'person',
	interpreterLanguage: 'Romanian',
	interpreterName: 'Court interpreter, Prishtinë',
	interpreterIndependent: true,
	riskLevel: 'high',
	formalIdentification: 'pending',
	formalIdentificationDate: null,
	policeCaseNo: 'PK-2026-114',
	prosecutorCaseNo: '',
	socialWorkCaseNo: '',
	reflectionStart: '2026-11-25'
});

describe(`a referral under the current SOP, on ${testEngine}`, () => {
	it('stores the case, the consent and the interpreter, and derives the end of the 90-day period', async () => {
		const { adult, visit, device } = await openVisit();
		const id = randomUUID();
		const [result] = await push(a1, device, [{ entity: 'referral', id, data: policeReferral(visit, adult) }]);
		expect(result?.status).toBe('applied');
		const [row] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, id));
		expect(row).toMatchObject({
			exOfficio: true,
			consentBy: 'person',
			interpreterLanguage: 'Romanian',
			interpreterIndependent: true,
			riskLevel: 'high',
			formalIdentification: 'pending',
			policeCaseNo: 'PK-2026-114',
			reflectionStart: '2026-11-25',
			reflectionEnd: '2027-02-23'
		});
	});

	it('shows the case and the period’s dates to a police supervisor on the inspection', async () => {
		const { inspectionId, adult, visit, device } = await openVisit();
		await push(a1, device, [{ entity: 'referral', id: randomUUID(), data: policeReferral(visit, adult) }]);
		const supervisor: SessionUser = {
			...world.users.supervisor,
			displayName: 'Supervisor',
			role: 'supervisor',
			agencyId: randomUUID(),
			agencyCode: 'police'
		};
		const view = await inspectionView(database.db, supervisor, inspectionId);
		const person = view!.persons!.find((p) => p.id === adult);
		expect(person?.referrals[0]).toMatchObject({
			target: 'police_anti_trafficking',
			consentBy: 'person',
			reflectionStart: '2026-11-25',
			reflectionEnd: '2027-02-23',
			riskLevel: 'high'
		});
	});

	it('applies a referral in the shape sent before the SOP fields, with their defaults', async () => {
		const { adult, visit, device } = await openVisit();
		const id = randomUUID();
		const [result] = await push(a1, device, [{ entity: 'referral', id, data: visit.referral(adult) }]);
		expect(result?.status).toBe('applied');
		const [row] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, id));
		expect(row).toMatchObject({
			exOfficio: false,
			consentBy: null,
			interpreterLanguage: '',
			interpreterIndependent: null,
			riskLevel: null,
			formalIdentification: null,
			reflectionStart: null,
			reflectionEnd: null
		});
	});

	const bad: { name: string; field: string; data: (v: ReturnType<typeof visitRecords>, p: string) => unknown }[] = [
		{
			name: 'an unknown risk level',
			field: 'data.riskLevel',
			data: (v, p) => ({ ...policeReferral(v, p), riskLevel: 'extreme' })
		},
		{
			name: 'a reflection start that is no date',
			field: 'data.reflectionStart',
			data: (v, p) => ({ ...policeReferral(v, p), reflectionStart: '2026-13-40' })
		},
		{
			name: 'the case on a referral to a shelter',
			field: 'data.reflectionStart',
			data: (v, p) => ({ ...v.referral(p), reflectionStart: '2026-11-25' })
		},
		{ name: 'an unknown target', field: 'data.target', data: (v, p) => ({ ...v.referral(p), target: 'embassy' }) },
		{
			name: 'who consented without consent',
			field: 'data.consentBy',
			data: (v, p) => ({ ...v.referral(p), consent: false, consentBy: 'guardian' })
		},
		{
			name: 'an unknown identification',
			field: 'data.formalIdentification',
			data: (v, p) => ({ ...policeReferral(v, p), formalIdentification: 'maybe' })
		},
		{
			name: 'an interpreter’s independence as text',
			field: 'data.interpreterIndependent',
			data: (v, p) => ({ ...v.referral(p), interpreterIndependent: 'no' })
		}
	];
	for (const { name, field, data } of bad) {
		it(`refuses ${name}, naming ${field}, and stores nothing`, async () => {
			const { adult, visit, device } = await openVisit();
			const id = randomUUID();
			const [result] = await push(a1, device, [{ entity: 'referral', id, data: data(visit, adult) }]);
			expect(result).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ field })] });
			expect(await database.db.select().from(s.referrals).where(eq(s.referrals.id, id))).toHaveLength(0);
		});
	}

	it('refuses the person’s own consent for a minor: the guardian or the Centre for Social Work gives it', async () => {
		const { minor, visit, device } = await openVisit();
		const referral = { ...visit.referral(minor), target: 'centre_for_social_work', consent: true };
		const [refused, accepted] = await push(a1, device, [
			{ entity: 'referral', id: randomUUID(), data: { ...referral, consentBy: 'person' } },
			{ entity: 'referral', id: randomUUID(), data: { ...referral, consentBy: 'centre_for_social_work' } }
		]);
		expect(refused).toMatchObject({
			status: 'rejected',
			errors: [expect.objectContaining({ field: 'data.consentBy' })]
		});
		expect(accepted?.status).toBe('applied');
	});
});

describe(`the referral to the police after the visit is submitted, on ${testEngine}`, () => {
	it('keeps the case open (identification, case numbers, period) and the rest locked', async () => {
		const { inspectionId, adult, visit, device } = await openVisit();
		const id = randomUUID();
		const made = { ...policeReferral(visit, adult), reflectionStart: null, riskLevel: null };
		const submitted = await push(a1, device, [
			{ entity: 'referral', id, data: made, deviceSeq: 10 },
			{ entity: 'inspection', id: inspectionId, data: visit.submitted(), baseVersion: 1, deviceSeq: 20 }
		]);
		expect(submitted.map((r) => r.status)).toEqual(['applied', 'applied']);

		const followUp = {
			...made,
			riskLevel: 'medium',
			formalIdentification: 'yes',
			formalIdentificationDate: '2026-12-02',
			prosecutorCaseNo: 'PP-77/26',
			socialWorkCaseNo: 'QPS-5',
			reflectionStart: '2026-12-01',
			status: 'accepted'
		};
		const [applied] = await push(a1, randomUUID(), [{ entity: 'referral', id, data: followUp, baseVersion: 1 }]);
		expect(applied).toMatchObject({ status: 'applied', version: 2 });
		const [row] = await database.db.select().from(s.referrals).where(eq(s.referrals.id, id));
		expect(row).toMatchObject({
			formalIdentification: 'yes',
			reflectionStart: '2026-12-01',
			reflectionEnd: '2027-03-01'
		});

		const locked: [string, unknown][] = [
			['exOfficio', false],
			['consentBy', 'guardian'],
			['interpreterLanguage', 'Russian'],
			['interpreterName', 'the manager'],
			['interpreterIndependent', false]
		];
		for (const [field, value] of locked) {
			const [result] = await push(a1, randomUUID(), [
				{ entity: 'referral', id, data: { ...followUp, [field]: value }, baseVersion: 2 }
			]);
			expect(result).toMatchObject({
				status: 'rejected',
				errors: [{ field: `data.${field}`, message: SUBMITTED_LOCKED }]
			});
		}
	});
});

describe(`the supervisors' list of reflection periods to follow up, on ${testEngine}`, () => {
	const dayFrom = (today: string, days: number) =>
		new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

	it('lists periods ending within 14 days or ended, without names, audited; running and closed ones stay off', async () => {
		const today = todayIn(REPORTING_TIME_ZONE);
		const { inspectionId, adult, visit, device } = await openVisit();
		const other = await openVisit();
		const ending = randomUUID();
		const ended = randomUUID();
		const running = randomUUID();
		const closed = randomUUID();
		const results = await push(a1, device, [
			{
				entity: 'referral',
				id: ending,
				data: { ...policeReferral(visit, adult), reflectionStart: dayFrom(today, -80) }
			},
			{
				entity: 'referral',
				id: running,
				data: { ...policeReferral(visit, adult), reflectionStart: dayFrom(today, -10) }
			}
		]);
		const otherResults = await push(a1, other.device, [
			{
				entity: 'referral',
				id: ended,
				data: { ...policeReferral(other.visit, other.adult), reflectionStart: dayFrom(today, -95) }
			},
			{
				entity: 'referral',
				id: closed,
				data: { ...policeReferral(other.visit, other.adult), status: 'closed', reflectionStart: dayFrom(today, -95) }
			}
		]);
		expect([...results, ...otherResults].map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

		const supervisor = await app.signedIn('supervisor_x');
		const response = await supervisor.get('/coverage/reflection');
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain(`/inspections/${inspectionId}`);
		expect(html).toContain(`/inspections/${other.inspectionId}`);
		expect(html).toContain('in 10 days');
		expect(html).toContain('ended 5 days ago');
		expect(html).not.toContain('PK-2026-114');
		expect(html).not.toContain('Court interpreter');
		// Only the two due: one link each.
		expect(html.match(/\/inspections\//g)).toHaveLength(2);
		const audited = await database.db
			.select()
			.from(s.auditLog)
			.where(eq(s.auditLog.action, 'referral.view_reflection_periods'));
		expect(audited.at(-1)).toMatchObject({ userId: world.users.supervisor.id, summary: `periods=2 today=${today}` });

		expect((await a1.get('/coverage/reflection')).status).toBe(403);
	});
});

describe(`identified victims in the national report, by year, on ${testEngine}`, () => {
	/** A submitted visit on `day` with one person; a referral to the police with `identification`. */
	async function visitOn(day: string, sex: 'female' | 'male', identification: 'yes' | 'pending' | null) {
		const inspectionId = randomUUID();
		const personId = randomUUID();
		const visit = visitRecords(world, inspectionId);
		const at = `${day}T20:00:00.000Z`;
		const mutations: Sent[] = [
			{ entity: 'inspection', id: inspectionId, data: inspectionData(world, { startedAt: at }), deviceSeq: 1 },
			{ entity: 'screenedPerson', id: personId, data: visit.person(sex), deviceSeq: 2 }
		];
		if (identification) {
			const referral = {
				...policeReferral(visit, personId),
				formalIdentification: identification,
				formalIdentificationDate: identification === 'yes' ? day : null
			};
			mutations.push({ entity: 'referral', id: randomUUID(), data: referral, deviceSeq: 3 });
		}
		mutations.push({
			entity: 'inspection',
			id: inspectionId,
			data: { ...visit.submitted(), startedAt: at, submittedAt: at },
			baseVersion: 1,
			deviceSeq: 4
		});
		const results = await push(a1, randomUUID(), mutations);
		expect(results.every((r) => r.status === 'applied')).toBe(true);
	}

	it('counts identified victims beside possible ones, with the years as columns and a year column in CSV', async () => {
		// 2024: a possible victim, identified. 2025: a possible victim, identification pending, and a
		// man without indicators whom the police identified all the same.
		await visitOn('2024-12-20', 'female', 'yes');
		await visitOn('2025-01-15', 'female', 'pending');
		await visitOn('2025-01-16', 'male', 'yes');
		const supervisor = await app.signedIn('supervisor_x');
		const query = 'from=2024-12-01&to=2025-01-31';
		const response = await supervisor.get(`/api/coverage?${query}`);
		expect(response.status).toBe(200);
		const { report, totals } = await response.json();
		expect(totals.possibleVictims).toBe(2);
		expect(report.identifiedVictims).toBe(2);
		expect(report.victimsByYear.years).toEqual(['2024', '2025']);
		const band = report.victimsByYear.age.find((row: { category: string }) => row.category === '18_22');
		expect(band).toEqual({
			category: '18_22',
			years: { '2024': { possible: 1, identified: 1 }, '2025': { possible: 1, identified: 1 } },
			total: { possible: 2, identified: 2 }
		});
		expect(report.victimsByYear.nationality).toEqual([
			{
				category: 'XK',
				years: { '2024': { possible: 1, identified: 1 }, '2025': { possible: 1, identified: 1 } },
				total: { possible: 2, identified: 2 }
			}
		]);

		const csv = await supervisor.get(`/api/coverage?${query}&format=csv&table=victimsByNationality&purpose=statistics`);
		expect(csv.status).toBe(200);
		const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
		expect(lines.slice(0, 3)).toEqual([
			'nationality,year,possibleVictims,identifiedVictims',
			'XK,2024,1,1',
			'XK,2025,1,1'
		]);
	});
});
