/** Signing in at a desk (planners, supervisors, admins): the app opens on the register's map. */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './field.ts';

/** Signs in through the form and waits until the map has drawn the register's venues. */
export async function signInAtDesk(page: Page, username: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL('**/map');
	await page.waitForFunction(
		() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
	);
}
