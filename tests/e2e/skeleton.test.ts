import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import { choosePin, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

async function signIn(page: Page, username: string, password = 'kontrolla-demo'): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill(password);
	await page.getByRole('button', { name: /sign in/i }).click();
}

const expectedNavigation: Record<string, RegExp[]> = {
	admin: [/map/i, /users/i],
	planner: [/map/i, /plan/i],
	supervisor: [/map/i, /coverage/i],
	police1: [/today/i, /map/i],
	labour1: [/today/i, /map/i],
	police2: [/today/i, /map/i],
	labour2: [/today/i, /map/i]
};
const neverFor: Record<string, RegExp[]> = {
	admin: [],
	planner: [/users/i, /coverage/i],
	supervisor: [/users/i],
	police1: [/users/i, /plan/i, /coverage/i],
	labour1: [/users/i, /plan/i, /coverage/i],
	police2: [/users/i],
	labour2: [/users/i]
};

describe('signing in with the demo accounts', () => {
	for (const [username, links] of Object.entries(expectedNavigation)) {
		it(`${username} signs in and sees the navigation of their role`, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url);
			await signIn(page, username);
			const nav = page.getByRole('navigation', { name: /main/i });
			await nav.waitFor();
			for (const link of links) await expect(nav.getByRole('link', { name: link }).count()).resolves.toBe(1);
			for (const link of neverFor[username] ?? [])
				await expect(nav.getByRole('link', { name: link }).count()).resolves.toBe(0);
			await context.close();
		});
	}

	it('shows an error for a wrong password and stays on the login page', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signIn(page, 'police1', 'not-the-password');
		const alert = page.getByRole('alert');
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(/username or password is wrong/i);
		expect(new URL(page.url()).pathname).toBe('/login');
		await context.close();
	});

	it('signs in with the page script not (yet) running, without the password ever in the address', async () => {
		// As on a slow phone where the form is sent before the script has loaded.
		const context = await e2e.browser.newContext({ baseURL: e2e.server.url, javaScriptEnabled: false });
		const page = await context.newPage();
		const addresses: string[] = [];
		page.on('request', (request) => addresses.push(request.url()));
		await page.goto('/login');
		await page.getByLabel(/username/i).fill('police1');
		await page.getByLabel(/password/i).fill('not-the-password');
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForLoadState();
		expect(new URL(page.url()).pathname).toBe('/login');
		expect(await page.getByRole('alert').textContent()).toMatch(/username or password is wrong/i);
		expect(await page.getByLabel(/username/i).inputValue()).toBe('police1');
		await page.getByLabel(/password/i).fill('kontrolla-demo');
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL('**/today');
		expect(addresses.filter((url) => url.includes('kontrolla-demo') || url.includes('not-the-password'))).toEqual([]);

		// The script arrives: the session, signed in without naming the device, still sets the PIN
		// (the device is recorded when it asks for its key) and pulls the team's work.
		const scripted = await e2e.browser.newContext({
			baseURL: e2e.server.url,
			storageState: await context.storageState()
		});
		await context.close();
		const app = await scripted.newPage();
		await app.goto('/today');
		await choosePin(app);
		await waitForTodayList(app);
		await scripted.close();
	});

	it('marks the demo data with a badge', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await page.goto('/login');
		expect(await page.getByText(/demo data/i).count()).toBeGreaterThan(0);
		await context.close();
	});
});

describe('the map', () => {
	it('shows the demo venues, without any tile server', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signIn(page, 'planner');
		await page.waitForURL('**/map');
		const map = page.locator('[data-venue-count]');
		await map.waitFor();
		await page.waitForFunction(
			() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
		);
		const count = Number(await map.getAttribute('data-venue-count'));
		expect(count).toBeGreaterThan(500);
		// The embedded outline of the country stands in for the unreachable tiles.
		expect(await page.locator('.leaflet-overlay-pane path, .leaflet-overlay-pane canvas').count()).toBeGreaterThan(0);
		await context.close();
	});
});

describe('languages', () => {
	it('switches the interface to Albanian and remembers the choice', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await page.goto('/login');
		// The page's script is running (it registers the worker that then takes control).
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
		await page.getByLabel(/language/i).selectOption('sq');
		await page.waitForFunction(() => document.documentElement.lang === 'sq');
		expect(await page.getByRole('button', { name: /hyr/i }).count()).toBe(1);
		await page.reload();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('sq');
		await context.close();
	});
});

describe('the installable app', () => {
	it('serves a manifest with icons and a service worker that takes control', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await page.goto('/login');
		const manifestHref = await page.locator('link[rel=manifest]').getAttribute('href');
		const manifest = await (await page.request.get(new URL(manifestHref!, e2e.server.url).toString())).json();
		expect(manifest.name).toBe('Kontrolla');
		expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512'])
		);
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
		await context.close();
	});

	it('opens the login page from the service worker when the network is gone', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await page.goto('/login');
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
		await context.setOffline(true);
		const response = await page.reload();
		expect(response?.fromServiceWorker()).toBe(true);
		expect(await page.getByText('Kontrolla').count()).toBeGreaterThan(0);
		await context.close();
	});
});

describe('screens at phone and desktop width', () => {
	for (const [label, viewport] of [
		['360', PHONE],
		['1280', DESKTOP]
	] as const) {
		it(`login, map and admin pages render at ${label} px`, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, viewport);
			await page.goto('/login');
			await screenshot(page, `login-${label}`);
			await signIn(page, 'admin');
			await page.waitForURL('**/admin/users');
			const users = page.getByRole('list').filter({ has: page.getByText('police1', { exact: true }) });
			await users.waitFor();
			expect(await users.getByRole('listitem').count()).toBe(9);
			await screenshot(page, `admin-${label}`);
			await page.goto('/map');
			await page.waitForFunction(
				() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
			);
			await screenshot(page, `map-${label}`);
			// Nothing may overflow sideways on a phone.
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);
			await context.close();
		});
	}
});
