/**
 * A person met in a venue reads their rights and answers the question cards themselves, in
 * Romanian, on the inspector's phone with no network. What counts is what the server holds once
 * the network returns, read through its API: the answers, with the language and text version.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	goOffline,
	signInOnline,
	startFirstAssignment,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';
import { addPerson, answer, readLocal, tap } from '../support/visit.ts';

const e2e = serverAndBrowser();

describe('information in the person’s language', () => {
	it('a person answers the question cards in Romanian offline, and the server gets them with the language and version', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		// The texts are reference data the first pull brings: the screen needs no network. The pull
		// is paged, so today's list can show before the last page has landed; wait for it.
		await expect
			.poll(
				async () =>
					(await readLocal<{ language: string }>(page, 'personTexts')).filter((t) => t.language === 'ro').length,
				{ timeout: 30_000, interval: 250 }
			)
			.toBeGreaterThan(0);

		await goOffline(context, page);
		await startFirstAssignment(page);
		const person = await addPerson(page);
		const personId = (await person.getAttribute('data-person-id'))!;
		await answer(person, 'Sex', 'Female');

		await tap(person.getByRole('button', { name: 'Show to the person' }));
		const screen = page.getByRole('dialog', { name: 'Information for the person' });
		await screen.getByRole('button', { name: 'Română' }).click();
		// Not yet checked by a translator: the officer is told so, in the interface language.
		await screen.getByText('Translation not yet reviewed by a qualified translator.').waitFor();
		await screen.getByRole('heading', { name: 'Drepturile dumneavoastră' }).waitFor();
		await screen.getByText(/cel puțin 90 de zile/).waitFor();
		await screen.getByRole('link', { name: '0800 19999' }).waitFor();
		await screenshot(page, 'person-info-rights-ro-360');

		await screen.getByRole('button', { name: 'Răspundeți la întrebări' }).click();
		await screen.getByText('Munca, locul de muncă sau angajatorul sunt diferite de ce vi s-a promis?').waitFor();
		await screenshot(page, 'person-info-card-ro-360');
		await screen.getByRole('button', { name: 'Da', exact: true }).click();
		await screen.getByText('Sunteți plătit(ă) mai puțin decât vi s-a promis?').waitFor();
		await screen.getByRole('button', { name: 'Nu', exact: true }).click();
		await screen.getByText(/programul sau condițiile de muncă/i).waitFor();
		await screen.getByRole('button', { name: 'Da', exact: true }).click();
		await screen.getByText('Vi s-au promis acte', { exact: false }).waitFor();
		await screen.getByRole('button', { name: 'Close' }).click();
		await screen.waitFor({ state: 'hidden' });
		await person.getByText(/3 answers given by the person on the cards \(Română, texts version 1\)/).waitFor();

		await context.setOffline(false);
		const onServer = await waitForServerRecord(
			page.request,
			'screenedPerson',
			personId,
			(data) => (data.selfAnswered as { items?: string[] } | null)?.items?.length === 3
		);
		expect(onServer.selfAnswered).toEqual({
			language: 'ro',
			textVersion: 1,
			items: ['deceived_about_job', 'deceived_about_wages', 'deceived_about_conditions']
		});
		expect(onServer.answers).toMatchObject({
			sex: 'female',
			deceived_about_job: 'yes',
			deceived_about_wages: 'no',
			deceived_about_conditions: 'yes'
		});
		await context.close();
	}, 300_000);
});
