/**
 * The coverage rollups (migration 0004, server/coverage/rollup.ts) must answer exactly what counting
 * the inspections answers. Over the demo data's year of inspections, every figure, trend, overdue
 * list and report table is compared between the two, for several periods and filters, and again
 * after each kind of change the triggers must notice: a correction, a deletion, a new possible
 * victim, a referral's status, a venue moved to another municipality and kind, a team moved to
 * another operation, an inspection's date, a draft submitted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { firstRow } from '../../src/lib/server/db/rows.ts';
import { openTestDatabase, testEngine } from '../support/database.ts';
import { seedDemoData } from '../../src/lib/server/demo/index.ts';
import { coverageReport } from '../../src/lib/server/coverage/index.ts';
import { refreshCoverageRollups } from '../../src/lib/server/coverage/rollup.ts';
import { coverageFiltersSchema } from '../../src/lib/domain/coverage/filters.ts';

const NOW = new Date('2025-06-04T09:30:00Z');
const TODAY = '2025-06-04';

let database: Database;
let selections: { label: string; query: Record<string, string> }[];

beforeAll(async () => {
	database = await openTestDatabase();
	await seedDemoData(database.db, { now: NOW });
	const { db } = database;
	// A municipality and a kind that the demo data's inspections actually touch.
	const busiest = firstRow<{ municipality_id: string; kind: string }>(
		await db.execute(sql`select l.municipality_id, l.kind from inspections i join locations l on l.id = i.location_id
			where i.status = 'submitted' group by 1, 2 order by count(*) desc limit 1`)
	);
	selections = [
		{ label: 'this year', query: { preset: 'year' } },
		{ label: 'last 30 days', query: { preset: 'last30' } },
		{ label: 'this quarter', query: { preset: 'quarter' } },
		{ label: 'across new year', query: { from: '2024-11-15', to: '2025-02-10' } },
		{ label: 'a whole past year and more', query: { from: '2024-01-01', to: '2025-06-04', overdueDays: '30' } },
		{ label: 'one municipality', query: { preset: 'year', municipalityId: busiest.municipality_id } },
		{ label: 'one kind', query: { preset: 'year', kind: busiest.kind } },
		{
			label: 'municipality and kind',
			query: { from: '2024-06-01', to: '2025-06-04', municipalityId: busiest.municipality_id, kind: busiest.kind }
		}
	];
}, 120_000);

afterAll(async () => database?.close());

async function expectRollupsAgree(): Promise<void> {
	for (const { label, query } of selections) {
		const filters = coverageFiltersSchema.parse(query);
		const fromRollups = await coverageReport(database.db, filters, TODAY, { overdueLimit: null });
		const fromInspections = await coverageReport(database.db, filters, TODAY, {
			overdueLimit: null,
			source: 'inspections'
		});
		expect(fromRollups, label).toEqual(fromInspections);
	}
}

async function countedInspection(offset = 0) {
	const [row] = await database.db
		.select()
		.from(s.inspections)
		.where(
			and(
				eq(s.inspections.status, 'submitted'),
				isNull(s.inspections.deletedAt),
				isNull(s.inspections.correctionOf),
				isNotNull(s.inspections.teamId)
			)
		)
		.orderBy(desc(s.inspections.startedAt), s.inspections.id)
		.limit(1)
		.offset(offset);
	return row!;
}

describe(`coverage rollups on ${testEngine}`, () => {
	it('are built from the stored inspections and answer what the inspections answer', async () => {
		const pending = firstRow<{ n: number }>(
			await database.db.execute(sql`select count(*)::int as n from coverage_dirty`)
		);
		expect(pending.n).toBeGreaterThan(0);
		await expectRollupsAgree();
		const after = firstRow<{ dirty: number; daily: number; venues: number }>(
			await database.db.execute(sql`select (select count(*) from coverage_dirty)::int as dirty,
				(select count(*) from coverage_daily)::int as daily, (select count(*) from coverage_venue_days)::int as venues`)
		);
		expect(after).toMatchObject({ dirty: 0 });
		expect(after.daily).toBeGreaterThan(0);
		expect(after.venues).toBeGreaterThan(0);
		const year = await coverageReport(database.db, coverageFiltersSchema.parse({ preset: 'year' }), TODAY);
		expect(year.totals.inspections).toBeGreaterThan(0);
		expect(year.totals.possibleVictims).toBeGreaterThan(0);
		// Nothing changed since: the next refresh has nothing to do.
		expect(await refreshCoverageRollups(database.db)).toEqual({ days: 0, venueYears: 0 });
	});

	it('follow a correction, a deletion and a date moved', async () => {
		const { db } = database;
		const original = await countedInspection();
		await db.insert(s.inspections).values({
			...original,
			id: randomUUID(),
			correctionOf: original.id,
			correctionReason: 'wrong outcome',
			outcome: 'premises_closed'
		});
		const deleted = await countedInspection(3);
		await db.update(s.inspections).set({ deletedAt: new Date() }).where(eq(s.inspections.id, deleted.id));
		await expectRollupsAgree();
		const moved = await countedInspection(5);
		await db
			.update(s.inspections)
			.set({ startedAt: new Date('2024-12-31T23:30:00Z') })
			.where(eq(s.inspections.id, moved.id));
		await expectRollupsAgree();
	});

	it('follow persons and referrals', async () => {
		const { db } = database;
		const inspection = await countedInspection(7);
		await db.insert(s.screenedPersons).values({
			id: randomUUID(),
			inspectionId: inspection.id,
			sex: 'female',
			ageBand: '14_17',
			isMinor: true,
			nationality: 'serbia',
			result: 'possible_victim',
			recruitment: 'job_offer'
		});
		await expectRollupsAgree();
		// Each change on its own: two on one inspection would hide a trigger that is missing.
		const [referral] = await db
			.select()
			.from(s.referrals)
			.where(and(isNull(s.referrals.deletedAt), ne(s.referrals.status, 'closed')))
			.limit(1);
		await db.update(s.referrals).set({ status: 'closed' }).where(eq(s.referrals.id, referral!.id));
		await expectRollupsAgree();
		const [person] = await db
			.select()
			.from(s.screenedPersons)
			.where(and(isNull(s.screenedPersons.deletedAt), eq(s.screenedPersons.result, 'possible_victim')))
			.limit(1);
		await db.update(s.screenedPersons).set({ deletedAt: new Date() }).where(eq(s.screenedPersons.id, person!.id));
		await expectRollupsAgree();
	});

	it('follow a venue moved to another municipality and kind, and a team moved to another operation', async () => {
		const { db } = database;
		const inspection = await countedInspection(9);
		const [elsewhere] = await db
			.select()
			.from(s.locations)
			.where(ne(s.locations.id, inspection.locationId))
			.orderBy(desc(s.locations.name))
			.limit(1);
		await db
			.update(s.locations)
			.set({ municipalityId: elsewhere!.municipalityId, kind: 'other' })
			.where(eq(s.locations.id, inspection.locationId));
		await expectRollupsAgree();
		const [team] = await db.select().from(s.teams).where(eq(s.teams.id, inspection.teamId!));
		const [otherOperation] = await db
			.select()
			.from(s.operations)
			.where(ne(s.operations.id, team!.operationId))
			.orderBy(s.operations.date)
			.limit(1);
		await db.update(s.teams).set({ operationId: otherOperation!.id }).where(eq(s.teams.id, team!.id));
		await expectRollupsAgree();
	});

	it('follow a draft submitted', async () => {
		const { db } = database;
		const [draft] = await db.select().from(s.inspections).where(eq(s.inspections.status, 'draft')).limit(1);
		const target = draft ?? (await countedInspection(11));
		const before = await coverageReport(db, coverageFiltersSchema.parse({ from: '2000-01-01', to: TODAY }), TODAY);
		if (draft) {
			await db
				.update(s.inspections)
				.set({ status: 'submitted', outcome: 'no_findings', submittedAt: new Date() })
				.where(eq(s.inspections.id, draft.id));
		} else {
			await db
				.insert(s.inspections)
				.values({ ...target, id: randomUUID(), correctionOf: null, startedAt: new Date('2025-06-03T10:00:00Z') });
		}
		const after = await coverageReport(db, coverageFiltersSchema.parse({ from: '2000-01-01', to: TODAY }), TODAY);
		expect(after.totals.inspections).toBe(before.totals.inspections + 1);
		await expectRollupsAgree();
	});
});
