/**
 * In Chromium at phone size: the default template asks nationality as a country item; an
 * inspector offline finds a country by typing a few letters, takes it with Enter, and the person
 * reaches the server with its ISO code once the network returns.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { goOffline, pullAll, signInOnline, startFirstAssignment, waitForTodayList } from '../support/field.ts';
import { addPerson, readLocal, tap } from '../support/visit.ts';

const e2e = serverAndBrowser();

describe('nationality from the country list', () => {
	it('is found by typing, offline, and arrives as its ISO code', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		// The template on the phone before the network goes: the first pull runs on past the Today list.
		await expect
			.poll(async () => (await readLocal<{ templateVersion: number }>(page, 'checklistTemplates')).length, {
				timeout: 60_000
			})
			.toBeGreaterThan(0);
		await goOffline(context, page);
		const inspectionId = await startFirstAssignment(page);
		const card = await addPerson(page);
		const nationality = card
			.locator('fieldset.item')
			.filter({ has: page.locator('legend', { hasText: /^Nationality/ }) });
		// The usual countries are offered at once, Kosovo first.
		await expect.poll(() => nationality.getByRole('radio').first().getAttribute('value')).toBe('XK');
		const search = nationality.getByRole('searchbox', { name: 'Find a country' });
		await tap(search);
		await search.fill('mold');
		await nationality.getByRole('status').filter({ hasText: 'Found: 1' }).waitFor();
		await search.press('Enter');
		await nationality.getByRole('radio', { name: 'Moldova', exact: true }).and(page.locator(':checked')).waitFor();
		await screenshot(page, 'country-picker-360');

		await context.setOffline(false);
		await expect
			.poll(
				async () => {
					const pulled = [...(await pullAll(page.request)).values()];
					const person = pulled.find(
						(change) => change.entity === 'screenedPerson' && change.data?.inspectionId === inspectionId
					)?.data;
					const answers = person?.answers as Record<string, unknown> | undefined;
					return person && { nationality: person.nationality, answer: answers?.nationality };
				},
				{ timeout: 60_000 }
			)
			.toEqual({ nationality: 'MD', answer: 'MD' });
		await context.close();
	}, 240_000);
});
