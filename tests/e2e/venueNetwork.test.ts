/**
 * A reopened venue, in Chromium against the built app with the demo data: the planner closes a bar
 * by the authorities' order, registers a venue under another name at the same address (written
 * differently), and the register flags it as a possible reopening — in the list, on its card, and
 * in the planners' queue.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { signInAtDesk } from '../support/desk.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import type { PossibleReopening } from '../../src/lib/domain/views/register.ts';

const e2e = serverAndBrowser();

async function addVenue(page: Page, venue: { name: string; address: string; lat: string; lng: string }) {
	await page.getByRole('button', { name: /add venue/i }).click();
	const form = page.getByRole('region', { name: /new venue/i });
	await form.getByLabel(/^name/i).fill(venue.name);
	await form.getByLabel(/^kind/i).selectOption('bar');
	await form.getByLabel(/^address/i).fill(venue.address);
	await form.getByLabel(/latitude/i).fill(venue.lat);
	await form.getByLabel(/longitude/i).fill(venue.lng);
	await expect.poll(() => form.getByLabel(/municipality/i).inputValue()).not.toBe('');
	await form.getByRole('button', { name: /^save$/i }).click();
	await page.getByRole('heading', { name: venue.name }).waitFor();
}

describe('a venue closed by the authorities reopens under another name', () => {
	it('is flagged on the register, on its card and in the planners’ queue', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		await signInAtDesk(page, 'planner');
		await addVenue(page, {
			name: 'Bar Ylli (e2e)',
			address: 'Rruga Nëna Terezë 33',
			lat: '42.658100',
			lng: '21.158200'
		});

		await page.getByRole('button', { name: /close or mark gone/i }).click();
		await page.locator('#new-status').selectOption('closed_by_authority');
		await page.locator('#status-reason').fill('Closed by the labour inspectorate: unregistered workers');
		await page.getByRole('button', { name: /^save$/i }).click();
		await page.getByText('Status changed.').waitFor();

		await addVenue(page, {
			name: 'Club Fenix (e2e)',
			address: 'Rr. Nena Tereze nr. 33',
			lat: '42.658160',
			lng: '21.158260'
		});
		const cardFlag = page.getByTestId('reopening-card-flag');
		await cardFlag.waitFor();
		expect(await cardFlag.textContent()).toContain('Possible reopening of Bar Ylli (e2e)');
		expect(await cardFlag.textContent()).toContain('same address');
		await screenshot(page, 'venue-network-card-1280');

		await page.getByRole('button', { name: 'Close', exact: true }).click();
		await page.getByRole('button', { name: /show as list/i }).click();
		await page.getByLabel(/filter by name/i).fill('(e2e)');
		const row = page.getByRole('row', { name: /Club Fenix/ });
		await row.getByTestId('reopening-flag').waitFor();
		expect(
			await page
				.getByRole('row', { name: /Bar Ylli/ })
				.getByTestId('reopening-flag')
				.count()
		).toBe(0);
		await screenshot(page, 'venue-network-list-1280');
		await page.setViewportSize(PHONE);
		await row.getByTestId('reopening-flag').scrollIntoViewIfNeeded();
		await screenshot(page, 'venue-network-list-360');

		await page.goto('/plan');
		const queue = page.getByTestId('plan-reopenings');
		expect(await queue.textContent()).toContain('Club Fenix (e2e)');
		await context.close();
	});

	it('shows the flag and the closed venue in its history on a phone at 360 px', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInAtDesk(page, 'planner');
		const flags = (await (await page.request.get('/api/register/reopenings')).json()) as PossibleReopening[];
		const flag = flags.find((entry) => entry.venueName === 'Club Fenix (e2e)')!;
		expect(flag.closedVenueName).toBe('Bar Ylli (e2e)');

		// The planners' queue links each venue to its card on the register.
		await page.goto('/plan');
		await page.getByTestId('plan-reopenings').getByRole('link', { name: 'Club Fenix (e2e)' }).click();
		await page.getByRole('heading', { name: 'Club Fenix (e2e)' }).waitFor();
		await page.getByTestId('reopening-card-flag').waitFor();
		await screenshot(page, 'venue-network-card-360');

		await page.goto(`/map?venue=${flag.closedVenueId}`);
		const reopenedAs = page.getByTestId('reopening-card-flag');
		await reopenedAs.waitFor();
		expect(await reopenedAs.textContent()).toContain('Possibly reopened as Club Fenix (e2e)');
		await page.getByRole('heading', { name: /register history/i }).scrollIntoViewIfNeeded();
		await screenshot(page, 'venue-network-history-360');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await context.close();
	});
});
