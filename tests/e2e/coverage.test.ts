import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';

const e2e = serverAndBrowser();

async function signInAsSupervisor(page: Page): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill('supervisor');
	await page.getByLabel(/password/i).fill('kontrolla-demo');
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL('**/map');
}

/** The cells of a table on the page, row by row, as the reader sees them. */
function tableCells(page: Page, name: string): Promise<string[][]> {
	return page.$$eval(`[data-table=${name}] tbody tr`, (rows) =>
		rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''))
	);
}

/** A figure as shown ("1,234", "66.7 %", "–") or as exported ("1234", "66.7", ""), as a comparable value. */
const plain = (shown: string) => (shown === '–' || shown === '' ? '' : String(Number(shown.replace(/[,\s%]/g, ''))));

describe('the supervisor reviews coverage', () => {
	it('opens the dashboard, changes the period, and drills into a municipality and an inspection', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signInAsSupervisor(page);
		await page
			.getByRole('navigation', { name: /main/i })
			.getByRole('link', { name: /coverage/i })
			.click();
		await page.waitForURL('**/coverage');
		await page.getByRole('heading', { level: 1, name: /inspection coverage/i }).waitFor();
		const last30 = await page.locator('#coverage-period').textContent();

		await page.getByLabel('Period').selectOption('year');
		await page.getByRole('button', { name: 'Show' }).click();
		await page.waitForURL(/preset=year/);
		await page.waitForFunction((before) => document.querySelector('#coverage-period')?.textContent !== before, last30);
		expect(await page.locator('#coverage-period').textContent()).toMatch(/^1 January \d{4} – /);
		expect(Number(plain((await page.locator('[data-figure=inspections] dd').textContent()) ?? ''))).toBeGreaterThan(
			100
		);

		// Sorting by a column heading, announced through aria-sort.
		const coverageHeading = page.locator('[data-table=municipalities] th', {
			has: page.locator('[data-column=coverage]')
		});
		await coverageHeading.getByRole('button').click();
		await expect(coverageHeading.getAttribute('aria-sort')).resolves.toBe('descending');
		const sorted = (await tableCells(page, 'municipalities')).map((row) => Number(plain(row[3] ?? '')) || 0);
		expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

		const busiest = await page.locator('[data-table=municipalities] tbody tr').first().locator('th a');
		const municipality = (await busiest.textContent())!.trim();
		await busiest.click();
		await page.waitForURL(/\/coverage\/municipality\/[0-9a-f-]{36}\?preset=year/);
		await page.getByRole('heading', { level: 1, name: municipality }).waitFor();
		expect((await tableCells(page, 'venues')).length).toBeGreaterThan(0);

		const inspection = page.locator('[data-table=inspections] tbody tr').first().locator('a');
		await inspection.click();
		await page.waitForURL(/\/inspections\/[0-9a-f-]{36}$/);
		await page.getByRole('heading', { level: 1, name: /^Inspection at / }).waitFor();
		await page.getByRole('heading', { name: 'What the team observed' }).waitFor();
		await page.getByRole('heading', { name: 'Persons screened' }).waitFor();
		await page.getByRole('heading', { name: 'Audit trail of this record' }).waitFor();
		await context.close();
	});

	it('downloads the municipalities as CSV, row for row what the table shows', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url);
		await signInAsSupervisor(page);
		await page.goto('/coverage?preset=quarter');
		// The links wait for the export's purpose (domain/privacy/purposes.ts), asked once for the screen.
		expect(await page.locator('[data-csv=municipalities]').getAttribute('aria-disabled')).toBe('true');
		await page.getByLabel('Purpose of the export').selectOption('statistics');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('[data-csv=municipalities]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^kontrolla-municipalities-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
		const bytes = fs.readFileSync((await download.path())!);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const [header, ...lines] = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
		expect(header).toBe(
			'municipalityCode,nameSq,nameSr,nameEn,registeredVenues,venuesInspected,registeredVenuesInspected,coveragePercent,inspections,inspectionsWithIndicators,screenedPersons,possibleVictims,referrals,premisesClosed'
		);

		const onPage = new Map(
			(await tableCells(page, 'municipalities')).map(([name = '', ...figures]) => [name, figures.map(plain)])
		);
		expect(lines).toHaveLength(onPage.size);
		for (const line of lines) {
			const [
				,
				,
				,
				nameEn = '',
				registered,
				inspected,
				,
				coverage,
				inspections,
				indicators,
				screened,
				victims,
				referrals,
				closed
			] = line.split(',');
			expect(onPage.get(nameEn), nameEn).toEqual(
				[registered, inspected, coverage, inspections, indicators, screened, victims, referrals, closed].map((cell) =>
					plain(cell ?? '')
				)
			);
		}
		await context.close();
	});
});

describe('the coverage screens at phone and desktop width', () => {
	for (const [label, viewport] of [
		['360', PHONE],
		['1280', DESKTOP]
	] as const) {
		it(`dashboard, coverage map and report tables render at ${label} px`, { timeout: 180_000 }, async () => {
			const { context, page } = await newPage(e2e.browser, e2e.server.url, viewport);
			// The map page draws every venue; on a loaded 2-core machine its first load is slow.
			page.setDefaultNavigationTimeout(90_000);
			await signInAsSupervisor(page);
			for (const [name, path] of [
				['coverage', '/coverage?preset=year'],
				['coverage-map', '/coverage/map?preset=year'],
				['coverage-report', '/coverage/report?preset=year'],
				['coverage-reflection', '/coverage/reflection']
			] as const) {
				await page.goto(path);
				if (name === 'coverage-map') {
					await page.waitForFunction(
						() => Number(document.querySelector('[data-venue-count]')?.getAttribute('data-venue-count')) > 0
					);
				}
				await screenshot(page, `${name}-${label}`);
				expect(
					await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
					name
				).toBeLessThanOrEqual(0);
			}
			await page.goto('/coverage/report?preset=year');
			await page.getByText(/screening aid, not a legal identification/).waitFor();
			await context.close();
		});
	}
});
