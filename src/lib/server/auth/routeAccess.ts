/**
 * Who may reach each route, checked in hooks.server.ts before any load, action or endpoint runs.
 * A route missing from this table is refused (fail closed), so a new route cannot ship unguarded.
 */
import type { Role } from '../../domain/auth.ts';
import { roles } from '../../domain/auth.ts';

export type Access = 'anonymous' | 'signedIn' | readonly Role[];

const everyone = roles;

export const routeAccess: Record<string, Access> = {
	'/': 'anonymous',
	'/login': 'anonymous',
	'/api/health': 'anonymous',
	'/api/auth/login': 'anonymous',
	'/api/auth/logout': 'anonymous',
	'/api/auth/me': 'signedIn',
	'/api/sync/pull': 'signedIn',
	'/api/sync/push': 'signedIn',
	'/api/attachments/[id]': ['inspector'],
	'/api/coverage': ['supervisor', 'admin'],
	'/(app)/map': everyone,
	'/(app)/today': ['inspector'],
	'/(app)/plan': ['planner', 'supervisor', 'admin'],
	'/(app)/coverage': ['supervisor', 'admin'],
	'/(app)/admin/users': ['admin']
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
