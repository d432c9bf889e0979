import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { clickSignOut, newPage, PHONE, screenshot } from '../support/browser.ts';
import { choosePin, unlockApp } from '../support/field.ts';

const e2e = serverAndBrowser();

async function signIn(page: Page, username: string, password = 'kontrolla-demo'): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill(password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	// Inspectors choose the device PIN right after signing in.
	if (username !== 'planner') await choosePin(page);
}

/** The sync status in the shell header: its live region says how the last round ended. */
const syncStatus = (page: Page) => page.locator('.sync-status [role=status]');
const syncNowButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /sync now/i });

async function statusSays(page: Page, text: RegExp): Promise<void> {
	await page.waitForFunction(
		(source) =>
			new RegExp(source, 'i').test(document.querySelector('.sync-status [role=status]')?.textContent?.trim() ?? ''),
		text.source,
		{
			// The first pull brings the whole reference register: slow on a loaded two-core machine.
			timeout: 60_000
		}
	);
}

/** Counts the records of one table of the device database, read with plain IndexedDB. */
function countLocal(page: Page, table: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('kontrolla');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction(name).objectStore(name).count();
					request.onsuccess = () => {
						open.result.close();
						resolve(request.result);
					};
					request.onerror = () => reject(request.error);
				};
			}),
		table
	);
}

/**
 * Queues a change the server will refuse (an inspection with nothing valid in it), written into
 * the outbox as the app's own writes are, for the signed-in user.
 */
async function queueInvalidChange(page: Page, userId: string): Promise<void> {
	await page.evaluate(async (userId) => {
		await new Promise<void>((resolve, reject) => {
			const open = indexedDB.open('kontrolla');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const tx = open.result.transaction('outbox', 'readwrite');
				tx.objectStore('outbox').add({
					mutationId: crypto.randomUUID(),
					entity: 'inspection',
					recordId: crypto.randomUUID(),
					op: 'upsert',
					baseVersion: 0,
					data: { notes: 42 },
					userId,
					createdAt: new Date().toISOString(),
					sentAt: null,
					status: 'pending',
					errors: null
				});
				tx.oncomplete = () => {
					open.result.close();
					resolve();
				};
				tx.onerror = () => reject(tx.error);
			};
		});
	}, userId);
}

async function signedInUserId(page: Page): Promise<string> {
	return page.evaluate(async () => ((await (await fetch('/api/auth/me')).json()) as { user: { id: string } }).user.id);
}

// Each story waits for one or two full sync rounds against a real server.
const STORY_TIMEOUT_MS = 180_000;

describe('the device sync status', () => {
	it(
		'an inspector signs in, the device pulls the team’s work and the status says Synced',
		async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
			await signIn(page, 'police1');
			await page.waitForURL('**/today');
			await statusSays(page, /^synced$/);
			await screenshot(page, 'sync-status-synced-360');

			// Today is drawn from the device database, so the team's assignments must be there.
			expect(await countLocal(page, 'assignments')).toBeGreaterThan(0);
			await page.getByTestId('today-list').waitFor();
			expect(await countLocal(page, 'teams')).toBeGreaterThan(0);
			await context.close();
		},
		STORY_TIMEOUT_MS
	);

	it(
		'says offline when the network is gone, opens the sync screen offline, and syncs again on its own',
		async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
			await signIn(page, 'police1');
			await statusSays(page, /^synced$/);
			await context.setOffline(true);
			// Said at once, before any round has failed.
			await statusSays(page, /^offline — everything is sent/);
			await syncNowButton(page).click();
			await statusSays(page, /^offline/);
			await screenshot(page, 'sync-status-offline-360');
			// The sync screen reads only the device database: it opens without the network.
			await page.getByRole('link', { name: /details/i }).click();
			await page.getByRole('heading', { name: /waiting to be sent/i }).waitFor();
			await statusSays(page, /^offline/);
			// Back online, the device syncs on its own: nobody has to press a button or reload.
			await context.setOffline(false);
			await statusSays(page, /^synced$/);
			await context.close();
		},
		STORY_TIMEOUT_MS
	);

	it(
		'lists what waits, what the server refused (with its errors) and what is in conflict',
		async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
			await signIn(page, 'police1');
			await statusSays(page, /^synced$/);
			await queueInvalidChange(page, await signedInUserId(page));
			await syncNowButton(page).click();
			await statusSays(page, /1 needs attention/);

			await page.getByRole('link', { name: /details/i }).click();
			await page.waitForURL('**/sync');
			for (const heading of [/waiting to be sent/i, /refused by the server/i, /changed here and on the server/i]) {
				await page.getByRole('heading', { name: heading }).waitFor();
			}
			const refused = page.locator('article.rejected-change');
			await refused.waitFor();
			// In plain words, with what to do; the server's own words only under the details.
			expect(await refused.getByText(/something in it was not accepted/i).count()).toBe(1);
			expect(await refused.locator('details.technical').getAttribute('open')).toBeNull();
			expect(await refused.locator('details.technical li').count()).toBeGreaterThan(0);
			// No record ids and no raw record data on the screen.
			expect(await refused.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|"notes"|\{/);
			await screenshot(page, 'sync-page-360');
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow).toBeLessThanOrEqual(0);

			// "Send again" sends at once, not at the next scheduled round a minute later.
			const sent = page.waitForRequest((request) => request.url().endsWith('/api/sync/push'), { timeout: 20_000 });
			await refused.getByRole('button', { name: /send again/i }).click();
			await sent;
			await context.close();
		},
		STORY_TIMEOUT_MS
	);

	it(
		'never deletes unsent changes on sign-out: they stay sealed on the phone for the same user',
		async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
			await signIn(page, 'police1');
			await statusSays(page, /^synced$/);
			const userId = await signedInUserId(page);
			await context.setOffline(true);
			await queueInvalidChange(page, userId);

			await clickSignOut(page);
			const warning = page.getByRole('dialog');
			await warning.waitFor();
			expect(await warning.textContent()).toMatch(/1 change has not reached the server/i);
			await screenshot(page, 'sign-out-warning-360');
			await warning.getByRole('button', { name: /stay signed in/i }).click();
			await warning.waitFor({ state: 'detached' });
			expect(await countLocal(page, 'outbox')).toBe(1);

			await context.setOffline(false);
			await clickSignOut(page);
			await warning.waitFor();
			expect(await warning.getByRole('button', { name: /delete/i }).count()).toBe(0);
			await warning.getByRole('button', { name: /keep them on this phone/i }).click();
			await page.waitForURL('**/login');
			// The refused change stays; what was pulled for this user (the team's assignments) goes.
			expect(await countLocal(page, 'outbox')).toBe(1);
			expect(await countLocal(page, 'assignments')).toBe(0);

			// The same user signs in again on this phone: the same PIN opens it, and the change is there.
			await page.getByLabel(/username/i).fill('police1');
			await page.getByLabel(/password/i).fill('kontrolla-demo');
			await page.getByRole('button', { name: /sign in/i }).click();
			await page.waitForURL('**/today');
			await unlockApp(page);
			await page.goto('/sync');
			await unlockApp(page);
			await page.locator('article.rejected-change').waitFor();
			await context.close();
		},
		STORY_TIMEOUT_MS
	);

	it(
		'is not shown to planners, who work online',
		async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
			await signIn(page, 'planner');
			await page.waitForURL('**/map');
			await page.getByRole('navigation', { name: /main/i }).waitFor();
			expect(await syncStatus(page).count()).toBe(0);
			await context.close();
		},
		STORY_TIMEOUT_MS
	);
});
