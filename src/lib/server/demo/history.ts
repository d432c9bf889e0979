/**
 * A year of past planning: one plan a month, about eight joint operations in each, every team
 * working a route of nearby venues. The inspections module turns each assignment into a visit.
 */
import type { Random } from './random.ts';
import { addDays, daysBetween, kosovoTime } from './calendar.ts';
import { person } from './accounts.ts';
import { buildTeam, type Assignment, type Operation, type Plan, type Team } from './planning.ts';
import { operationFoci, planRoute } from './route.ts';
import type { World } from './operations.ts';
import type { Venue } from './places.ts';
import { monthlyPlanTitle, operationTitle, teamName } from './wording.ts';

/** Planned visits over the year; unplanned ones found on the way are added by the inspections. */
export const PLANNED_VISITS = 1420;
const HISTORY_DAYS = 365;

export type Visit = { plan: Plan; operation: Operation; team: Team; assignment: Assignment };
export type History = { plans: Plan[]; visits: Visit[] };

const objectives = [
	'Bare dhe klube nate përgjatë rrugëve kryesore, sipas informatave të policisë për prostitucion të detyruar.',
	'Sallone masazhi dhe banesa të reklamuara në internet, sipas sinjalizimeve në linjën telefonike të OJQ-ve.',
	'Punë sezonale dhe joformale në kafene, restorante, autolarje dhe ferma.',
	'Hotele dhe motele për qëndrime të shkurtra, me vëmendje te të miturit e pranishëm natën.',
	'Ndjekje e lokaleve ku më parë janë gjetur shkelje të ligjit të punës ose tregues të trafikimit.'
];

/** Calendar months overlapping the year before today, each with the days of it inside that year. */
function months(today: string): { first: string; last: string; from: string; to: string }[] {
	const windowStart = addDays(today, -HISTORY_DAYS);
	const yesterday = addDays(today, -1);
	const result = [];
	let first = `${windowStart.slice(0, 7)}-01`;
	while (first <= yesterday) {
		const next = new Date(`${first}T00:00:00Z`);
		next.setUTCMonth(next.getUTCMonth() + 1);
		const last = addDays(next.toISOString().slice(0, 10), -1);
		result.push({
			first,
			last,
			from: first < windowStart ? windowStart : first,
			to: last > yesterday ? yesterday : last
		});
		first = next.toISOString().slice(0, 10);
	}
	return result;
}

export function planHistory(random: Random, world: World): History {
	const pairs = [
		[person(world.people, 'police1'), person(world.people, 'labour1')],
		[person(world.people, 'police2'), person(world.people, 'labour2')]
	];
	const planner = person(world.people, 'planner');
	// Bigger towns have more venues, so they are chosen for more operations.
	const municipalityWeights = world.municipalities.map(
		(m) => [m, world.venues.filter((v) => v.municipality === m).length] as const
	);
	const usableThen = (venue: Venue) => venue.status !== 'unverified';

	const plans: Plan[] = [];
	const visits: Visit[] = [];
	for (const [index, month] of months(world.today).entries()) {
		const days = daysBetween(month.from, month.to) + 1;
		const target = Math.round((PLANNED_VISITS * days) / HISTORY_DAYS);
		const plan: Plan = {
			id: random.uuid(),
			title: monthlyPlanTitle(month.first),
			objective: objectives[index % objectives.length] as string,
			periodStart: month.first,
			periodEnd: month.last,
			createdBy: planner.id,
			operations: [],
			recordedAt: kosovoTime(addDays(month.first, -5), 10 * 60)
		};
		let planned = 0;
		while (planned < target) {
			const date = addDays(month.from, random.int(0, days - 1));
			const focus = random.weighted(operationFoci);
			const taken = new Set<string>();
			const teamCount = random.chance(0.8) ? 2 : 1;
			const teams: Team[] = [];
			for (const [i, members] of pairs.slice(0, teamCount).entries()) {
				const municipality = random.weighted(municipalityWeights);
				const size = Math.min(random.int(6, 10), target - planned);
				const route = planRoute(
					random,
					world.venues,
					municipality,
					focus.kinds,
					size,
					(v) => usableThen(v) && !taken.has(v.id)
				);
				if (route.length === 0) continue;
				for (const venue of route) taken.add(venue.id);
				planned += route.length;
				teams.push(buildTeam(random, teamName(i), members, municipality, route, 'done'));
			}
			if (teams.length === 0) continue;
			plan.operations.push({
				id: random.uuid(),
				title: operationTitle(
					focus.name,
					teams.map((t) => t.municipality.nameSq),
					date
				),
				date,
				focus,
				leadAgencyId: world.people.agencyIds[focus.startMinutes < 12 * 60 ? 'labour' : 'police'],
				status: 'done',
				teams,
				recordedAt: kosovoTime(date, focus.endMinutes + 30)
			});
		}
		if (plan.operations.length === 0) continue;
		plan.operations.sort((a, b) => a.date.localeCompare(b.date));
		plans.push(plan);
		for (const operation of plan.operations)
			for (const team of operation.teams)
				for (const assignment of team.assignments) visits.push({ plan, operation, team, assignment });
	}
	return { plans, visits };
}
