/**
 * The victim advocate at a desk and on a phone, in English and in Albanian: signs in, lands on the
 * persons referred to the victim advocates' office, opens one, and sets the referral's status; the
 * page read back from the server shows the new status.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot, type Viewport } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../support/field.ts';

const e2e = serverAndBrowser();

async function signIn(page: Page, username: string): Promise<void> {
	await page.goto('/login');
	await page.locator('#login-username').fill(username);
	await page.locator('#login-password').fill(DEMO_PASSWORD);
	await page.locator('form button[type=submit]').click();
}

const runs: [string, Viewport, string, RegExp][] = [
	['desktop-en', DESKTOP, 'en-GB', /Persons referred to you/],
	['360-en', PHONE, 'en-GB', /Persons referred to you/],
	['360-sq', PHONE, 'sq', /Personat e referuar te ju/]
];

describe('the victim advocate', () => {
	for (const [label, viewport, locale, heading] of runs) {
		it(`sees the persons referred to them and sets a referral's status (${label})`, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, viewport, locale);
			await signIn(page, 'advocate');
			await page.waitForURL('**/referred');
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(heading);
			const persons = page.locator('li[data-person]');
			await persons.first().waitFor();
			expect(await persons.count()).toBeGreaterThanOrEqual(2);
			await screenshot(page, `referred-list-${label}`);

			const personId = (await persons.first().getAttribute('data-person'))!;
			await persons.first().getByRole('link').first().click();
			await page.waitForURL(`**/referred/${personId}`);
			const section = page.locator('section[data-referral]').first();
			const status = section.locator('select[name=status]');
			const next = (await status.inputValue()) === 'accepted' ? 'closed' : 'accepted';
			await status.selectOption(next);
			await section.locator('textarea[name=notes]').fill(`seen by the advocate (${label})`);
			await section.locator('button[type=submit]').click();
			await section.getByRole('status').waitFor();
			await screenshot(page, `referred-person-${label}`);

			// Read back from the server: a fresh load of the page shows what was stored.
			await page.goto(`/referred/${personId}`);
			expect(await page.locator('section[data-referral]').first().locator('select[name=status]').inputValue()).toBe(
				next
			);
			expect(await page.locator('section[data-referral]').first().locator('textarea[name=notes]').inputValue()).toBe(
				`seen by the advocate (${label})`
			);
			// Nothing overflows sideways, on a phone either.
			expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
				0
			);
			// Another screen is not theirs.
			const map = await page.goto('/map');
			expect(map?.status()).toBe(403);
			await context.close();
		});
	}
});
