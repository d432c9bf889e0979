/**
 * This week's operational plan: what the demo accounts see when they sign in. Ekipi A (police1 with
 * labour1) and Ekipi B (police2 with labour2) are out tonight and on several evenings after.
 */
import type { Random } from './random.ts';
import { addDays, mondayOf } from './calendar.ts';
import { person, type DemoPeople } from './accounts.ts';
import { buildTeam, type Operation, type Plan } from './planning.ts';
import { operationFoci, planRoute, type OperationFocus } from './route.ts';
import type { SeedMunicipality, Venue } from './places.ts';
import { operationTitle, teamName, weeklyPlanTitle } from './wording.ts';

export type World = {
	today: string;
	venues: readonly Venue[];
	municipalities: readonly SeedMunicipality[];
	people: DemoPeople;
};

/** Days from today, with where each team works; today's pair is the demo's main story. */
const schedule: readonly { inDays: number; teamA: string; teamB: string; embargoed?: boolean }[] = [
	{ inDays: 0, teamA: 'prishtine', teamB: 'ferizaj' },
	{ inDays: 1, teamA: 'prizren', teamB: 'gjilan' },
	{ inDays: 2, teamA: 'peje', teamB: 'fushe-kosove' },
	{ inDays: 4, teamA: 'prishtine', teamB: 'gjakove' },
	// Planned in secret: on no phone until the planner releases it (docs/DOMAIN.md, "Planning in secret").
	{ inDays: 6, teamA: 'prizren', teamB: 'ferizaj', embargoed: true }
];

export function planThisWeek(random: Random, world: World): Plan {
	const byCode = (code: string) => world.municipalities.find((m) => m.code === code) as SeedMunicipality;
	const teamA = [person(world.people, 'police1'), person(world.people, 'labour1')];
	const teamB = [person(world.people, 'police2'), person(world.people, 'labour2')];
	const taken = new Set<string>();
	const usable = (venue: Venue) => venue.status === 'active' && !taken.has(venue.id);
	const nightBars = operationFoci[0]?.[0] as OperationFocus;

	const operations = schedule.map(({ inDays, teamA: codeA, teamB: codeB, embargoed }): Operation => {
		const date = addDays(world.today, inDays);
		const focus = inDays === 0 ? nightBars : random.weighted(operationFoci);
		const teams = [
			{ name: teamName(0), members: teamA, municipality: byCode(codeA) },
			{ name: teamName(1), members: teamB, municipality: byCode(codeB) }
		].map(({ name, members, municipality }) => {
			const route = planRoute(random, world.venues, municipality, focus.kinds, random.int(6, 10), usable);
			for (const venue of route) taken.add(venue.id);
			return buildTeam(random, name, members, municipality, route, 'pending');
		});
		const daytime = focus.startMinutes < 12 * 60;
		return {
			id: random.uuid(),
			title: operationTitle(
				focus.name,
				teams.map((t) => t.municipality.nameSq)
			),
			date,
			focus,
			leadAgencyId: world.people.agencyIds[daytime ? 'labour' : 'police'],
			status: inDays === 0 ? 'active' : 'planned',
			teams,
			embargoed
		};
	});

	const monday = mondayOf(world.today);
	const lastDay = operations
		.map((o) => o.date)
		.sort()
		.at(-1) as string;
	const sunday = addDays(monday, 6);
	return {
		id: random.uuid(),
		title: weeklyPlanTitle(monday),
		objective:
			'Identifikimi i viktimave të mundshme të trafikimit dhe të shfrytëzimit në punë në bare, klube, sallone ' +
			'masazhi dhe banesa private të sinjalizuara në linjën telefonike; përparësi lokaleve brenda 350 m nga shkollat.',
		periodStart: monday,
		periodEnd: lastDay > sunday ? lastDay : sunday,
		createdBy: person(world.people, 'planner').id,
		operations
	};
}
