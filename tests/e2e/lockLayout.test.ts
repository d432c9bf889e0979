/**
 * The PIN keypad on a 360 × 740 phone, in every language: all four rows (the last holds delete, 0
 * and Next/Unlock) end above the tab bar without scrolling, every key keeps the 44 px touch size,
 * no key's label is cut, and a wrong PIN's message shows where the tab bar does not cover it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { DEMO_PASSWORD, TEST_PIN } from '../support/field.ts';

const e2e = serverAndBrowser();

type Layout = {
	viewport: number;
	tabBarTop: number;
	keysBottom: number;
	smallestKey: number;
	cutLabels: string[];
	scrolled: number;
};

/** Where the keypad and the tab bar are on the screen as it is, without scrolling to anything. */
function layout(page: Page): Promise<Layout> {
	return page.evaluate(() => {
		const keys = [...document.querySelectorAll<HTMLElement>('[data-lock] [role=group] button')];
		const tabBar = document.querySelector('nav')?.getBoundingClientRect();
		return {
			viewport: window.innerHeight,
			tabBarTop: tabBar && tabBar.bottom >= window.innerHeight - 1 ? tabBar.top : window.innerHeight,
			keysBottom: Math.max(...keys.map((key) => key.getBoundingClientRect().bottom)),
			smallestKey: Math.min(
				...keys.flatMap((key) => [key.getBoundingClientRect().width, key.getBoundingClientRect().height])
			),
			cutLabels: keys
				.filter((key) => key.scrollWidth > key.clientWidth || key.scrollHeight > key.clientHeight)
				.map((key) => key.textContent ?? ''),
			scrolled: window.scrollY
		};
	});
}

async function expectKeypadInView(page: Page, keys: number): Promise<void> {
	const seen = await layout(page);
	expect(await page.locator('[data-lock] [role=group] button').count()).toBe(keys);
	expect(seen.scrolled).toBe(0);
	expect(seen.keysBottom).toBeLessThanOrEqual(seen.tabBarTop);
	expect(seen.smallestKey).toBeGreaterThanOrEqual(44);
	expect(seen.cutLabels).toEqual([]);
}

async function submitPin(page: Page, pin: string): Promise<void> {
	await page.locator('#lock-pin').fill(pin);
	await page.locator('[data-lock] button[type=submit]').click();
}

describe('the PIN keypad at 360 × 740', () => {
	for (const locale of ['en', 'sq', 'sr']) {
		it(`fits above the tab bar with no label cut (${locale})`, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE, locale);
			await page.goto('/login');
			await page.locator('#login-username').fill('police1');
			await page.locator('#login-password').fill(DEMO_PASSWORD);
			await page.locator('button[type=submit]').click();
			await page.waitForURL('**/today');

			await page.locator('[data-lock="setup"]').waitFor();
			await expectKeypadInView(page, 12);
			await screenshot(page, `lock-setup-${locale}`);
			await submitPin(page, TEST_PIN);
			await page.locator('#lock-pin').and(page.locator(':focus')).waitFor();
			await expectKeypadInView(page, 12);
			await submitPin(page, TEST_PIN);
			await page.locator('[data-lock]').waitFor({ state: 'detached' });

			await page.reload();
			await page.locator('[data-lock="locked"]').waitFor();
			await expectKeypadInView(page, 12);
			await submitPin(page, '000000');
			const alert = page.locator('[data-lock] [role=alert]');
			await alert.waitFor();
			await expectKeypadInView(page, 12);
			const { tabBarTop } = await layout(page);
			expect((await alert.boundingBox())!.y + (await alert.boundingBox())!.height).toBeLessThanOrEqual(tabBarTop);
			await screenshot(page, `lock-wrong-pin-${locale}`);
			await context.close();
		});
	}
});
