/**
 * A foreign adult possible victim referred under the current SOP, on a phone with no network: the
 * network is cut before the visit opens and comes back after it is submitted. She is referred to
 * the police (ex officio, with her consent to assistance, through an independent interpreter) and
 * to the migration authority; the 90-day reflection period starts today and its dates show on her
 * record on the phone. After the visit is submitted and locked her case still moves on (the police
 * identify her). After the sync the server has it all (the API, and the supervisor's inspection
 * page); and when the period is close to its end — the browser's clock moved 80 days on — the
 * phone reminds the team, on Today and on her record.
 *
 * The clock is Playwright's (`page.clock`), not a test-only "now" on the server: the reminder is
 * computed on the phone, offline, from the phone's date, so the phone's clock is what must move.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerRemainingRequired,
	goOffline,
	pullAll,
	recordOutcome,
	signInOnline,
	startFirstAssignment,
	submitInspection,
	unlockApp,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';
import { addPerson, answer, possibleVictimQuestions, tap } from '../support/visit.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { REPORTING_TIME_ZONE, todayIn } from '../../src/lib/domain/coverage/filters.ts';
import { formatDay } from '../../src/lib/domain/format/localeFormat.ts';
import { reflectionEnd } from '../../src/lib/domain/records/reflectionPeriod.ts';

const e2e = serverAndBrowser();
const DAY_MS = 86_400_000;

describe('a foreign victim referred under the current SOP, offline', () => {
	it('gets the 90-day reflection period with its dates on the phone and the server, and a reminder near its end', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await page.locator('[data-offline-ready="true"]').waitFor();
		await goOffline(context, page);

		const inspectionId = await startFirstAssignment(page);
		await answerRemainingRequired(page);
		const victim = await addPerson(page);
		await answer(victim, 'Sex', 'Female');
		await answer(victim, 'Age', '23–25');
		await answer(victim, 'Nationality', 'Moldova');
		for (const item of possibleVictimQuestions(defaultTemplate)) await answer(victim, item.label.en, 'Yes');
		await victim.locator(':scope > summary').getByText('Possible victim', { exact: true }).waitFor();
		const personId = (await victim.getAttribute('data-person-id'))!;

		// The police first, as the SOP orders: informed ex officio, and apart from that she consents to assistance.
		const today = todayIn(REPORTING_TIME_ZONE);
		const end = reflectionEnd(today);
		const dates = `Reflection period: ${formatDay(today, 'en', 'weekday')} – ${formatDay(end, 'en', 'weekday')} (90 days)`;
		await tap(victim.getByRole('button', { name: 'Record a referral' }));
		let form = victim.locator('form.referral-form');
		expect(await form.getByRole('radio', { name: 'Police anti-trafficking unit' }).isChecked()).toBe(true);
		expect(await form.getByRole('checkbox', { name: /ex officio/ }).isChecked()).toBe(true);
		await tap(form.getByRole('radio', { name: 'Yes, consented' }));
		await tap(form.getByRole('radio', { name: 'The person' }));
		const interpreter = form.locator('fieldset.interpreter');
		await interpreter.getByLabel('Language interpreted').fill('Romanian');
		await interpreter.getByLabel('Who interpreted').fill('Court interpreter, Prishtinë list');
		// A "translator" from the venue would be an indicator: the form says so, and not once she is independent.
		await tap(interpreter.getByRole('radio', { name: 'No', exact: true }));
		await interpreter.getByText(/itself an indicator of trafficking/).waitFor();
		await tap(interpreter.getByRole('radio', { name: 'Yes', exact: true }));
		expect(await interpreter.getByText(/itself an indicator of trafficking/).count()).toBe(0);
		await tap(form.getByRole('radio', { name: 'High', exact: true }));
		await form.getByLabel('Reflection and recovery period starts on').fill(today);
		await form.getByTestId('reflection-dates').filter({ hasText: dates }).waitFor();
		await screenshot(page, 'referral-sop-form-360');
		await tap(form.getByRole('button', { name: 'Save the referral' }));
		await victim.locator('.made li').filter({ hasText: 'Police anti-trafficking unit' }).waitFor();

		// A foreign victim: the migration authority, for her residence permit.
		await tap(victim.getByRole('button', { name: 'Record a referral' }));
		form = victim.locator('form.referral-form');
		await tap(form.getByRole('radio', { name: 'Migration authority (residence permit)' }));
		expect(await form.getByRole('checkbox', { name: /ex officio/ }).isChecked()).toBe(false);
		// The case is kept on the referral to the police only.
		expect(await form.getByLabel('Reflection and recovery period starts on').count()).toBe(0);
		await tap(form.getByRole('radio', { name: 'Yes, consented' }));
		await tap(form.getByRole('radio', { name: 'The person' }));
		await tap(form.getByRole('button', { name: 'Save the referral' }));
		await victim.locator('.made li').filter({ hasText: 'Migration authority' }).waitFor();

		// Her record on the phone: the period's dates, and no reminder yet (it is 90 days away).
		const personCase = victim.getByTestId('person-case');
		await personCase.getByTestId('reflection-dates').filter({ hasText: dates }).waitFor();
		expect(await victim.getByTestId('reflection-reminder').count()).toBe(0);
		await personCase.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		await screenshot(page, 'referral-sop-person-case-360');

		await recordOutcome(page, /indicators of trafficking/i, 'One woman referred.');
		await submitInspection(page);

		// The visit is locked, her case is not: the police identify her days later, still offline here.
		const card = page.locator(`details.person[data-person-id="${personId}"]`);
		if ((await card.getAttribute('open')) === null) await tap(card.locator(':scope > summary'));
		await tap(card.getByRole('button', { name: 'Update the case' }));
		const caseForm = card.getByTestId('person-case').locator('form');
		await tap(caseForm.getByRole('radio', { name: 'Identified as a victim' }));
		await caseForm.getByLabel('Date of the decision').fill(today);
		await caseForm.getByLabel("Prosecutor's case number").fill('PP-114/26');
		await tap(caseForm.getByRole('button', { name: 'Save the case' }));
		await card.getByTestId('person-case').getByText('Identified as a victim').waitFor();

		await context.setOffline(false);
		await waitForServerRecord(page.request, 'inspection', inspectionId, (data) => data.status === 'submitted');
		const referralsOnServer = async () =>
			[...(await pullAll(page.request)).values()]
				.filter((record) => record.entity === 'referral' && record.data?.personId === personId)
				.map((record) => record.data!);
		// The case's update went after the submission; it arrives in the same sync or the next.
		await expect
			.poll(async () => (await referralsOnServer()).find((r) => r.formalIdentification === 'yes'), {
				timeout: 60_000,
				interval: 1000
			})
			.toBeDefined();
		const referrals = await referralsOnServer();
		expect(referrals.map((r) => r.target).sort()).toEqual(['migration_authority', 'police_anti_trafficking']);
		const police = referrals.find((r) => r.target === 'police_anti_trafficking');
		expect(police).toMatchObject({
			exOfficio: true,
			consent: true,
			consentBy: 'person',
			interpreterLanguage: 'Romanian',
			interpreterName: 'Court interpreter, Prishtinë list',
			interpreterIndependent: true,
			riskLevel: 'high',
			reflectionStart: today,
			formalIdentification: 'yes',
			formalIdentificationDate: today,
			prosecutorCaseNo: 'PP-114/26'
		});

		// The supervisor reads the period's dates, computed by the server, on the inspection.
		const office = await newPage(e2e.browser, e2e.server.url, PHONE);
		await office.page.goto('/login');
		await office.page.getByLabel(/username/i).fill('supervisor');
		await office.page.getByLabel(/password/i).fill('kontrolla-demo');
		await office.page.getByRole('button', { name: /sign in/i }).click();
		await office.page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await office.page.goto(`/inspections/${inspectionId}`);
		await office.page.getByTestId('reflection-dates').filter({ hasText: dates }).waitFor();
		await office.context.close();

		// 80 days on, the period ends in ten days: the phone reminds the team on Today and on her record.
		await page.clock.setFixedTime(new Date(Date.parse(`${today}T10:00:00Z`) + 80 * DAY_MS));
		await page.goto('/today');
		await unlockApp(page);
		// The demo's older cases are on the list too; a long list is folded.
		const reminders = page.getByTestId('today-reflection');
		if ((await reminders.getAttribute('open')) === null) await tap(reminders.locator('summary'));
		const reminder = page
			.getByTestId('today-reflection')
			.getByRole('listitem')
			.filter({
				hasText: `Reflection period ends on ${formatDay(end, 'en', 'weekday')}`
			});
		await reminder.waitFor();
		await screenshot(page, 'referral-sop-today-reminder-360');
		await tap(reminder.getByRole('link', { name: 'Open the visit' }));
		await page.waitForURL(`**/visit/${inspectionId}`);
		if ((await card.getAttribute('open')) === null) await tap(card.locator(':scope > summary'));
		await card
			.getByTestId('reflection-reminder')
			.filter({ hasText: `Reflection period ends on ${formatDay(end, 'en', 'weekday')}` })
			.waitFor();
		await card.getByTestId('reflection-reminder').evaluate((element) => element.scrollIntoView({ block: 'center' }));
		await screenshot(page, 'referral-sop-reminder-360');
		await context.close();
	}, 300_000);
});
