import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { decideAccess, routeAccess } from '../../src/lib/server/auth/routeAccess.ts';

const ROUTES = path.resolve('src/routes');
const routeFile =
	/^\+(page|page\.server|page\.ts|server|layout\.server)\.(ts|svelte)$|^\+page\.(svelte|ts)$|^\+server\.ts$/;

/** Route ids as SvelteKit names them: the folder under src/routes, with groups kept. */
function routeIds(dir = ROUTES): string[] {
	const ids = new Set<string>();
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) routeIds(full).forEach((id) => ids.add(id));
		else if (/^\+(page|server)/.test(entry.name) && routeFile.test(entry.name)) {
			const relative = path.relative(ROUTES, dir).split(path.sep).join('/');
			ids.add(relative === '' ? '/' : `/${relative}`);
		}
	}
	return [...ids];
}

describe('the route access table', () => {
	it('has an entry for every page and endpoint, so no route ships unguarded', () => {
		const missing = routeIds().filter((id) => !(id in routeAccess));
		expect(missing).toEqual([]);
	});

	it('names no route that does not exist', () => {
		const existing = new Set(routeIds());
		expect(Object.keys(routeAccess).filter((id) => !existing.has(id))).toEqual([]);
	});

	it('refuses a route missing from the table', () => {
		expect(decideAccess('/(app)/somewhere-new', 'admin')).toBe('notFound');
	});

	it('sends anonymous users to sign in and refuses the wrong role', () => {
		expect(decideAccess('/(app)/admin/users', null)).toBe('signIn');
		expect(decideAccess('/(app)/admin/users', 'inspector')).toBe('forbidden');
		expect(decideAccess('/(app)/admin/users', 'admin')).toBe('allow');
	});

	it('lets victim services reach their own pages and the sign-in routes, and refuses every other route', () => {
		const own = ['/(app)/referred', '/(app)/referred/[personId]'];
		// Signing in and out, who am I, and ending a session on one's own device: every account has these.
		const account = ['/api/auth/me', '/api/auth/devices/[id]/revoke'];
		for (const routeId of Object.keys(routeAccess)) {
			const decision = decideAccess(routeId, 'victim_services');
			if (routeAccess[routeId] === 'anonymous') continue;
			if (own.includes(routeId) || account.includes(routeId)) expect(decision, routeId).toBe('allow');
			else expect(decision, routeId).toBe('forbidden');
		}
		for (const routeId of own) {
			for (const role of ['inspector', 'planner', 'supervisor', 'admin'] as const)
				expect(decideAccess(routeId, role), `${role} ${routeId}`).toBe('forbidden');
		}
	});
});
