/** Debian's Chromium driven by playwright-core, with the flags this sandboxed machine needs. */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
	if (!fs.existsSync(EXECUTABLE)) throw new Error(`Chromium not found at ${EXECUTABLE} (apt-get install chromium)`);
	return chromium.launch({
		executablePath: EXECUTABLE,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
}

export type Viewport = { width: number; height: number };
export const PHONE: Viewport = { width: 360, height: 740 };
export const DESKTOP: Viewport = { width: 1280, height: 800 };

export async function newPage(
	browser: Browser,
	baseURL: string,
	viewport: Viewport = DESKTOP,
	locale = 'en-GB'
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ baseURL, viewport, locale });
	const page = await context.newPage();
	return { context, page };
}

const SHOTS = path.resolve('test-results/screenshots');

/** Screenshots are kept for a person to look at; the assertions are made on the page itself. */
export async function screenshot(page: Page, name: string): Promise<void> {
	fs.mkdirSync(SHOTS, { recursive: true });
	await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** Signs out from the shell; on a phone the sign-out button sits in the account menu. */
export async function clickSignOut(page: Page): Promise<void> {
	const menu = page.getByRole('button', { name: /account menu/i });
	if ((await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
	await page.getByRole('button', { name: /^sign out$/i }).click();
}
