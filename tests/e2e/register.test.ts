/**
 * The planner's register, in Chromium against the built app with the demo data: a venue created
 * 200 m from a demo school carries the near-children flag with the school's name, and the filter
 * names the deployment's radius (500 m here, not the default 350 m); an import with one bad coordinate names that row and field and writes nothing;
 * the exported GeoJSON parses.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import { distanceMetres, metresPerDegree } from '../../src/lib/domain/geo/distance.ts';

// A deployment whose child-site radius is not the default: every label must say the one it uses.
const e2e = serverAndBrowser({ CHILD_SITE_RADIUS_METRES: '500' });

async function signIn(page: Page, username: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill('kontrolla-demo');
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL('**/map');
	await page.waitForFunction(
		() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
	);
}

type Feature = { geometry: { coordinates: [number, number] }; properties: Record<string, string | number | null> };

async function exported(page: Page, query: string): Promise<Feature[]> {
	const response = await page.request.get(`/api/register/export?${query}&purpose=statistics`);
	expect(response.status()).toBe(200);
	return JSON.parse(await response.text()).features;
}

describe('the planner keeps the venue register', () => {
	it('creates a venue 200 m from a demo school and sees it flagged near children, with the school', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signIn(page, 'planner');
		// A school with no other place used by children within 700 m, so it is the nearest one.
		const sites = await exported(page, 'format=geojson&layer=childSites');
		const point = (f: Feature) => ({ lat: f.geometry.coordinates[1], lng: f.geometry.coordinates[0] });
		const school = sites.find(
			(site) =>
				site.properties.kind === 'school' &&
				sites.every((other) => other === site || distanceMetres(point(site), point(other)) > 700)
		)!;
		expect(school).toBeDefined();
		const at = point(school);
		const lat = at.lat + 200 / metresPerDegree(at.lat).lat;

		await page.getByRole('button', { name: /add venue/i }).click();
		const form = page.getByRole('region', { name: /new venue/i });
		await form.getByLabel(/^name/i).fill('Night bar Pranvera (e2e)');
		await form.getByLabel(/^kind/i).selectOption('night_club');
		await form.getByLabel(/latitude/i).fill(lat.toFixed(6));
		await form.getByLabel(/longitude/i).fill(at.lng.toFixed(6));
		await expect.poll(() => form.getByLabel(/municipality/i).inputValue()).not.toBe('');
		await screenshot(page, 'register-new-venue-1280');
		await form.getByRole('button', { name: /^save$/i }).click();

		const flag = page.getByTestId('near-children-flag');
		await flag.waitFor();
		const text = (await flag.textContent()) ?? '';
		expect(text).toContain(String(school.properties.name));
		expect(text).toMatch(/\b(199|200|201) m away/);
		expect(text).toContain('within 500 m');
		expect(await page.getByRole('heading', { name: 'Night bar Pranvera (e2e)' }).count()).toBe(1);
		await screenshot(page, 'register-near-children-1280');

		// The filter "near children" keeps it, and the URL carries the filter for sharing.
		await page.getByLabel(/search by name/i).fill('Pranvera');
		await page.getByLabel('Near children (500 m)').check();
		await expect.poll(() => new URL(page.url()).search).toContain('near=1');
		expect(new URL(page.url()).searchParams.get('q')).toBe('Pranvera');
		await expect.poll(() => page.locator('[data-venue-count]').getAttribute('data-venue-count')).toBe('1');
		await context.close();
	});

	it('imports a CSV with one bad coordinate: the error names the row and field, and nothing is written', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signIn(page, 'planner');
		await page.goto('/register/import');
		const csv = [
			'name,kind,municipality,address,lat,lng',
			'Import bar one,bar,Prishtinë,Rr. A,42.6601,21.1601',
			'Import bar two,night_club,Prizren,Rr. B,42.2101,20.7401',
			'Import bar three,massage_parlour,Pejë,Rr. C,42.6601,20.2901',
			'Import bar four,bar,Gjilan,Rr. D,4246.4,21.469'
		].join('\r\n');
		await page
			.getByLabel(/file/i)
			.setInputFiles({ name: 'venues.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
		const errors = page.getByRole('table', { name: /problems/i });
		await errors.waitFor();
		const cells = await errors.locator('tbody tr').first().locator('td').allTextContents();
		expect(cells[0]).toBe('5');
		expect(cells[1]).toBe('Latitude');
		expect(await page.getByText(/nothing was written/i).count()).toBe(1);
		expect(await page.getByRole('button', { name: /import 3 rows/i }).isDisabled()).toBe(true);
		await screenshot(page, 'register-import-errors-1280');

		const written = await exported(page, 'format=geojson&q=Import bar');
		expect(written).toEqual([]);
		await context.close();
	});

	it('exports the register as GeoJSON that parses', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signIn(page, 'planner');
		await page.getByText('Register', { exact: true }).click();
		// The download link waits for the export's purpose (domain/privacy/purposes.ts).
		expect(await page.getByRole('link', { name: /geojson/i }).count()).toBe(0);
		await page.getByLabel('Purpose of the export').selectOption('statistics');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: /geojson/i }).click()
		]);
		const document = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
		expect(document.type).toBe('FeatureCollection');
		expect(document.features.length).toBeGreaterThan(500);
		expect(document.features[0].geometry.type).toBe('Point');
		await context.close();
	});
});

describe('the map at phone and desktop width', () => {
	for (const [label, viewport] of [
		['360', PHONE],
		['1280', DESKTOP]
	] as const) {
		it(`shows filters, legend and a venue card at ${label} px`, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, viewport);
			await signIn(page, 'planner');
			await page.goto('/map?colour=inspection&near=1');
			await page.waitForFunction(
				() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
			);
			await page.getByRole('button', { name: /show as list/i }).click();
			await page
				.getByRole('button', { name: /show on map/i })
				.first()
				.click();
			await page.getByTestId('near-children-flag').waitFor();
			await page.getByRole('heading', { name: /inspections/i }).waitFor();
			await screenshot(page, `register-map-card-${label}`);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await context.close();
		});
	}
});
