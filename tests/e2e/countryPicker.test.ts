/**
 * In Chromium at phone size: a planner publishes a template whose nationality is a country item;
 * an inspector offline finds a country by typing a few letters, takes it with Enter, and the
 * person reaches the server with its ISO code once the network returns.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	DEMO_PASSWORD,
	goOffline,
	pullAll,
	signInOnline,
	startFirstAssignment,
	waitForTodayList
} from '../support/field.ts';
import { addPerson, readLocal, tap } from '../support/visit.ts';

const e2e = serverAndBrowser();

describe('nationality from the country list', () => {
	it('is found by typing, offline, and arrives as its ISO code', async () => {
		const planner = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		await planner.page.goto('/login');
		await planner.page.getByLabel(/username/i).fill('planner');
		await planner.page.getByLabel(/password/i).fill(DEMO_PASSWORD);
		await planner.page.getByRole('button', { name: /sign in/i }).click();
		await planner.page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await planner.page.goto('/plan/templates');
		const definition = planner.page.getByLabel('Template (JSON)');
		const draft = JSON.parse(await definition.inputValue()) as {
			sections: { items: { id: string; kind: string; label: unknown }[] }[];
		};
		for (const section of draft.sections) {
			section.items = section.items
				.filter((item) => item.id !== 'nationality_other')
				.map((item) => (item.id === 'nationality' ? { id: item.id, kind: 'country', label: item.label } : item));
		}
		await definition.fill(JSON.stringify(draft));
		await planner.page.getByRole('button', { name: 'Publish', exact: true }).click();
		await planner.page.getByText(/^Published “.*”, version 2\.$/).waitFor();
		await planner.context.close();

		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		// The new template on the phone before the network goes: the first pull runs on past the Today list.
		await expect
			.poll(async () => (await readLocal<{ templateVersion: number }>(page, 'checklistTemplates')).length, {
				timeout: 60_000
			})
			.toBe(2);
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
