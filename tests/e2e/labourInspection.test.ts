/**
 * A labour inspection at a venue without network, on a 360 px phone: the labour inspector signs
 * in, the network is cut before the visit opens, and she records the employer, two workers, two
 * violations picked from the catalogue her phone pulled (one ordered remedied within 30 days and
 * linked to a worker) and the minutes, and submits the visit. When the network comes back the phone
 * syncs on its own; the test then reads the SERVER through the API (the team's pull), not the screen,
 * and the planner finds the control inspection due on the deadline in the planners' queue.
 */
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerRemainingRequired,
	goOffline,
	pullAll,
	recordOutcome,
	signInOnline,
	startFirstAssignment,
	submitInspection,
	waitForTodayList
} from '../support/field.ts';
import { signInAtDesk } from '../support/desk.ts';
import { formatDay } from '../../src/lib/domain/format/localeFormat.ts';
import { readLocal, tap } from '../support/visit.ts';
import { REPORTING_TIME_ZONE, todayIn } from '../../src/lib/domain/coverage/filters.ts';
import { addDays } from '../../src/lib/domain/field/teamDays.ts';
import { seedViolationKinds } from '../../src/lib/domain/labour/violationKinds.ts';

const e2e = serverAndBrowser();

/** Types a value and leaves the field: the form saves on change, as a person does on a phone. */
async function type(field: Locator, value: string): Promise<void> {
	await field.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await field.fill(value);
	await field.blur();
}

describe('a labour inspection, offline', () => {
	it('records workers, two violations and the minutes without network, and they all reach the server', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'labour1');
		await waitForTodayList(page);
		await page.locator('[data-offline-ready="true"]').waitFor();
		// The catalogue is reference data the first sync brings (its last pages): the visit needs no network.
		await expect
			.poll(async () => (await readLocal(page, 'violationKinds')).length, { timeout: 60_000 })
			.toBe(seedViolationKinds.length);
		await goOffline(context, page);

		const inspectionId = await startFirstAssignment(page);
		const section = page.locator('[data-labour-section]');
		await section.waitFor();

		await type(section.getByLabel("Employer's name"), 'Bar Kalaja SH.P.K.');
		await type(section.getByLabel('Business registration number'), '811234567');
		await section.getByLabel('Operating licence').selectOption({ label: 'Expired' });

		// Two workers; the first named, the second not (names are optional).
		await tap(section.getByRole('button', { name: 'Add a worker' }));
		await section.locator('[data-worker]').first().waitFor();
		await tap(section.getByRole('button', { name: 'Add a worker' }));
		await expect.poll(() => section.locator('[data-worker]').count()).toBe(2);
		const first = section.locator('[data-worker]').nth(0);
		await type(first.getByLabel('Name', { exact: true }), 'Ana');
		await first.getByLabel('Sex').selectOption({ label: 'Female' });
		await first.getByLabel('Contract signed before work').selectOption({ label: 'No' });
		const second = section.locator('[data-worker]').nth(1);
		await second.getByLabel('Declared to the tax administration').selectOption({ label: 'No' });

		// Two violations from the pulled catalogue; the first concerns Ana and is to be remedied in 30 days.
		const [noContract, undeclared] = seedViolationKinds;
		const kind = section.getByLabel('Kind of violation');
		await kind.selectOption(noContract!.id);
		await tap(section.getByRole('button', { name: 'Add the violation' }));
		await section.locator('[data-violation]').first().waitFor();
		await kind.selectOption(undeclared!.id);
		await tap(section.getByRole('button', { name: 'Add the violation' }));
		await expect.poll(() => section.locator('[data-violation]').count()).toBe(2);
		const violation = section.locator('[data-violation]').nth(0);
		await violation.getByText('Serious', { exact: true }).waitFor();
		await tap(violation.getByRole('checkbox', { name: 'Ana' }));
		await violation.getByRole('checkbox', { name: 'Ana' }).and(page.locator(':checked')).waitFor();
		const deadline = addDays(todayIn(REPORTING_TIME_ZONE), 30);
		await type(violation.getByLabel('Remedy by'), deadline);

		// The minutes: numbered, the representative refused to sign, a copy left.
		await type(section.getByLabel('Minutes number'), 'IP-2026-118');
		await section.getByLabel('Signature').selectOption({ label: 'Signature refused' });
		await section.getByLabel('Copy left with the employer').selectOption({ label: 'Yes' });
		await violation.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'labour-inspection-360');

		// Submitted on site, still offline: the order to remedy counts from the submission.
		await answerRemainingRequired(page);
		await recordOutcome(page, /labour violations/i, 'Two workers without papers');
		await submitInspection(page);

		await context.setOffline(false);
		const records = async () =>
			[...(await pullAll(page.request)).values()].filter(
				(change) => change.op === 'upsert' && change.data?.inspectionId === inspectionId
			);
		const arrived = async () => {
			const held = await records();
			const of = (entity: string) => held.filter((change) => change.entity === entity).map((change) => change.data!);
			return {
				record: of('labourRecord'),
				workers: of('checkedWorker'),
				violations: of('violation')
			};
		};
		await expect
			.poll(
				async () => {
					const { record, workers, violations } = await arrived();
					return (
						record[0]?.minutesCopyLeft === true &&
						workers.length === 2 &&
						violations.length === 2 &&
						violations.some((v) => v.remedyDeadline === deadline)
					);
				},
				{ timeout: 90_000, interval: 1000 }
			)
			.toBe(true);

		const { record, workers, violations } = await arrived();
		expect(record).toHaveLength(1);
		expect(record[0]).toMatchObject({
			employerName: 'Bar Kalaja SH.P.K.',
			businessRegNo: '811234567',
			licence: 'expired',
			minutesNo: 'IP-2026-118',
			minutesSignature: 'refused',
			minutesCopyLeft: true
		});
		const ana = workers.find((worker) => worker.name === 'Ana');
		expect(ana).toMatchObject({ sex: 'female', contractBeforeWork: 'no' });
		expect(workers.find((worker) => worker !== ana)).toMatchObject({ name: '', declaredToTax: 'no' });
		const ordered = violations.find((v) => v.kindId === noContract!.id);
		expect(ordered).toMatchObject({ remedyDeadline: deadline, workerIds: [ana!.id as string] });
		expect(violations.find((v) => v.kindId === undeclared!.id)).toMatchObject({ remedyDeadline: null, workerIds: [] });
		await context.close();

		// The planner sees the control inspection due on the deadline, with the visit that ordered it.
		const desk = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		await signInAtDesk(desk.page, 'planner');
		await desk.page.goto('/plan');
		const followUp = desk.page
			.locator('.follow-ups li')
			.filter({ has: desk.page.locator(`a[href="/inspections/${inspectionId}"]`) });
		await followUp.getByText(`Due ${formatDay(deadline, 'en', 'weekday')}`).waitFor();
		await followUp.getByText('Violations to check: 1').waitFor();
		await followUp.getByText('Not planned yet').waitFor();
		await followUp.evaluate((element) => element.scrollIntoView({ block: 'center' }));
		await screenshot(desk.page, 'follow-up-due-1280');
		await desk.context.close();
	});
});
