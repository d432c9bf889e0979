/** Which screens each role reaches from the navigation, and where it lands after sign-in. */
import type { Role } from './auth.ts';

export type NavItem = {
	path: string;
	key:
		| 'map'
		| 'today'
		| 'sync'
		| 'plan'
		| 'coverage'
		| 'admin_users'
		| 'admin_audit'
		| 'admin_persons'
		| 'admin_texts'
		| 'admin_violations'
		| 'referred';
};

const items: Record<NavItem['key'], Role[]> = {
	today: ['inspector'],
	map: ['inspector', 'planner', 'supervisor', 'admin'],
	sync: ['inspector'],
	plan: ['planner', 'supervisor', 'admin'],
	coverage: ['supervisor', 'admin'],
	admin_users: ['admin'],
	admin_audit: ['admin'],
	admin_persons: ['admin'],
	admin_texts: ['admin'],
	admin_violations: ['admin'],
	referred: ['victim_services']
};

const paths: Record<NavItem['key'], string> = {
	today: '/today',
	map: '/map',
	sync: '/sync',
	plan: '/plan',
	coverage: '/coverage',
	admin_users: '/admin/users',
	admin_audit: '/admin/audit',
	admin_persons: '/admin/persons',
	admin_texts: '/admin/texts',
	admin_violations: '/admin/violations',
	referred: '/referred'
};

export function navigationFor(role: Role): NavItem[] {
	return (Object.keys(items) as NavItem['key'][])
		.filter((key) => items[key].includes(role))
		.map((key) => ({ key, path: paths[key] }));
}

export function homePathFor(role: Role): string {
	if (role === 'victim_services') return '/referred';
	return role === 'inspector' ? '/today' : role === 'admin' ? '/admin/users' : '/map';
}

/**
 * Where to land after signing in: the page the route guard sent the user away from (`next`) when
 * it is one of this role's own screens, otherwise the role's home. Anything else (another origin,
 * a screen of a different role left in the URL on a shared device) is ignored.
 */
export function destinationAfterSignIn(role: Role, next: string | null): string {
	if (next?.startsWith('/') && !next.startsWith('//')) {
		const path = next.split(/[?#]/)[0] ?? '';
		const allowed = navigationFor(role).some((item) => path === item.path || path.startsWith(`${item.path}/`));
		if (allowed) return next;
	}
	return homePathFor(role);
}
