import { describe, expect, it } from 'vitest';
import { dataOfPage, isClientRendered, routeFor } from '../../src/lib/client/sw/routing.ts';
import { carriesPageData } from '../../src/lib/client/sw/store.ts';

const origin = 'https://kontrolla.example';
const get = (path: string, mode: RequestMode = 'cors') => ({
	method: 'GET',
	mode,
	destination: '' as RequestDestination,
	url: new URL(path, origin)
});

describe('pages rendered in the browser open offline from a cached shell', () => {
	it('knows Today, Sync and the inspection editor', () => {
		expect(['/today', '/sync', '/visit/3b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e83'].every(isClientRendered)).toBe(true);
	});

	it('does not treat server-rendered pages as such', () => {
		expect(['/map', '/inspections/x', '/visit', '/visit/x/y'].some(isClientRendered)).toBe(false);
	});

	it('caches the data of browser-rendered pages', () => {
		expect(routeFor(get('/visit/abc/__data.json?x-sveltekit-invalidated=100'), origin, new Set())).toBe('pageData');
	});

	it('leaves the data of server-rendered pages to the network', () => {
		expect(routeFor(get('/map/__data.json?x-sveltekit-invalidated=101'), origin, new Set())).toBe('network');
	});

	it('finds the page a data request belongs to', () => {
		expect(dataOfPage('/today/__data.json')).toBe('/today');
		expect(dataOfPage('/__data.json')).toBe('/');
		expect(dataOfPage('/today')).toBeNull();
	});
});

describe('only data answers are kept for offline use', () => {
	it('keeps a data answer', () => {
		expect(carriesPageData('{"type":"data","nodes":[]}')).toBe(true);
	});

	it('never keeps a redirect to the sign-in page', () => {
		expect(carriesPageData('{"type":"redirect","location":"/login"}')).toBe(false);
	});
});
