/**
 * Who may reach each route, checked in hooks.server.ts before any load, action or endpoint runs.
 * A route missing from this table is refused (fail closed), so a new route cannot ship unguarded.
 */
import type { Role } from '../../domain/auth.ts';
import { staffRoles } from '../../domain/auth.ts';

export type Access = 'anonymous' | 'signedIn' | readonly Role[];

/**
 * Every role of the agencies' staff. Victim services are not in it: they reach their own pages
 * (/referred) and the sign-in routes, nothing else (tests/unit/routeAccess.test.ts).
 */
const everyone = staffRoles;

export const routeAccess: Record<string, Access> = {
	'/': 'anonymous',
	'/login': 'anonymous',
	// Probes and the scraper carry no session: /metrics asks for its own bearer token (METRICS_TOKEN).
	'/api/health': 'anonymous',
	'/api/ready': 'anonymous',
	'/metrics': 'anonymous',
	'/api/auth/login': 'anonymous',
	'/api/auth/logout': 'anonymous',
	'/api/auth/me': 'signedIn',
	'/api/auth/devices/[id]/revoke': 'signedIn',
	// Only inspectors keep person-level records on a device, behind the PIN lock.
	'/api/auth/device-key': ['inspector'],
	// Only inspectors sync a device (client/sync/service.svelte.ts); everyone else reads on server
	// pages, where every read of person-level data is checked and audited one by one.
	'/api/sync/pull': ['inspector'],
	'/api/sync/push': ['inspector'],
	'/api/attachments/[id]': ['inspector'],
	// Who may see which photo is decided per photo, by the person-level rule of its inspection.
	'/api/attachments/[id]/file': ['inspector', 'supervisor', 'admin'],
	'/api/coverage': ['supervisor', 'admin'],
	// The map's own basemap, for every reader of a map; victim services have none.
	'/api/basemap': everyone,
	'/api/locations': ['planner', 'admin'],
	// Every reader may open a venue's card; who may change which venue is decided per venue.
	'/api/locations/[id]': everyone,
	'/api/locations/[id]/status': ['planner', 'admin'],
	'/api/locations/[id]/verify': ['planner', 'admin'],
	'/api/locations/[id]/merge': ['planner', 'admin'],
	'/api/register/import': ['planner', 'admin'],
	'/api/register/export': ['planner', 'supervisor', 'admin'],
	// Which open venues may be closed ones reopened, linked by owner, phone or number: register keepers.
	'/api/register/reopenings': ['planner', 'admin'],
	'/api/coverage/venues': ['supervisor', 'admin'],
	'/api/plans/operations/[id]/assignments': ['planner', 'admin'],
	'/api/plans/assignments/[id]': ['planner', 'admin'],
	'/api/plans/teams/[id]/order': ['planner', 'admin'],
	'/api/admin/persons/[id]/export': ['admin'],
	'/(app)/map': everyone,
	'/(app)/today': ['inspector'],
	'/(app)/visit/[id]': ['inspector'],
	'/(app)/sync': ['inspector'],
	'/(app)/plan': ['planner', 'supervisor', 'admin'],
	'/(app)/plan/templates': ['planner', 'admin'],
	'/(app)/plan/[planId]': ['planner', 'supervisor', 'admin'],
	'/(app)/plan/operations/[operationId]': ['planner', 'supervisor', 'admin'],
	'/(app)/plan/operations/[operationId]/briefing': ['planner', 'supervisor', 'admin'],
	'/(app)/register/import': ['planner', 'admin'],
	'/(app)/coverage': ['supervisor', 'admin'],
	'/(app)/coverage/map': ['supervisor', 'admin'],
	'/(app)/coverage/report': ['supervisor', 'admin'],
	'/(app)/coverage/reflection': ['supervisor', 'admin'],
	'/(app)/coverage/municipality/[id]': ['supervisor', 'admin'],
	'/(app)/inspections/[id]': everyone,
	'/(app)/admin/users': ['admin'],
	'/(app)/admin/audit': ['admin'],
	'/(app)/admin/persons': ['admin'],
	'/(app)/admin/texts': ['admin'],
	'/(app)/admin/violations': ['admin'],
	// Persons referred to the victim-services user's organisation, decided per person
	// (server/victimServices/access.ts): another person answers 404.
	'/(app)/referred': ['victim_services'],
	'/(app)/referred/[personId]': ['victim_services']
};

export type Decision = 'allow' | 'signIn' | 'forbidden' | 'notFound';

export function decideAccess(routeId: string | null, role: Role | null): Decision {
	if (routeId === null) return 'notFound';
	const access = routeAccess[routeId];
	if (access === undefined) return 'notFound';
	if (access === 'anonymous') return 'allow';
	if (role === null) return 'signIn';
	if (access === 'signedIn') return 'allow';
	return access.includes(role) ? 'allow' : 'forbidden';
}
