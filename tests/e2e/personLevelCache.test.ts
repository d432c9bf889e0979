/**
 * In Chromium: a page with person-level data (an inspection with its screened
 * persons) is never kept by the service worker, outside the PIN seal. An inspector opens one online;
 * afterwards no cache holds it, the worker refuses to keep it when asked, and offline the page is
 * not shown from a cache. A copy an older version of the worker kept is deleted when this version
 * takes over.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { passLock, pullAll, signInOnline, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

/** Every address held in the origin's Cache Storage, whichever cache holds it. */
function cachedAddresses(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
}

const personLevel = (pathname: string) =>
	pathname.startsWith('/inspections/') || pathname.startsWith('/admin/persons') || pathname.startsWith('/api/');

describe('the service worker and person-level pages', () => {
	it('never keeps an inspection page with persons, and does not show it offline', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		// What a version before this rule left behind: a page cache of this very version holding an
		// inspection page, there before the worker first takes over.
		const { version } = (await (await page.request.get('/_app/version.json')).json()) as { version: string };
		await page.goto('/offline.html');
		await page.evaluate(async (name) => {
			const cache = await caches.open(name);
			await cache.put(
				'/inspections/00000000-0000-4000-8000-000000000000',
				new Response('<p data-person="left-behind"></p>', { headers: { 'content-type': 'text/html' } })
			);
		}, `kontrolla-pages-${version}`);

		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		const pulled = [...(await pullAll(page.request)).values()];
		const person = pulled.find((change) => change.entity === 'screenedPerson' && change.data?.inspectionId);
		expect(person, 'police1 has an inspection with persons').toBeDefined();
		const inspectionId = String(person!.data!.inspectionId);
		const address = `/inspections/${inspectionId}`;

		const response = await page.goto(address);
		expect(response?.status()).toBe(200);
		// A page load starts locked; past the PIN, the persons show.
		await passLock(page);
		await page.locator('[data-person]').first().waitFor();
		// Asked directly, as the app asks after a client-side navigation, the worker declines.
		const stored = await page.evaluate(
			(url) =>
				new Promise<unknown>((resolve) => {
					const channel = new MessageChannel();
					channel.port1.onmessage = (event) => resolve(event.data);
					navigator.serviceWorker.controller!.postMessage({ type: 'REMEMBER_PAGE', url }, [channel.port2]);
				}),
			new URL(address, e2e.server.url).href
		);
		expect(stored).toEqual({ stored: false });
		// A page the worker does keep, opened after it: once it is stored, the earlier page's write
		// (if there were one) would have landed too.
		await page.goto('/map');
		await page.waitForFunction(async () => {
			for (const name of await caches.keys()) {
				if (name.startsWith('kontrolla-pages-') && (await (await caches.open(name)).match('/map'))) return true;
			}
			return false;
		});
		expect((await cachedAddresses(page)).filter(personLevel)).toEqual([]);

		await context.setOffline(true);
		await page.goto(address);
		await page.getByRole('heading', { name: /you are offline/i }).waitFor();
		expect(await page.locator('[data-person]').count()).toBe(0);
		await screenshot(page, 'person-level-page-offline-360');
		await context.close();
	}, 240_000);
});
