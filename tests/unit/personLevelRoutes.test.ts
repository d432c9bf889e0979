import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import {
	carriesPersonLevelData,
	isPersonLevelPath,
	isPersonLevelRoute
} from '../../src/lib/domain/personLevelRoutes.ts';
import { routeFor } from '../../src/lib/client/sw/routing.ts';
import { saysNoStore } from '../../src/lib/client/sw/store.ts';

const ROUTES = path.resolve('src/routes');

/** Route ids as SvelteKit names them (as in routeAccess.test.ts). */
function routeIds(dir = ROUTES): string[] {
	const ids = new Set<string>();
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) routeIds(full).forEach((id) => ids.add(id));
		else if (/^\+(page|server)(\.server)?\.(ts|svelte)$/.test(entry.name)) {
			const relative = path.relative(ROUTES, dir).split(path.sep).join('/');
			ids.add(relative === '' ? '/' : `/${relative}`);
		}
	}
	return [...ids];
}

const origin = 'https://kontrolla.example';
const navigate = (pathname: string) => ({
	method: 'GET',
	mode: 'navigate' as RequestMode,
	destination: 'document' as RequestDestination,
	url: new URL(pathname, origin)
});

describe('which routes carry person-level data', () => {
	it('classifies every page and endpoint, and names none that does not exist', () => {
		const existing = routeIds();
		expect(existing.filter((id) => !(id in carriesPersonLevelData))).toEqual([]);
		expect(Object.keys(carriesPersonLevelData).filter((id) => !existing.includes(id))).toEqual([]);
	});

	it('counts a route it does not know as person-level (fail closed)', () => {
		expect(isPersonLevelRoute('/(app)/somewhere-new')).toBe(true);
		expect(isPersonLevelRoute(null)).toBe(true);
		expect(isPersonLevelRoute('/(app)/today')).toBe(false);
	});

	it('recognises the person-level pages and their data by address', () => {
		for (const pathname of [
			'/inspections/3b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e83',
			'/inspections/3b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e83/__data.json',
			'/inspections/x/',
			'/INSPECTIONS/x',
			'/admin/persons',
			'/admin/persons/__data.json',
			'/api/attachments/abc/file',
			'/api/admin/persons/abc/export'
		]) {
			expect(isPersonLevelPath(pathname), pathname).toBe(true);
		}
		for (const pathname of [
			'/today',
			'/visit/abc',
			'/sync/__data.json',
			'/map',
			'/admin/users',
			'/inspections',
			'/coverage/map'
		]) {
			expect(isPersonLevelPath(pathname), pathname).toBe(false);
		}
	});

	it('has the service worker load person-level pages from the network only', () => {
		expect(routeFor(navigate('/inspections/3b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e83'), origin, new Set())).toBe('personal');
		expect(routeFor(navigate('/admin/persons?q=x'), origin, new Set())).toBe('personal');
		expect(routeFor(navigate('/map'), origin, new Set())).toBe('page');
	});
});

describe('the service worker reads Cache-Control', () => {
	const answer = (value: string) => new Response('', { headers: { 'cache-control': value } });

	it('sees no-store wherever it stands', () => {
		expect(saysNoStore(answer('no-store'))).toBe(true);
		expect(saysNoStore(answer('private, no-store'))).toBe(true);
		expect(saysNoStore(answer('No-Store, max-age=0'))).toBe(true);
	});

	it('does not mistake other directives for it', () => {
		expect(saysNoStore(answer('private, no-cache'))).toBe(false);
		expect(saysNoStore(new Response(''))).toBe(false);
	});
});
