/**
 * A lost or stolen phone in Chromium: an admin revokes the inspector's device from another
 * machine; at its next contact the phone is told to wipe, and it removes its local database (with the
 * person-level records), its PIN lock material and its cached pages, and lands on the sign-in page.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { DEMO_PASSWORD, signInOnline, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

describe('a revoked device', () => {
	it('wipes its local data at its next sync', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		// The first pull is done (the button reads "Syncing…" while it runs).
		await page.waitForFunction(
			() => /^synced$/i.test(document.querySelector('.sync-status [role=status]')?.textContent?.trim() ?? ''),
			null,
			{ timeout: 60_000 }
		);
		const before = await page.evaluate(async () => ({
			databases: (await indexedDB.databases()).map((d) => d.name),
			// One wrapped key per user of the phone (client/lock/lock.svelte.ts).
			lock: Object.keys(localStorage).some((key) => key.startsWith('kontrolla.lock')),
			deviceId: localStorage.getItem('kontrolla.deviceId')
		}));
		expect(before.databases).toContain('kontrolla');
		expect(before.lock).toBe(true);

		// The admin, on another machine, reports the phone stolen.
		const admin = await fetch(`${e2e.server.url}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: e2e.server.url },
			body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD })
		});
		const cookie = admin.headers.getSetCookie()[0]!.split(';')[0]!;
		const revoked = await fetch(`${e2e.server.url}/api/auth/devices/${before.deviceId}/revoke`, {
			method: 'POST',
			headers: { origin: e2e.server.url, cookie }
		});
		expect(revoked.status).toBe(200);

		// The phone's next contact: the sync it runs by itself or on a tap.
		await page
			.getByRole('banner')
			.getByRole('button', { name: /sync now/i })
			.click();
		await page.waitForURL('**/login?wiped=1', { timeout: 30_000 });
		await page.getByText(/reported lost or stolen/i).waitFor();
		await screenshot(page, 'device-wiped-360');
		const after = await page.evaluate(async () => ({
			databases: (await indexedDB.databases()).map((d) => d.name),
			lock: Object.keys(localStorage).filter((key) => key.startsWith('kontrolla.lock')),
			cachedPages: (await caches.keys()).filter((key) => key.includes('pages')).length
		}));
		expect(after.databases).not.toContain('kontrolla');
		expect(after.lock).toEqual([]);
		expect(after.cachedPages).toBe(0);
		await context.close();
	}, 120_000);
});
