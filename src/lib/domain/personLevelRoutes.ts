/**
 * Which routes answer with person-level data (screened persons, referrals, photos): the server
 * marks those answers `Cache-Control: no-store` (hooks.server.ts) and the service worker never
 * keeps or serves a copy of them (client/sw), so they cannot be read from a device outside the
 * PIN seal. Shared by both, so the two lists cannot drift.
 *
 * Every route is listed, as in routeAccess.ts: a route missing here counts as person-level (fail
 * closed), so a new page is never kept by accident; tests/unit/personLevelRoutes.test.ts makes
 * sure the table names every route.
 */
export const carriesPersonLevelData: Record<string, boolean> = {
	'/': false,
	'/login': false,
	'/api/health': false,
	'/api/ready': false,
	// Counts by route id and code, never a record's content.
	'/metrics': false,
	'/api/auth/login': false,
	'/api/auth/logout': false,
	'/api/auth/me': false,
	'/api/auth/devices/[id]/revoke': false,
	'/api/auth/device-key': false,
	// The team's persons, referrals and photo records travel in the pull; a push answers about them.
	'/api/sync/pull': true,
	'/api/sync/push': true,
	// Photo bytes, and their upload's answer.
	'/api/attachments/[id]': true,
	'/api/attachments/[id]/file': true,
	'/api/coverage': false,
	// Streets and places of the country, the same for everyone: the device keeps areas of it.
	'/api/basemap': false,
	'/api/locations': false,
	'/api/locations/[id]': false,
	'/api/locations/[id]/status': false,
	'/api/locations/[id]/verify': false,
	'/api/locations/[id]/merge': false,
	'/api/register/import': false,
	'/api/register/export': false,
	// Venues and what links them (an owner's name, a phone): about businesses, not the people met.
	'/api/register/reopenings': false,
	'/api/coverage/venues': false,
	'/api/plans/operations/[id]/assignments': false,
	'/api/plans/assignments/[id]': false,
	'/api/plans/teams/[id]/order': false,
	'/api/admin/persons/[id]/export': true,
	'/(app)/map': false,
	// Rendered in the browser from the device's sealed database: the server's page is an empty
	// shell and its data is who is signed in. These are what the app opens offline.
	'/(app)/today': false,
	'/(app)/visit/[id]': false,
	'/(app)/sync': false,
	'/(app)/plan': false,
	'/(app)/plan/templates': false,
	'/(app)/plan/[planId]': false,
	'/(app)/plan/operations/[operationId]': false,
	'/(app)/plan/operations/[operationId]/briefing': false,
	'/(app)/register/import': false,
	'/(app)/coverage': false,
	'/(app)/coverage/map': false,
	'/(app)/coverage/report': false,
	// No names, but a case's dates, risk and identification: kept off the devices' caches.
	'/(app)/coverage/reflection': true,
	'/(app)/coverage/municipality/[id]': false,
	'/(app)/inspections/[id]': true,
	'/(app)/admin/users': false,
	'/(app)/admin/audit': false,
	'/(app)/admin/persons': true,
	'/(app)/admin/texts': false,
	'/(app)/admin/violations': false,
	// The persons referred to a victim-services organisation, and one of them with the referrals.
	'/(app)/referred': true,
	'/(app)/referred/[personId]': true
};

/** By SvelteKit route id (a page's `__data.json` has its page's id); unknown or none: person-level. */
export function isPersonLevelRoute(routeId: string | null): boolean {
	if (routeId === null) return true;
	return carriesPersonLevelData[routeId] ?? true;
}

/** A route id as a pattern over URL paths: groups `(app)` vanish, `[param]` is one segment. */
function pathPattern(routeId: string): RegExp {
	const segments = routeId
		.split('/')
		.filter((segment) => segment !== '' && !/^\(.+\)$/.test(segment))
		.map((segment) => (/^\[[^\]]+\]$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
	// The page itself, its data answer and a trailing slash.
	return new RegExp(`^/${segments.join('/')}(?:/__data\\.json)?/?$`);
}

const personLevelPatterns = Object.entries(carriesPersonLevelData)
	.filter(([, personLevel]) => personLevel)
	.map(([routeId]) => pathPattern(routeId));

/**
 * By URL path, for the service worker, which sees addresses, not route ids: the routes above that
 * carry person-level data, their `__data.json` included. Matched as written and decoded, either
 * way in lower case: over-matching only costs an offline copy.
 */
export function isPersonLevelPath(pathname: string): boolean {
	const spellings = [pathname];
	try {
		spellings.push(decodeURIComponent(pathname));
	} catch {
		// A malformed escape is matched as written.
	}
	return spellings.some((path) => personLevelPatterns.some((pattern) => pattern.test(path.toLowerCase())));
}
