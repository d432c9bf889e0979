/**
 * A year of submitted inspections: one per past assignment, plus venues a team found on the way.
 * Each settles its assignment's status; some record people screened in private, and every
 * possible victim is referred.
 */
import type { Random } from './random.ts';
import type { ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { Tx } from '../db/index.ts';
import { inspections, referrals, screenedPersons } from '../db/schema.ts';
import { POSSIBLE_VICTIM } from '../db/screening.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { announce } from '../records/syncedWrite.ts';
import { kosovoTime } from './calendar.ts';
import { insertRows } from './insert.ts';
import { venueAnswers, type Outcome } from './answers.ts';
import { referPerson, screenPersonAt, sexualExploitationVenues, type Expectation } from './persons.ts';
import type { Visit } from './history.ts';
import type { ChildSite, LocationKind, Venue } from './places.ts';
import { childSiteFlag, type ChildSiteFlag } from '../../domain/geo/proximity.ts';
import { childRadiusMetres } from '../register/settings.ts';

export const INSPECTION_COUNT = 1500;

type InspectionRow = typeof inspections.$inferInsert & { id: string };
type PersonRow = ReturnType<typeof screenPersonAt>;
type ReferralRow = ReturnType<typeof referPerson>[number];
type Scope = { teamId: string; operationId: string };

// Private apartments are often locked or refused; clubs and massage parlours are where
// trafficking indicators are found most (docs/DOMAIN.md: victims increasingly in private apartments).
const outcomeWeights: Record<LocationKind, readonly (readonly [Outcome, number])[]> = {
	bar: [
		['no_findings', 52],
		['labour_violations', 36],
		['trafficking_indicators_referred', 1.5],
		['premises_closed', 4],
		['could_not_inspect', 6.5]
	],
	night_club: [
		['no_findings', 42],
		['labour_violations', 38],
		['trafficking_indicators_referred', 5],
		['premises_closed', 8],
		['could_not_inspect', 7]
	],
	massage_parlour: [
		['no_findings', 44],
		['labour_violations', 34],
		['trafficking_indicators_referred', 5],
		['premises_closed', 7],
		['could_not_inspect', 10]
	],
	hotel_motel: [
		['no_findings', 60],
		['labour_violations', 29],
		['trafficking_indicators_referred', 2],
		['premises_closed', 2],
		['could_not_inspect', 7]
	],
	restaurant_cafe: [
		['no_findings', 58],
		['labour_violations', 36.5],
		['trafficking_indicators_referred', 0.3],
		['premises_closed', 1.2],
		['could_not_inspect', 4]
	],
	private_apartment: [
		['no_findings', 45],
		['labour_violations', 4],
		['trafficking_indicators_referred', 8],
		['premises_closed', 3],
		['could_not_inspect', 40]
	],
	other: [
		['no_findings', 55],
		['labour_violations', 38],
		['trafficking_indicators_referred', 0.7],
		['premises_closed', 2.3],
		['could_not_inspect', 4]
	]
};

const notes: Record<Outcome, readonly string[]> = {
	no_findings: ['', '', 'Documents in order.', 'Manager cooperative; all workers registered.'],
	labour_violations: [
		'Two workers without written contracts; fine proposed.',
		'Wages below the minimum and no working-time records.',
		'Workers not registered for social insurance; the labour inspector issued an order.'
	],
	trafficking_indicators_referred: [
		'Woman taken aside and interviewed with an interpreter; referred.',
		'Manager held the passports of foreign workers; anti-trafficking investigators informed.',
		'Girl working at night appeared under 18; Centre for Social Work called.'
	],
	premises_closed: ['', 'Decision served to the owner on site.'],
	could_not_inspect: ['']
};

const outcomeReasons: Partial<Record<Outcome, readonly string[]>> = {
	premises_closed: [
		'Closed on the spot: no licence and minors working at night.',
		'Closed by order of the labour inspector: serious safety hazards.'
	],
	could_not_inspect: [
		'Premises locked; nobody answered.',
		'Owner refused entry; a warrant is being requested.',
		'Business not found at this address.'
	]
};

const unplannedReasons = [
	'Seen on the way: lights on and cars parked outside after hours.',
	'Tip-off from a citizen during the operation.',
	'A neighbour pointed the team to a flat on the same street.'
];

function peopleAt(random: Random, kind: LocationKind, outcome: Outcome) {
	const sexual = sexualExploitationVenues.has(kind);
	const minors = random.chance(
		outcome === 'premises_closed' || outcome === 'trafficking_indicators_referred' ? 0.3 : 0.03
	)
		? random.int(1, 2)
		: 0;
	return {
		women: sexual ? random.int(1, 6) : random.int(0, 3),
		men: sexual ? random.int(0, 3) : random.int(1, 6),
		minors,
		minorsPresent: minors > 0
	};
}

function expectations(random: Random, kind: LocationKind, outcome: Outcome): Expectation[] {
	if (outcome === 'trafficking_indicators_referred') {
		const others = Array.from({ length: random.int(0, 2) }, (): Expectation => (random.chance(0.5) ? 'some' : 'none'));
		return [...Array.from({ length: random.int(1, 2) }, (): Expectation => 'victim'), ...others];
	}
	if (outcome === 'could_not_inspect' || !random.chance(sexualExploitationVenues.has(kind) ? 0.22 : 0.08)) return [];
	return Array.from({ length: random.int(2, 4) }, (): Expectation => (random.chance(0.3) ? 'some' : 'none'));
}

export type FieldRecords = {
	inspections: InspectionRow[];
	persons: PersonRow[];
	referrals: ReferralRow[];
	scopes: Map<string, Scope>;
};

export function recordInspections(
	random: Random,
	template: ChecklistTemplate,
	visits: readonly Visit[],
	venues: readonly Venue[],
	today: Date,
	childSites: readonly ChildSite[] = []
): FieldRecords {
	const records: FieldRecords = { inspections: [], persons: [], referrals: [], scopes: new Map() };
	// The child-site rule as the server records it at check-in (sync/fieldRules.ts), with the deployment's radius.
	const radiusMetres = childRadiusMetres();
	const flags = new Map<string, ChildSiteFlag | null>();
	const flagOf = (venue: Venue) => {
		if (!flags.has(venue.id)) flags.set(venue.id, childSiteFlag(venue, childSites, radiusMetres));
		return flags.get(venue.id)!;
	};

	function record(visit: Visit, venue: Venue, minutesAfterStart: number, unplannedReason: string | null): Outcome {
		const outcome = random.weighted(outcomeWeights[venue.kind]);
		const startedAt = kosovoTime(visit.operation.date, visit.operation.focus.startMinutes + minutesAfterStart);
		const minutes = outcome === 'could_not_inspect' ? random.int(5, 15) : random.int(20, 70);
		const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
		const submittedAt = new Date(endedAt.getTime() + random.int(2, 30) * 60_000);
		const people = peopleAt(random, venue.kind, outcome);
		const id = random.uuid();
		const metre = 1 / 111_320;
		records.inspections.push({
			id,
			locationId: venue.id,
			assignmentId: unplannedReason ? null : visit.assignment.id,
			teamId: visit.team.id,
			templateId: template.id,
			templateVersion: template.version,
			unplannedReason,
			startedAt,
			endedAt,
			checkIn: {
				lat: venue.lat + random.gaussian(0, 8) * metre,
				lng: venue.lng + random.gaussian(0, 8) * metre,
				accuracy: random.int(4, 35),
				at: startedAt.toISOString(),
				nearChildren: flagOf(venue)
			},
			answers: venueAnswers(random, template, outcome, people),
			outcome,
			outcomeReason: outcomeReasons[outcome] ? random.pick(outcomeReasons[outcome]) : null,
			peoplePresent:
				outcome === 'could_not_inspect'
					? null
					: { women: people.women, men: people.men, minorsPresent: people.minorsPresent },
			notes: random.pick(notes[outcome]),
			status: 'submitted',
			submittedAt,
			createdBy: random.pick(visit.team.members).id,
			createdAt: submittedAt,
			updatedAt: submittedAt
		});
		records.scopes.set(id, { teamId: visit.team.id, operationId: visit.operation.id });
		for (const expectation of expectations(random, venue.kind, outcome)) {
			const screened = screenPersonAt(random, template, id, venue.kind, expectation, endedAt);
			records.persons.push(screened);
			if (screened.result === POSSIBLE_VICTIM) records.referrals.push(...referPerson(random, screened, endedAt, today));
		}
		return outcome;
	}

	for (const visit of visits) {
		const minutesAfterStart = (visit.assignment.visitOrder - 1) * 40 + random.int(0, 15);
		const outcome = record(visit, visit.assignment.venue, minutesAfterStart, null);
		visit.assignment.status = outcome === 'could_not_inspect' ? 'not_accessible' : 'done';
	}
	// Venues the team came across during an operation, inspected after its planned route.
	while (records.inspections.length < INSPECTION_COUNT && visits.length > 0) {
		const visit = random.pick(visits);
		const onRoute = new Set(visit.team.assignments.map((a) => a.venue.id));
		const nearby = venues.filter((v) => v.municipality === visit.team.municipality && !onRoute.has(v.id));
		if (nearby.length === 0) continue;
		record(
			visit,
			random.pick(nearby),
			visit.team.assignments.length * 40 + random.int(5, 30),
			random.pick(unplannedReasons)
		);
	}
	return records;
}

export async function insertFieldRecords(tx: Tx, records: FieldRecords): Promise<void> {
	const scopeOf = (inspectionId: string) => records.scopes.get(inspectionId) as Scope;
	await insertRows(tx, inspections, records.inspections);
	await insertRows(tx, screenedPersons, records.persons);
	await insertRows(tx, referrals, records.referrals);
	// Screened persons and referrals are restricted: only the team and authorised roles may pull them.
	await announce(tx, [
		...records.inspections.map((r): ChangeInput => ({
			entity: 'inspection',
			recordId: r.id,
			op: 'upsert',
			version: 1,
			...scopeOf(r.id)
		})),
		...records.persons.map((r): ChangeInput => ({
			entity: 'screenedPerson',
			recordId: r.id,
			op: 'upsert',
			version: 1,
			restricted: true,
			...scopeOf(r.inspectionId)
		})),
		...records.referrals.map((r): ChangeInput => ({
			entity: 'referral',
			recordId: r.id,
			op: 'upsert',
			version: 1,
			restricted: true,
			...scopeOf(r.inspectionId)
		}))
	]);
}
