/**
 * The device lock in Chromium: the people screened are kept on the phone as ciphertext, the
 * lock (on demand and after a short inactivity) takes them out of the page, a wrong PIN opens
 * nothing, the right one shows them again, and the record still reaches the server intact.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	signInOnline,
	startFirstAssignment,
	TEST_PIN,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';

const LOCK_AFTER_SECONDS = 4;
const e2e = serverAndBrowser({ LOCK_AFTER_MINUTES: String(LOCK_AFTER_SECONDS / 60) });

async function tap(target: Locator): Promise<void> {
	await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await target.click();
}

/** Every row of the stores holding person-level data, as IndexedDB keeps them on the disk. */
async function rawStores(page: Page): Promise<string> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('kontrolla');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const all = async (name: string) =>
			new Promise<unknown[]>((resolve, reject) => {
				const request = db.transaction(name).objectStore(name).getAll();
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
		const rows = { persons: await all('screenedPersons'), outbox: await all('outbox') };
		db.close();
		return JSON.stringify(rows);
	});
}

async function enterPin(page: Page, pin: string): Promise<void> {
	await page.locator('#lock-pin').fill(pin);
	await page.getByRole('button', { name: /^unlock$/i }).click();
}

/**
 * Locks on demand from the account menu. The app here locks itself after a few seconds untouched,
 * which a loaded machine can reach between two steps: then the PIN opens it first, and the menu is
 * tried again (each tap counts as use).
 */
async function lockOnDemand(page: Page): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		if ((await page.locator('[data-lock="locked"]').count()) > 0) {
			await enterPin(page, TEST_PIN);
			await page.locator('[data-lock]').waitFor({ state: 'detached' });
		}
		try {
			await page.getByRole('button', { name: /account menu/i }).click();
			await page.getByRole('button', { name: /lock now/i }).click({ timeout: 10_000 });
			return;
		} catch (error) {
			if (attempt === 5) throw error;
		}
	}
}

describe('the PIN lock', () => {
	it('hides the people screened until the PIN is entered, keeps them encrypted, and still syncs them', async () => {
		const { page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		const inspectionId = await startFirstAssignment(page, 'No GPS in the cellar');

		await tap(page.getByRole('button', { name: 'Add a person' }));
		const card = page.locator('details.person').first();
		const nationality = card
			.locator('fieldset.item')
			.filter({ has: page.locator('legend', { hasText: /^Nationality/ }) });
		await tap(nationality.getByRole('radio', { name: 'Moldova', exact: true }));
		await nationality.getByRole('radio', { name: 'Moldova', exact: true }).and(page.locator(':checked')).waitFor();

		// At rest on the device: ciphertext only, in the person's row and in its outbox entry.
		await expect.poll(async () => (await rawStores(page)).includes('"sealed"')).toBe(true);
		expect(await rawStores(page)).not.toMatch(/moldova/i);

		// Locked on demand: the page itself is gone, not just covered.
		await lockOnDemand(page);
		await page.locator('[data-lock="locked"]').waitFor();
		expect(await page.locator('main').innerText()).not.toMatch(/Moldova|Person 1/);
		// The header says the lock holds sync back, in words that never read "0 waiting", and offers no sync.
		expect(await page.locator('.sync-status [role=status]').innerText()).toMatch(
			/^Locked: (enter the PIN|\d+ changes? waits? for the PIN)/
		);
		expect(
			await page
				.locator('.sync-status')
				.getByRole('button', { name: /sync now/i })
				.isDisabled()
		).toBe(true);
		expect(await page.locator('details.person').count()).toBe(0);
		await screenshot(page, 'pin-lock-360');

		await enterPin(page, '000000');
		await page
			.getByRole('alert')
			.filter({ hasText: /wrong pin/i })
			.waitFor();
		expect(await page.locator('details.person').count()).toBe(0);

		await enterPin(page, TEST_PIN);
		await page.locator('[data-lock]').waitFor({ state: 'detached' });
		await page.locator('details.person').first().waitFor();
		const reopened = page.locator('details.person').first();
		if ((await reopened.getAttribute('open')) === null) await tap(reopened.locator(':scope > summary'));
		const moldova = reopened.getByRole('radio', { name: 'Moldova', exact: true });
		expect(await moldova.isChecked()).toBe(true);

		// Untouched for a while, it locks by itself.
		await page.locator('[data-lock="locked"]').waitFor({ timeout: (LOCK_AFTER_SECONDS + 10) * 1000 });
		expect(await page.locator('details.person').count()).toBe(0);
		await enterPin(page, TEST_PIN);
		await page.locator('[data-lock]').waitFor({ state: 'detached' });

		// Sealed on the device, whole on the server.
		const stored = JSON.parse(await rawStores(page)) as { persons: { id: string; inspectionId: string }[] };
		const personId = stored.persons.find((row) => row.inspectionId === inspectionId)!.id;
		const person = await waitForServerRecord(
			page.request,
			'screenedPerson',
			personId,
			(data) => data.inspectionId === inspectionId
		);
		expect(person.nationality).toBe('MD');
	}, 180_000);

	it('after five wrong PINs asks for the password, then a new PIN, and loses nothing', async () => {
		const { page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'labour1');
		await waitForTodayList(page);
		await lockOnDemand(page);
		for (let attempt = 1; attempt <= 5; attempt++) {
			await page.locator('#lock-pin').waitFor();
			// The growing wait between tries: the next try is taken once the button is enabled again.
			await expect
				.poll(() => page.getByRole('button', { name: /^unlock$/i }).isEnabled(), { timeout: 20_000 })
				.toBe(true);
			await enterPin(page, `99999${attempt}`);
			await page
				.getByRole('button', { name: /^unlock$/i })
				.or(page.getByLabel(/password for/i))
				.first()
				.waitFor();
		}
		await page.locator('[data-lock="signIn"]').waitFor();
		await page.getByLabel(/password for labour1/i).fill('kontrolla-demo');
		await page.getByRole('button', { name: /^sign in$/i }).click();
		await page.locator('#lock-pin').fill('135790');
		await page.getByRole('button', { name: /^next$/i }).click();
		await page.locator('#lock-pin').fill('135790');
		await page.getByRole('button', { name: /^unlock$/i }).click();
		await page.locator('[data-lock]').waitFor({ state: 'detached' });
		await waitForTodayList(page);
		// The same data key: what was sealed before opens with the new PIN.
		await page.reload();
		await page.locator('#lock-pin').fill('135790');
		await page.getByRole('button', { name: /^unlock$/i }).click();
		await page.locator('[data-lock]').waitFor({ state: 'detached' });
		await page.locator('[data-assignment]').first().waitFor();
		// Unlocking lets sync go on at once.
		await expect
			.poll(() => page.locator('.sync-status [role=status]').innerText(), { timeout: 30_000 })
			.toMatch(/^synced$/i);
	}, 180_000);
});
