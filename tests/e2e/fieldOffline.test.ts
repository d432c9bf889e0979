import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerNumber,
	answerRemainingRequired,
	answerYesNo,
	DEMO_PASSWORD,
	goOffline,
	inspectionIdOf,
	question,
	recordOutcome,
	signInOnline,
	unlockApp,
	startFirstAssignment,
	submitInspection,
	waitForServerRecord,
	waitForStoredAnswer,
	waitForTodayList
} from '../support/field.ts';

const e2e = serverAndBrowser();

describe('the inspector records an inspection offline', () => {
	it('keeps every answer through a closed tab and delivers the submitted inspection when the network returns', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await screenshot(page, 'field-today-360');

		await goOffline(context, page);
		const id = await startFirstAssignment(page);
		await screenshot(page, 'field-checklist-360');

		await answerYesNo(page, /^Is the business registered/, 'Yes');
		await answerNumber(page, /^Adult women working/, 3);
		await answerYesNo(page, /^Are there health and safety hazards/, 'Yes');
		const details = question(page, /^Which hazards/).getByRole('textbox');
		await details.fill('Exposed wiring behind the bar');
		// Saved as typed, with no save button: the device's database has it before the tab goes.
		await waitForStoredAnswer(page, id, 'health_safety_details', 'Exposed wiring behind the bar');

		// The tab is closed mid-way; the inspector opens the inspection again, still offline.
		await page.close();
		const reopened = await context.newPage();
		await reopened.goto(`/visit/${id}`);
		// A new tab starts locked: the data key lives in memory only.
		await unlockApp(reopened);
		await reopened
			.getByRole('status')
			.filter({ hasText: /required questions answered/i })
			.waitFor();
		expect(
			await question(reopened, /^Is the business registered/)
				.getByRole('radio', { name: 'Yes', exact: true })
				.isChecked()
		).toBe(true);
		expect(
			await question(reopened, /^Adult women working/)
				.getByRole('spinbutton')
				.inputValue()
		).toBe('3');
		expect(
			await question(reopened, /^Which hazards/)
				.getByRole('textbox')
				.inputValue()
		).toBe('Exposed wiring behind the bar');

		await answerRemainingRequired(reopened);
		await recordOutcome(reopened, /labour violations found/i, 'Two workers without contracts.');
		await screenshot(reopened, 'field-review-360');
		await submitInspection(reopened);
		expect(inspectionIdOf(reopened)).toBe(id);
		// Locked: no answer can be changed any more.
		expect(
			await question(reopened, /^Is the business registered/)
				.getByRole('radio', { name: 'No', exact: true })
				.isDisabled()
		).toBe(true);
		await screenshot(reopened, 'field-submitted-360');

		await reopened.goto('/today');
		await unlockApp(reopened);
		await reopened.locator('[data-assignment]').first().getByText(/done/i).waitFor();

		await context.setOffline(false);
		const onServer = await waitForServerRecord(
			reopened.request,
			'inspection',
			id,
			(data) => data.status === 'submitted'
		);
		expect(onServer.outcome).toBe('labour_violations');
		expect(onServer.answers).toMatchObject({
			business_registered: 'yes',
			women_present: 3,
			health_safety_hazards: 'yes',
			health_safety_details: 'Exposed wiring behind the bar'
		});
		// Counted once, in the checklist (the other counts answered 0 above).
		expect(onServer.peoplePresent).toEqual({ women: 3, men: 0, minorsPresent: false });
		expect(onServer.checkIn).toMatchObject({ lat: null, overrideReason: 'Basement bar, no GPS signal' });
		const assignment = await waitForServerRecord(
			reopened.request,
			'assignment',
			onServer.assignmentId as string,
			(data) => data.status === 'done'
		);
		expect(assignment.status).toBe('done');
		await context.close();
	}, 300_000);

	it('opens offline in a new tab when the network went a second after a fast sign-in', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		// Signed in at once, before the service worker had taken control of the sign-in page.
		await page.goto('/login');
		await page.getByLabel(/username/i).fill('labour2');
		await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL('**/today');
		await page.waitForTimeout(1000);
		await context.setOffline(true);

		const tab = await context.newPage();
		await tab.goto('/today');
		// The app itself starts (its lock asks for the PIN to choose), not an error or the browser's page.
		await tab.locator('[data-lock]').waitFor();
		expect(await tab.locator('body').innerText()).not.toMatch(/internal error|500/i);
		await screenshot(tab, 'field-offline-new-tab-360');
		await context.close();
	}, 180_000);
});
