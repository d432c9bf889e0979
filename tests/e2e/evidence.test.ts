/**
 * A police inspector logs evidence on a phone with no network: the network is cut before the visit
 * starts. At the venue she takes a photo, logs a passport held by the manager with that photo, hands
 * it over to a named officer and records a criminal report (trafficking in persons, two arrests).
 * When the network returns the phone sends it all by itself; the server has the item and its
 * hand-over (the officer's pull through the API) and the report (her labour teammate's pull, which
 * carries no evidence: that is the police's), and the supervisor's inspection page shows the chain of
 * custody verified against the audit log.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	DEMO_PASSWORD,
	goOffline,
	pullAll,
	signInOnline,
	startFirstAssignment,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';
import { cameraPicture, tap } from '../support/visit.ts';

const e2e = serverAndBrowser();

describe('evidence logged offline by a police inspector', () => {
	it('reaches the server with its photo, its hand-over and the criminal report, and its chain verifies', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await page.locator('[data-offline-ready="true"]').waitFor();
		await goOffline(context, page);

		const inspectionId = await startFirstAssignment(page);
		await page
			.getByLabel('Choose photos from the phone')
			.setInputFiles([{ name: 'safe.jpg', mimeType: 'image/jpeg', buffer: await cameraPicture(page, 'Office safe') }]);
		const photo = page.locator('[data-photo-id]');
		await photo.waitFor();
		const photoId = (await photo.getAttribute('data-photo-id'))!;

		const police = page.locator('section.police');
		await tap(police.getByRole('button', { name: 'Log an item' }));
		const itemForm = police.getByRole('form', { name: 'Log an item' });
		await itemForm.getByLabel('Kind').selectOption({ label: 'Passport' });
		await itemForm.getByLabel('Description').fill('Moldovan passport held by the manager');
		await itemForm.getByLabel('Where found').fill('Office safe');
		await itemForm.getByLabel('Found by').selectOption({ label: 'Teuta Bytyqi' });
		await itemForm.getByLabel('Photo', { exact: true }).selectOption({ label: 'Photo 1' });
		await itemForm.getByLabel('Seal number').fill('S-0042');
		await screenshot(page, 'evidence-item-form-360');
		await tap(itemForm.getByRole('button', { name: 'Save the item' }));
		const item = police.locator('[data-evidence-id]');
		await item.waitFor();
		const itemId = (await item.getAttribute('data-evidence-id'))!;

		await tap(item.getByRole('button', { name: 'Hand over' }));
		const handOver = item.getByRole('form', { name: 'Hand over' });
		await handOver.getByLabel('Received by').fill('Officer Arben Krasniqi');
		await handOver.getByLabel('Unit').fill('Anti-trafficking unit, Prishtinë');
		await handOver.getByLabel('Reference').fill('RV-114/26');
		await tap(handOver.getByRole('button', { name: 'Record the hand-over' }));
		const transfer = item.locator('[data-transfer-id]');
		await transfer.filter({ hasText: 'Officer Arben Krasniqi' }).waitFor();
		const transferId = (await transfer.getAttribute('data-transfer-id'))!;

		await tap(police.getByRole('button', { name: 'Add a criminal report' }));
		const reportForm = police.getByRole('form', { name: 'Criminal reports' });
		await reportForm.getByLabel('Offence').selectOption({ label: 'Trafficking in persons' });
		await reportForm.getByLabel('Arrests').fill('2');
		await reportForm.getByLabel('Police case number').fill('PK-2026-114');
		await tap(reportForm.getByRole('button', { name: 'Save the report' }));
		const report = police.locator('[data-report-id]');
		await report.filter({ hasText: '2 arrests' }).waitFor();
		const reportId = (await report.getAttribute('data-report-id'))!;
		await item.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'evidence-chain-360');

		// Back online: the phone sends the records itself; the pulls show what the server holds.
		await context.setOffline(false);
		await waitForServerRecord(page.request, 'custodyTransfer', transferId, () => true, 90_000);
		const teammate = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(teammate.page, 'labour1');
		const request = teammate.page.request;
		// Evidence is the police's: the labour teammate's phone gets the report, the police officer's the evidence.
		expect(await waitForServerRecord(page.request, 'evidenceItem', itemId, () => true)).toMatchObject({
			inspectionId,
			kind: 'passport',
			description: 'Moldovan passport held by the manager',
			whereFound: 'Office safe',
			attachmentId: photoId,
			sealNo: 'S-0042'
		});
		expect(await waitForServerRecord(page.request, 'custodyTransfer', transferId, () => true)).toMatchObject({
			evidenceItemId: itemId,
			receivedBy: 'Officer Arben Krasniqi',
			receivedUnit: 'Anti-trafficking unit, Prishtinë',
			reference: 'RV-114/26'
		});
		expect(await waitForServerRecord(request, 'criminalReport', reportId, () => true)).toMatchObject({
			inspectionId,
			offence: 'trafficking_in_persons',
			arrests: 2,
			policeCaseNo: 'PK-2026-114'
		});
		expect((await pullAll(request)).has(`evidenceItem:${itemId}`)).toBe(false);

		// The supervisor's page proves the chain from the audit log.
		const office = await newPage(e2e.browser, e2e.server.url, PHONE);
		await office.page.goto('/login');
		await office.page.getByLabel(/username/i).fill('supervisor');
		await office.page.getByLabel(/password/i).fill(DEMO_PASSWORD);
		await office.page.getByRole('button', { name: /sign in/i }).click();
		await office.page.waitForURL((url) => !url.pathname.startsWith('/login'));
		await office.page.goto(`/inspections/${inspectionId}`);
		const evidence = office.page.locator(`[data-evidence-id="${itemId}"]`);
		await evidence.locator('[data-custody="verified"]').waitFor();
		expect(await evidence.locator(`[data-transfer-id="${transferId}"]`).innerText()).toContain('Arton Morina');
		await office.page.locator('[data-report-offence="trafficking_in_persons"]').waitFor();
		await evidence.evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(office.page, 'evidence-office-360');
	});
});
