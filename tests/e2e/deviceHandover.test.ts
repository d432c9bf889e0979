/**
 * The shared team phone in Chromium: a device id belongs to its first user (server side,
 * auth/devices.ts). The next inspector signing in on a phone left signed in by a colleague is let in
 * as a new device once the phone holds nothing unsent (it is emptied as a sign-out would have); while
 * it holds the colleague's unsent work, they are told so and nothing is deleted.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { DEMO_PASSWORD, choosePin, signInOnline, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

describe('a phone passing to a colleague', () => {
	it('refuses the colleague while the first user’s work is unsent, and lets them in as a new device once it is not', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await page.waitForFunction(
			() => /^synced$/i.test(document.querySelector('.sync-status [role=status]')?.textContent?.trim() ?? ''),
			null,
			{ timeout: 60_000 }
		);
		const first = await page.evaluate(() => localStorage.getItem('kontrolla.deviceId'));
		expect(first).toBeTruthy();

		// The session ends without signing out, with a change of police1's still waiting to be sent.
		await context.clearCookies();
		await page.goto('/login');
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('kontrolla');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction('outbox', 'readwrite');
						tx.objectStore('outbox').add({
							mutationId: crypto.randomUUID(),
							entity: 'inspection',
							recordId: crypto.randomUUID(),
							userId: 'police1',
							status: 'pending'
						});
						tx.oncomplete = () => {
							open.result.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		await page.getByLabel(/username/i).fill('police2');
		await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.getByText(/another user.s unsent work/i).waitFor();
		await screenshot(page, 'device-taken-360');
		const kept = await page.evaluate(async () => ({
			databases: (await indexedDB.databases()).map((d) => d.name),
			deviceId: localStorage.getItem('kontrolla.deviceId')
		}));
		expect(kept).toEqual({ databases: expect.arrayContaining(['kontrolla']), deviceId: first });

		// Once nothing is waiting, the same sign-in empties the phone and registers it anew.
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const open = indexedDB.open('kontrolla');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const tx = open.result.transaction('outbox', 'readwrite');
						tx.objectStore('outbox').clear();
						tx.oncomplete = () => {
							open.result.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
				})
		);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL('**/today');
		await choosePin(page);
		await waitForTodayList(page);
		const second = await page.evaluate(() => localStorage.getItem('kontrolla.deviceId'));
		expect(second).toBeTruthy();
		expect(second).not.toBe(first);
		await context.close();
	}, 180_000);
});
