/**
 * What the field app's fixed and sticky bars may cover on a 360 × 740 phone: Today's map keeps its
 * basemap's attribution visible and never above the tab bar (a tap on "Map" or "Sync" opened
 * the outside site), and on a visit the "required questions" bar sticks only over the checklist,
 * not over the people and photos below it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { signInOnline, startFirstAssignment, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

/** What a tap anywhere on the tabs and at the attribution's centre lands on, and their places. */
function mapAndTabs(page: Page) {
	return page.evaluate(() => {
		const landsIn = (x: number, y: number, selector: string) =>
			document.elementFromPoint(x, y)?.closest(selector) != null;
		// Every 4 px across the tab bar: the attribution covered only a strip of the tabs.
		const tabBar = document.querySelector('nav')!.getBoundingClientRect();
		const points: [number, number][] = [];
		for (let x = tabBar.left + 2; x < tabBar.right; x += 4)
			for (let y = tabBar.top + 2; y < tabBar.bottom; y += 4) points.push([x, y]);
		const attribution = document.querySelector('.leaflet-control-attribution')!.getBoundingClientRect();
		const tabBarTop = tabBar.top;
		return {
			tabsTakeTheTap: points.every(([x, y]) => landsIn(x, y, 'nav')),
			attributionTakesTheTap: landsIn(
				attribution.left + attribution.width / 2,
				attribution.top + attribution.height / 2,
				'.leaflet-control-attribution'
			),
			attributionAboveTabBar: attribution.bottom <= tabBarTop,
			attributionOnScreen: attribution.top >= 0 && attribution.bottom <= window.innerHeight
		};
	});
}

/** Scrolls so that the element's top is `offset` px below the screen's top. */
async function scrollTo(page: Page, selector: string, offset: number): Promise<void> {
	await page.evaluate(
		([target, by]) =>
			window.scrollTo(
				0,
				document.querySelector(target as string)!.getBoundingClientRect().top + window.scrollY - (by as number)
			),
		[selector, offset] as const
	);
}

/** Whether the progress bar is drawn over the element's top part (what the reader looks at there). */
function barCovers(page: Page, selector: string): Promise<boolean> {
	return page.evaluate((target) => {
		const bar = document.querySelector('.progress-bar')?.getBoundingClientRect();
		const element = document.querySelector(target)!.getBoundingClientRect();
		return bar !== undefined && bar.bottom > 0 && bar.bottom > element.top && bar.top < element.bottom;
	}, selector);
}

describe('bars over the field app at 360 × 740', () => {
	it("shows Today's map attribution above the tab bar, never over it", async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);

		await page.getByRole('button', { name: /show map/i }).click();
		await page.locator('.leaflet-control-attribution').waitFor();
		// The basemap's credit has arrived (the demo archive's; a country archive's names OpenStreetMap).
		await expect
			.poll(() => page.locator('.leaflet-control-attribution').textContent(), { timeout: 20_000 })
			.toMatch(/OpenStreetMap|basemap/);
		expect(await mapAndTabs(page)).toEqual({
			tabsTakeTheTap: true,
			attributionTakesTheTap: true,
			attributionAboveTabBar: true,
			attributionOnScreen: true
		});
		await screenshot(page, 'today-map-360');
		// Scrolled so that the map's lower part passes under the tab bar: the tabs still take the tap.
		await scrollTo(page, '.leaflet-container', 120);
		expect((await mapAndTabs(page)).tabsTakeTheTap).toBe(true);
		await context.close();
	});

	it("keeps the checklist's progress bar to the checklist", async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await startFirstAssignment(page);
		// In the checklist the bar stays at the top of the screen...
		await scrollTo(page, 'fieldset.item:nth-of-type(3)', 300);
		const bar = await page.locator('.progress-bar').boundingBox();
		expect(bar?.y).toBe(0);
		// ...and below it the people and photos are not under it.
		for (const heading of ['#persons-heading', '#photos-heading']) {
			await scrollTo(page, heading, 20);
			expect(await barCovers(page, heading)).toBe(false);
		}
		await screenshot(page, 'visit-photos-360');
		await context.close();
	});
});
