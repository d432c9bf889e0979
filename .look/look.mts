import { chromium } from 'playwright-core';
const base = 'http://localhost:3917';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
async function session(user: string, width: number, height: number, locale: string) {
	const context = await browser.newContext({ baseURL: base, viewport: { width, height }, locale });
	const page = await context.newPage();
	await page.goto('/login');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30000 });
	if (locale.startsWith('sq')) { await page.getByLabel(/gjuh|language/i).selectOption('sq'); await page.waitForFunction(() => document.documentElement.lang === 'sq'); }
	await page.locator('input[name=username]').fill(user);
	await page.locator('input[name=password]').fill('kontrolla-demo');
	await page.locator('button[type=submit]').click();
	await page.waitForTimeout(3000);
	return { context, page };
}
// Inspector, Albanian, phone
{
	const { page } = await session('police1', 360, 740, 'sq-AL');
	// choose PIN if asked
	for (let i = 0; i < 2; i++) {
		const pin = page.locator('input[type=password], input[inputmode=numeric]').first();
		if (await pin.isVisible().catch(() => false)) {
			const inputs = page.locator('input[inputmode=numeric], input[type=password]');
			const n = await inputs.count();
			for (let k = 0; k < n; k++) await inputs.nth(k).fill('246810');
			await page.locator('button[type=submit]').first().click();
			await page.waitForTimeout(1500);
		}
	}
	await page.waitForTimeout(4000);
	await page.screenshot({ path: '/tmp/shots/today-sq-360.png' });
	await page.waitForTimeout(15000);
	await page.screenshot({ path: '/tmp/shots/today2-sq-360.png' });
	await page.getByRole('link', { name: 'Sinkronizimi' }).click();
	await page.waitForTimeout(3000);
	await page.locator('section.offline-map').scrollIntoViewIfNeeded();
	await page.screenshot({ path: '/tmp/shots/sync-sq-360.png' });
	await page.getByRole('link', { name: 'Harta' }).click();
	await page.waitForTimeout(5000);
	await page.screenshot({ path: '/tmp/shots/map-sq-360.png' });
	await page.locator('.offline-map-menu summary').click();
	await page.waitForTimeout(500);
	await page.screenshot({ path: '/tmp/shots/map-menu-sq-360.png' });
}
await browser.close();
