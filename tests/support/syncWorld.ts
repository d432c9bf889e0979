/**
 * A small operational world for sync tests: one municipality, venues, the default template, an
 * operation with team A (two inspectors) and team B (one), each with assignments — written with
 * their change-feed rows, as the planning screens write them.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Db } from '../../src/lib/server/db/index.ts';
import * as s from '../../src/lib/server/db/schema.ts';
import { appendChanges } from '../../src/lib/server/sync/changeFeed.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import type { ChecklistTemplate } from '../../src/lib/domain/checklist/template.ts';
import { addUser } from './fixtures.ts';
import { eq } from 'drizzle-orm';

export type SyncWorld = Awaited<ReturnType<typeof buildSyncWorld>>;

export async function buildSyncWorld(database: Database) {
	const db = database.db;
	// The default questions, as the first version of the test world's template: tests publish the
	// versions after it.
	const template = { ...defaultTemplate, version: 1 };
	const users = {
		a1: await addUser(database, 'inspector_a1', 'inspector', 'police'),
		a2: await addUser(database, 'inspector_a2', 'inspector', 'labour'),
		b1: await addUser(database, 'inspector_b1', 'inspector', 'police'),
		planner: await addUser(database, 'planner_x', 'planner', 'police'),
		// A police supervisor reads every visit's persons (domain/accessPolicy.ts); tests of the labour
		// inspectorate's supervisor add one.
		supervisor: await addUser(database, 'supervisor_x', 'supervisor', 'police')
	};
	const agencyIds = Object.fromEntries((await db.select().from(s.agencies)).map((a) => [a.code, a.id])) as Record<
		string,
		string
	>;
	const today = new Date().toISOString().slice(0, 10);
	const ids = {
		municipality: randomUUID(),
		venues: [randomUUID(), randomUUID(), randomUUID()],
		template: randomUUID(),
		plan: randomUUID(),
		operation: randomUUID(),
		teamA: randomUUID(),
		teamB: randomUUID(),
		assignmentA: randomUUID(),
		assignmentB: randomUUID()
	};
	await db.transaction(async (tx) => {
		await tx.insert(s.municipalities).values({
			id: ids.municipality,
			code: 'prishtine',
			nameSq: 'Prishtinë',
			nameSr: 'Priština',
			nameEn: 'Pristina',
			lat: 42.663,
			lng: 21.166
		});
		await tx.insert(s.locations).values(
			ids.venues.map((id, i) => ({
				id,
				name: `Venue ${i}`,
				kind: 'bar' as const,
				municipalityId: ids.municipality,
				lat: 42.66 + i / 1000,
				lng: 21.16
			}))
		);
		await tx.insert(s.checklistTemplates).values({
			id: ids.template,
			templateId: defaultTemplate.id,
			templateVersion: template.version,
			definition: template
		});
		// Dated today (not expired: its target list is on the devices), and released explicitly, as
		// the planner's release would leave it (planning/embargo.ts); the planner is on its list.
		await tx
			.insert(s.plans)
			.values({ id: ids.plan, title: 'Plan', periodStart: shiftDay(today, -30), periodEnd: shiftDay(today, 30) });
		await tx.insert(s.operations).values({
			id: ids.operation,
			planId: ids.plan,
			title: 'Op',
			date: today,
			leadAgencyId: agencyIds.police!,
			releasedAt: new Date(),
			releaseSentAt: new Date()
		});
		await tx.insert(s.operationCommanders).values({ operationId: ids.operation, userId: users.planner.id });
		await tx.insert(s.teams).values([
			{ id: ids.teamA, operationId: ids.operation, name: 'A' },
			{ id: ids.teamB, operationId: ids.operation, name: 'B' }
		]);
		await tx.insert(s.teamMembers).values([
			{ teamId: ids.teamA, userId: users.a1.id, agencyId: agencyIds.police! },
			{ teamId: ids.teamA, userId: users.a2.id, agencyId: agencyIds.labour! },
			{ teamId: ids.teamB, userId: users.b1.id, agencyId: agencyIds.police! }
		]);
		await tx.insert(s.assignments).values([
			{ id: ids.assignmentA, operationId: ids.operation, teamId: ids.teamA, locationId: ids.venues[0]!, visitOrder: 1 },
			{ id: ids.assignmentB, operationId: ids.operation, teamId: ids.teamB, locationId: ids.venues[1]!, visitOrder: 1 }
		]);
		await appendChanges(tx, [
			{ entity: 'municipality', recordId: ids.municipality, op: 'upsert', version: 1 },
			...ids.venues.map((id) => ({ entity: 'location' as const, recordId: id, op: 'upsert' as const, version: 1 })),
			{ entity: 'checklistTemplate', recordId: ids.template, op: 'upsert', version: 1 },
			{ entity: 'plan', recordId: ids.plan, op: 'upsert', version: 1 },
			{ entity: 'operation', recordId: ids.operation, op: 'upsert', version: 1, operationId: ids.operation },
			{ entity: 'team', recordId: ids.teamA, op: 'upsert', version: 1, teamId: ids.teamA, operationId: ids.operation },
			{ entity: 'team', recordId: ids.teamB, op: 'upsert', version: 1, teamId: ids.teamB, operationId: ids.operation },
			{
				entity: 'assignment',
				recordId: ids.assignmentA,
				op: 'upsert',
				version: 1,
				teamId: ids.teamA,
				operationId: ids.operation
			},
			{
				entity: 'assignment',
				recordId: ids.assignmentB,
				op: 'upsert',
				version: 1,
				teamId: ids.teamB,
				operationId: ids.operation
			}
		]);
	});
	return { users, ids, template };
}

function shiftDay(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Answers a complete venue part would have: required items answered plainly. */
export function completeVenueAnswers(template: ChecklistTemplate): Record<string, string | number> {
	const answers: Record<string, string | number> = {};
	for (const section of template.sections.filter((x) => x.scope === 'venue')) {
		for (const item of section.items) {
			if (!item.required || item.showIf) continue;
			answers[item.id] =
				item.kind === 'yesNo'
					? 'no'
					: item.kind === 'number'
						? 0
						: item.kind === 'text'
							? 'none'
							: item.options![0]!.id;
		}
	}
	return answers;
}

/** A person who answers yes to every indicator question of the template. */
export function allIndicatorsYes(template: ChecklistTemplate): Record<string, string> {
	const answers: Record<string, string> = {};
	for (const section of template.sections.filter((x) => x.scope === 'person')) {
		for (const item of section.items) if (item.indicator) answers[item.id] = 'yes';
	}
	return answers;
}

export function inspectionData(world: SyncWorld, overrides: Record<string, unknown> = {}) {
	return {
		locationId: world.ids.venues[0],
		assignmentId: world.ids.assignmentA,
		teamId: world.ids.teamA,
		templateId: world.template.id,
		templateVersion: world.template.version,
		unplannedReason: null,
		startedAt: '2026-11-24T20:00:00.000Z',
		endedAt: null,
		checkIn: { lat: 42.66, lng: 21.16, accuracy: 12, at: '2026-11-24T20:00:00.000Z' },
		answers: {},
		outcome: null,
		outcomeReason: null,
		peoplePresent: null,
		notes: '',
		status: 'draft',
		submittedAt: null,
		correctionOf: null,
		correctionReason: null,
		...overrides
	};
}

export async function countRows(db: Db, table: typeof s.inspections, id: string): Promise<number> {
	return (await db.select({ id: table.id }).from(table).where(eq(table.id, id))).length;
}

/**
 * The records of a visit the way a device records them: two people met (a woman answering yes to
 * every indicator, a man with nothing to report), a referral of the woman, photos, and the
 * submitted inspection with a complete venue part.
 */
export function visitRecords(world: SyncWorld, inspectionId: string) {
	return {
		person: (sex: 'female' | 'male') => ({
			inspectionId,
			sex,
			ageBand: '18_22',
			nationality: 'XK',
			education: null,
			roleAtVenue: null,
			recruitment: null,
			exploitationForm: null,
			language: null,
			answers: sex === 'female' ? allIndicatorsYes(world.template) : {}
		}),
		referral: (personId: string) => ({
			personId,
			inspectionId,
			target: 'shelter',
			referredAt: '2026-11-24T21:30:00Z',
			consent: true,
			urgentNeeds: '',
			status: 'made',
			notes: ''
		}),
		photo: (n: number) => ({
			inspectionId,
			sha256: String(n).repeat(64),
			mime: 'image/jpeg',
			size: 1000,
			caption: `photo ${n}`,
			takenAt: '2026-11-24T21:00:00Z',
			lat: null,
			lng: null
		}),
		submitted: () =>
			inspectionData(world, {
				status: 'submitted',
				outcome: 'trafficking_indicators_referred',
				submittedAt: '2026-11-24T22:00:00Z',
				answers: completeVenueAnswers(world.template)
			})
	};
}
