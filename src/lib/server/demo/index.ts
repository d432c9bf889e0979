/**
 * Demo data for trying Kontrolla out: a year of joint inspections across Kosovo's 38
 * municipalities and this week's plan for the demo teams. Deterministic: the same day gives the
 * same records and ids (a seeded generator, never Math.random), so demos and tests can rely on them.
 */
import { sql } from 'drizzle-orm';
import { createRandom } from './random.ts';
import { defaultTemplate } from '../../domain/checklist/defaultTemplate.ts';
import type { Db } from '../db/index.ts';
import { appMeta } from '../db/schema.ts';
import { POSSIBLE_VICTIM } from '../db/screening.ts';
import { audited } from '../records/syncedWrite.ts';
import { person, seedAccounts } from './accounts.ts';
import { addDays, kosovoDate, kosovoTime } from './calendar.ts';
import { planHistory } from './history.ts';
import { insertFieldRecords, recordInspections } from './inspections.ts';
import { insertAfterInspection } from './afterInspection.ts';
import { planThisWeek } from './operations.ts';
import { insertPlans } from './planning.ts';
import { seedReference } from './reference.ts';
import { seedTemplate } from './template.ts';
import { seedDemoHelpline } from './helplines.ts';
import { DEMO_META_KEY } from './loaded.ts';

export type SeedSummary = {
	users: number;
	municipalities: number;
	venues: number;
	childSites: number;
	checklistTemplates: number;
	plans: number;
	operations: number;
	teams: number;
	assignments: number;
	inspections: number;
	screenedPersons: number;
	possibleVictims: number;
	referrals: number;
	violations: number;
	controls: number;
	criminalReports: number;
};

export async function seedDemoData(db: Db, options: { now: Date }): Promise<SeedSummary> {
	const today = kosovoDate(options.now);
	const random = createRandom(`kontrolla-demo/${today}`);
	const summary = await db.transaction(async (tx) => {
		const people = await seedAccounts(tx, random.fork('accounts').uuid);
		const fieldInspectors = ['police1', 'labour1', 'police2', 'labour2'].map((username) => person(people, username).id);
		const reference = await seedReference(tx, random.fork('reference'), fieldInspectors);
		// Published well before the oldest demo inspection, which must be able to name it.
		const checklistTemplates = await seedTemplate(
			tx,
			random.fork('template').uuid(),
			defaultTemplate,
			kosovoTime(addDays(today, -400), 9 * 60),
			person(people, 'admin').id
		);

		await seedDemoHelpline(tx, random.fork('helplines').uuid());

		const world = { today, venues: reference.venues, municipalities: reference.municipalities, people };
		const history = planHistory(random.fork('history'), world);
		const thisWeek = planThisWeek(random.fork('this-week'), world);
		const records = recordInspections(
			random.fork('inspections'),
			defaultTemplate,
			history.visits,
			reference.venues,
			kosovoTime(today, 0),
			reference.childSites
		);
		const plans = [...history.plans, thisWeek];
		await insertPlans(tx, plans);
		await insertFieldRecords(tx, records);
		const after = await insertAfterInspection(
			tx,
			random.fork('after-inspection'),
			records,
			new Map(reference.venues.map((venue) => [venue.id, venue.name])),
			today
		);

		const operations = plans.flatMap((plan) => plan.operations);
		const teams = operations.flatMap((operation) => operation.teams);
		const summary: SeedSummary = {
			users: people.created,
			municipalities: reference.municipalitiesCreated,
			venues: reference.venues.length,
			childSites: reference.childSites.length,
			checklistTemplates,
			plans: plans.length,
			operations: operations.length,
			teams: teams.length,
			assignments: teams.reduce((sum, team) => sum + team.assignments.length, 0),
			inspections: records.inspections.length,
			screenedPersons: records.persons.length,
			possibleVictims: records.persons.filter((p) => p.result === POSSIBLE_VICTIM).length,
			referrals: records.referrals.length,
			...after
		};
		await audited(tx, {
			userId: null,
			action: 'demo.seed',
			summary: Object.entries(summary)
				.map(([name, count]) => `${name}=${count}`)
				.join(' ')
		});
		const meta = { seededAt: options.now.toISOString(), summary };
		await tx
			.insert(appMeta)
			.values({ key: DEMO_META_KEY, value: meta })
			.onConflictDoUpdate({ target: appMeta.key, set: { value: meta } });
		return summary;
	});
	// Statistics for the planner at once (PGlite has no autovacuum to gather them later).
	await db.execute(sql`analyze`);
	return summary;
}
