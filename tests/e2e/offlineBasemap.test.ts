/**
 * The self-hosted basemap on a phone, the way the field uses it: the team's area is saved on the
 * device after sign-in (with a progress bar while it downloads), then the network is cut and the
 * app reloaded, and the map still draws the area — from the device, not the server — while no
 * request of the whole session went to any host but ours.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { clickSignOut, DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import { signInOnline, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

/** The areas' index in the device's Cache Storage (client/map/basemap/store.ts). */
async function storedAreas(page: Page) {
	return page.evaluate(async () => {
		const cache = await caches.open('kontrolla-basemap-v1');
		const index = await cache.match('/__basemap/index.json');
		return index
			? ((await index.json()) as { id: string; kind: string; stored: number; spans: unknown[]; bytes: number }[])
			: [];
	});
}

/** Whether a drawn tile of the vector basemap shows land in the style's earth colour (#f6f4ee). */
async function drawsLand(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const tiles = [...document.querySelectorAll<HTMLCanvasElement>('.leaflet-vector-basemap-pane canvas.leaflet-tile')];
		return tiles.some((tile) => {
			const context = tile.getContext('2d');
			if (!context || tile.width === 0) return false;
			const { data } = context.getImageData(0, 0, tile.width, tile.height);
			for (let i = 0; i < data.length; i += 4 * 97)
				if (data[i] === 246 && data[i + 1] === 244 && data[i + 2] === 238) return true;
			return false;
		});
	});
}

describe('the offline basemap', () => {
	it("saves the team's area after sign-in and draws it from the device with the network cut", async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		const origin = new URL(e2e.server.url).origin;
		const requested: string[] = [];
		context.on('request', (request) => requested.push(request.url()));
		// A slow link, so the progress of a small demo area can be seen at all.
		await context.route('**/api/basemap', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 400));
			await route.continue();
		});

		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await page.getByRole('progressbar', { name: /offline map download/i }).waitFor({ timeout: 30_000 });
		await screenshot(page, 'offline-map-progress-360');
		await page.locator('[data-offline-map-ready]').waitFor({ timeout: 60_000 });
		await screenshot(page, 'offline-map-ready-360');

		const areas = await storedAreas(page);
		const team = areas.filter((area) => area.kind === 'team');
		expect(team.length).toBeGreaterThan(0);
		for (const area of team) expect(area.stored).toBe(area.spans.length);

		await context.unroute('**/api/basemap');
		await context.setOffline(true);
		await page.reload();
		await waitForTodayList(page, 20_000);
		const basemapRequestsBefore = requested.filter((url) => url.includes('/api/basemap')).length;
		await page.getByRole('button', { name: /show map/i }).click();
		const map = page.locator('.leaflet-container');
		await map.waitFor();
		await expect
			.poll(async () => Number(await map.getAttribute('data-basemap-tiles')), { timeout: 20_000 })
			.toBeGreaterThan(0);
		const reads = (await map.getAttribute('data-basemap-reads')) ?? '';
		expect(reads).toMatch(/^device:[1-9]\d* network:0$/);
		await expect.poll(() => drawsLand(page), { timeout: 15_000 }).toBe(true);
		await screenshot(page, 'offline-map-airplane-360');
		// Offline, the page did not even try the server for the basemap.
		expect(requested.filter((url) => url.includes('/api/basemap')).length).toBe(basemapRequestsBefore);

		const foreign = requested.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
		expect(foreign).toEqual([]);

		// The area shows where the team's targets are: it leaves the phone with the session.
		await context.setOffline(false);
		await clickSignOut(page);
		await page.waitForURL('**/login');
		expect(await storedAreas(page)).toEqual([]);
		await context.close();
	});

	it('lets a planner save the whole country after seeing its size, with no foreign request', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		const origin = new URL(e2e.server.url).origin;
		const requested: string[] = [];
		context.on('request', (request) => requested.push(request.url()));
		await page.goto('/login');
		await page.getByLabel(/username/i).fill('planner');
		await page.getByLabel(/password/i).fill('kontrolla-demo');
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL(/\/(map|plan)/);
		await page.goto('/map');
		const map = page.locator('.leaflet-container');
		await expect
			.poll(async () => Number(await map.getAttribute('data-basemap-tiles')), { timeout: 20_000 })
			.toBeGreaterThan(0);
		await expect.poll(() => drawsLand(page), { timeout: 15_000 }).toBe(true);
		await screenshot(page, 'offline-map-planner-1280');

		await page.getByText('Offline map', { exact: true }).click();
		await page.getByRole('button', { name: /save the whole country/i }).click();
		await page.getByText(/will be downloaded and kept on this device/).waitFor();
		await screenshot(page, 'offline-map-country-size-1280');
		await page.getByRole('button', { name: /^download$/i }).click();
		await page
			.locator('.offline-map li')
			.filter({ hasText: /whole country[\s\S]*saved/i })
			.waitFor({ timeout: 60_000 });
		await screenshot(page, 'offline-map-country-saved-1280');
		const areas = await storedAreas(page);
		expect(areas).toContainEqual(expect.objectContaining({ id: 'country', kind: 'country' }));

		expect(requested.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url))).toEqual([]);
		await context.close();
	});
});
