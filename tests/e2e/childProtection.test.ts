/**
 * A minor met in a club, recorded with no network: the network is cut before the visit opens and
 * comes back only after it is submitted. The person's card switches to the child protocol, the
 * visit cannot be submitted until the Centre for Social Work is informed, and the server then holds
 * the minor screened on the children's list with the referral (read through its API).
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerNumber,
	answerRemainingRequired,
	goOffline,
	pullAll,
	recordOutcome,
	signInOnline,
	startFirstAssignment,
	submitInspection,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';
import { addPerson, answer, tap } from '../support/visit.ts';

const e2e = serverAndBrowser();

describe('a minor met at a night venue starts the child-protection pathway', () => {
	it('shows the child protocol, holds the submission for the social-work referral, and syncs both', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await goOffline(context, page);

		const inspectionId = await startFirstAssignment(page);
		// One minor counted at the venue: the step starts before anyone is recorded as a person.
		await answerNumber(page, /^Minors working, present/, 1);
		await answerRemainingRequired(page);
		await recordOutcome(page, /indicators of trafficking/i, 'A girl serving at the bar.');
		const step = page.locator('#child-protection');
		await step.getByText(/Minors were counted at the venue/).waitFor();
		expect(await page.getByRole('button', { name: /^submit$/i }).isDisabled()).toBe(true);

		// The girl, recorded as a person: the card shows the child protocol, not the full interview.
		const girl = await addPerson(page);
		await answer(girl, 'Sex', 'Female');
		await answer(girl, 'Age', '14–17');
		const protocol = girl.locator('[data-child-protocol]');
		await protocol.getByText(/Call the social worker on duty/).waitFor();
		expect(await girl.getByText(/different from what you were promised/).count()).toBe(0);
		await protocol.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-child-protocol-360');
		expect(await page.getByRole('button', { name: /^submit$/i }).isDisabled()).toBe(true);

		// The Centre for Social Work is the first target offered for a minor.
		await tap(girl.getByRole('button', { name: 'Record a referral' }));
		const form = girl.locator('form.referral-form');
		expect(await form.getByRole('radio', { name: 'Centre for Social Work' }).isChecked()).toBe(true);
		await tap(form.getByRole('radio', { name: 'Yes, consented' }));
		// For a minor the guardian (or the Centre) consents, never the child alone.
		await tap(form.getByRole('radio', { name: 'The guardian' }));
		await tap(form.getByRole('button', { name: 'Save the referral' }));
		await girl.locator('.made li').filter({ hasText: 'Centre for Social Work' }).waitFor();
		await step.getByText(/has been informed for every minor/).waitFor();

		await submitInspection(page);
		await context.setOffline(false);

		const inspection = await waitForServerRecord(
			page.request,
			'inspection',
			inspectionId,
			(data) => data.status === 'submitted'
		);
		expect(inspection.peoplePresent).toMatchObject({ minorsPresent: true });
		const records = [...(await pullAll(page.request)).values()];
		const person = records.find((r) => r.entity === 'screenedPerson' && r.data?.inspectionId === inspectionId);
		expect(person?.data).toMatchObject({
			ageBand: '14_17',
			isMinor: true,
			catalogueVersion: 2,
			listResults: [
				{ list: 'child_sexual', result: 'no_indicators' },
				{ list: 'child_labour', result: 'no_indicators' }
			]
		});
		const referral = await expect
			.poll(() =>
				pullAll(page.request).then((all) =>
					[...all.values()].find((r) => r.entity === 'referral' && r.data?.personId === person!.id)
				)
			)
			.toBeDefined();
		void referral;
		const referred = [...(await pullAll(page.request)).values()].find(
			(r) => r.entity === 'referral' && r.data?.personId === person!.id
		);
		expect(referred?.data).toMatchObject({ target: 'centre_for_social_work', inspectionId, consentBy: 'guardian' });
		await context.close();
	}, 300_000);
});
