import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { openTestDatabase, testEngine } from '../support/database.ts';
import {
	assignments,
	auditLog,
	changes,
	childSites,
	inspections,
	locations,
	municipalities,
	operations,
	referrals,
	screenedPersons,
	teamMembers,
	teams,
	users
} from '../../src/lib/server/db/schema.ts';
import { seedDemoData, type SeedSummary } from '../../src/lib/server/demo/index.ts';
import { isDatabaseEmpty, isDemoLoaded } from '../../src/lib/server/demo/loaded.ts';
import { kosovoBounds } from '../../src/lib/domain/municipalities.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { validateAnswers, type Answers } from '../../src/lib/domain/checklist/template.ts';
import type { AgeBand } from '../../src/lib/domain/screening/screen.ts';
import { listResults, screenAnswers } from '../../src/lib/domain/screening/screenAnswers.ts';

// A Wednesday: this week's plan then has operations on both sides of "today".
const NOW = new Date('2025-06-04T09:30:00Z');

const engines = [testEngine] as const;

function metresApart(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const rad = Math.PI / 180;
	const h =
		Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
	return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe.each(engines)('demo data on %s', (engine) => {
	let database: Database;
	let summary: SeedSummary;
	let emptyBefore: boolean;
	let loadedBefore: boolean;

	beforeAll(async () => {
		database = await openTestDatabase();
		emptyBefore = await isDatabaseEmpty(database.db);
		loadedBefore = await isDemoLoaded(database.db);
		const started = performance.now();
		summary = await seedDemoData(database.db, { now: NOW });
		console.log(`[seed] ${engine}: ${Math.round(performance.now() - started)} ms, ${JSON.stringify(summary)}`);
	});

	afterAll(async () => {
		await database?.close();
	});

	it('starts from an empty database and marks it as holding demo data', async () => {
		expect(emptyBefore).toBe(true);
		expect(loadedBefore).toBe(false);
		expect(await isDatabaseEmpty(database.db)).toBe(false);
		expect(await isDemoLoaded(database.db)).toBe(true);
	});

	it('gives the demo victim advocate a couple of persons referred to the advocates', async () => {
		const [advocate] = await database.db.select().from(s.users).where(eq(s.users.username, 'advocate'));
		expect(advocate).toMatchObject({ role: 'victim_services', organisation: 'victim_advocate' });
		const referred = await database.db
			.selectDistinct({ personId: s.referrals.personId })
			.from(s.referrals)
			.where(eq(s.referrals.target, 'victim_advocate'));
		expect(referred.length).toBeGreaterThanOrEqual(2);
	});

	it('writes the reference layers, the accounts and a year of inspections', async () => {
		const { db } = database;
		expect(await db.$count(municipalities)).toBe(38);
		expect(await db.$count(users)).toBe(9);
		expect(await db.$count(locations)).toBe(600);
		expect(await db.$count(childSites)).toBe(150);
		expect(await db.$count(inspections)).toBe(1500);
		expect(summary).toMatchObject({ municipalities: 38, venues: 600, childSites: 150, users: 9, inspections: 1500 });
		expect(summary.possibleVictims).toBeGreaterThanOrEqual(20);
		expect(summary.possibleVictims).toBeLessThanOrEqual(100);
		expect(await db.$count(screenedPersons, eq(screenedPersons.result, 'possible_victim'))).toBe(
			summary.possibleVictims
		);
		expect(await db.$count(referrals)).toBe(summary.referrals);
		expect(summary.referrals).toBeGreaterThanOrEqual(summary.possibleVictims);
	});

	it('records the work after the inspections: violations with their controls, and criminal reports', async () => {
		const db = database.db;
		expect(await db.$count(s.violations)).toBe(summary.violations);
		expect(await db.$count(s.controlInspections)).toBe(summary.controls);
		expect(await db.$count(s.criminalReports)).toBe(summary.criminalReports);
		expect(summary.violations).toBeGreaterThan(100);
		expect(summary.controls).toBeGreaterThan(20);
		expect(summary.criminalReports).toBeGreaterThan(5);
		// Every control checks violations ordered remedied by its own day, at the venue of its visit.
		const controls = await db.select().from(s.controlInspections);
		const byId = new Map((await db.select().from(s.violations)).map((v) => [v.id, v]));
		for (const control of controls) {
			for (const v of control.violations) {
				expect(byId.get(v.violationId)).toMatchObject({
					remedyDeadline: control.dueOn,
					inspectionId: control.sourceInspectionId
				});
			}
		}
		// Only labour-violation visits have a labour record.
		const visits = await db
			.select({ outcome: inspections.outcome })
			.from(s.labourRecords)
			.innerJoin(inspections, eq(inspections.id, s.labourRecords.inspectionId));
		expect(new Set(visits.map((v) => v.outcome))).toEqual(new Set(['labour_violations']));
	});

	it('places every venue inside Kosovo, a realistic share of them within 350 m of a child site', async () => {
		const venues = await database.db.select({ lat: locations.lat, lng: locations.lng }).from(locations);
		for (const venue of venues) {
			expect(venue.lat).toBeGreaterThanOrEqual(kosovoBounds.minLat);
			expect(venue.lat).toBeLessThanOrEqual(kosovoBounds.maxLat);
			expect(venue.lng).toBeGreaterThanOrEqual(kosovoBounds.minLng);
			expect(venue.lng).toBeLessThanOrEqual(kosovoBounds.maxLng);
		}
		const sites = await database.db.select({ lat: childSites.lat, lng: childSites.lng }).from(childSites);
		const nearChildren = venues.filter((venue) => sites.some((site) => metresApart(venue, site) <= 350)).length;
		console.log(`[seed] ${engine}: ${nearChildren} of ${venues.length} venues within 350 m of a child site`);
		expect(nearChildren / venues.length).toBeGreaterThan(0.1);
		expect(nearChildren / venues.length).toBeLessThan(0.4);
	});

	it('puts every location, and every restricted record, in the change feed', async () => {
		const { db } = database;
		const locationIds = (await db.select({ id: locations.id }).from(locations)).map((r) => r.id).sort();
		const fed = await db.select({ id: changes.recordId }).from(changes).where(eq(changes.entity, 'location'));
		expect(fed.map((r) => r.id).sort()).toEqual(locationIds);
		const persons = await db.select().from(changes).where(eq(changes.entity, 'screenedPerson'));
		expect(persons).toHaveLength(await db.$count(screenedPersons));
		expect(persons.every((row) => row.restricted && row.teamId && row.operationId)).toBe(true);
		const referred = await db.select().from(changes).where(eq(changes.entity, 'referral'));
		expect(referred).toHaveLength(summary.referrals);
		expect(referred.every((row) => row.restricted)).toBe(true);
		const fedInspections = await db.select().from(changes).where(eq(changes.entity, 'inspection'));
		expect(fedInspections.every((row) => row.teamId && row.operationId && !row.restricted)).toBe(true);
	});

	it('records the seeding once in the audit chain', async () => {
		const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, 'demo.seed'));
		expect(entries).toHaveLength(1);
		expect(entries[0]?.userId).toBeNull();
		expect(entries[0]?.summary).toContain('inspections=1500');
	});

	it('answers the published template validly, and stores the screening the rule gives', async () => {
		const { db } = database;
		for (const inspection of await db.select({ answers: inspections.answers }).from(inspections)) {
			expect(validateAnswers(defaultTemplate, 'venue', inspection.answers)).toEqual({ ok: true });
		}
		for (const person of await db.select().from(screenedPersons)) {
			expect(validateAnswers(defaultTemplate, 'person', person.answers)).toEqual({ ok: true });
			const screening = screenAnswers(defaultTemplate, person.answers as Answers, person.ageBand as AgeBand);
			expect(person.result).toBe(screening.result);
			expect(person.dimensionsPresent).toEqual(screening.dimensionsPresent);
			expect(person.isMinor).toBe(screening.isMinor);
			expect(person.catalogueVersion).toBe(2);
			expect(person.listResults).toEqual(listResults(screening));
		}
	});

	it('refers every possible victim, and every minor among them to the Centre for Social Work', async () => {
		const { db } = database;
		const victims = await db.select().from(screenedPersons).where(eq(screenedPersons.result, 'possible_victim'));
		const all = await db.select({ personId: referrals.personId, target: referrals.target }).from(referrals);
		const minors = victims.filter((v) => v.isMinor);
		expect(minors.length).toBeGreaterThan(0);
		for (const victim of victims) expect(all.some((r) => r.personId === victim.id)).toBe(true);
		for (const minor of minors) {
			expect(all.filter((r) => r.personId === minor.id).map((r) => r.target)).toContain('centre_for_social_work');
		}
	});

	it("gives today's operation to the two joint teams, each with a route of 6 to 10 venues", async () => {
		const { db } = database;
		const [today] = await db.select().from(operations).where(eq(operations.date, '2025-06-04'));
		expect(today?.status).toBe('active');
		const todaysTeams = await db.select().from(teams).where(eq(teams.operationId, today!.id)).orderBy(asc(teams.name));
		expect(todaysTeams.map((t) => t.name)).toEqual(['Ekipi A', 'Ekipi B']);
		const members = await db
			.select({ teamId: teamMembers.teamId, username: users.username })
			.from(teamMembers)
			.innerJoin(users, eq(users.id, teamMembers.userId));
		const [teamA, teamB] = todaysTeams.map((team) =>
			members
				.filter((m) => m.teamId === team.id)
				.map((m) => m.username)
				.sort()
		);
		expect(teamA).toEqual(['labour1', 'police1']);
		expect(teamB).toEqual(['labour2', 'police2']);
		for (const team of todaysTeams) {
			const route = await db.select().from(assignments).where(eq(assignments.teamId, team.id));
			expect(route.length).toBeGreaterThanOrEqual(6);
			expect(route.length).toBeLessThanOrEqual(10);
			expect(route.every((a) => a.status === 'pending')).toBe(true);
		}
	});

	it('gives the same ids for the same day, whatever the hour', async () => {
		const again = await openTestDatabase();
		try {
			await seedDemoData(again.db, { now: new Date('2025-06-04T18:45:00Z') });
			const ids = (opened: Database) =>
				opened.db.select({ id: locations.id }).from(locations).orderBy(asc(locations.id));
			expect(await ids(again)).toEqual(await ids(database));
			const inspectionIds = (opened: Database) =>
				opened.db.select({ id: inspections.id }).from(inspections).orderBy(asc(inspections.id));
			expect(await inspectionIds(again)).toEqual(await inspectionIds(database));
		} finally {
			await again.close();
		}
	});
});
