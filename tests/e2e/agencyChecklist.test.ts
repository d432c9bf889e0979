/**
 * A joint team's two phones on one visit, each offline while it works: the police officer answers a
 * police question (weapons seen), the labour inspector a labour one (written contracts). After each
 * phone syncs, the server holds both answers (the police officer's pull through the API), while the
 * labour inspector's phone never holds the police question or its answer — not in its template,
 * not in its copy of the visit — and its push did not wipe it.
 */
import { describe, expect, it } from 'vitest';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerYesNo,
	goOffline,
	passLock,
	question,
	signInOnline,
	startFirstAssignment,
	waitForServerRecord,
	waitForStoredAnswer,
	waitForTodayList
} from '../support/field.ts';
import { readLocal } from '../support/visit.ts';

const e2e = serverAndBrowser();

type Local = {
	id: string;
	answers?: Record<string, unknown>;
	definition?: { sections: { items: { id: string }[] }[] };
};

describe('a joint team records both agencies’ parts of one visit', () => {
	it('keeps the police answer on the server and off the labour phone', async () => {
		const police = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(police.page, 'police1');
		await waitForTodayList(police.page);
		await police.page.locator('[data-offline-ready="true"]').waitFor();
		await goOffline(police.context, police.page);
		const inspectionId = await startFirstAssignment(police.page);
		await answerYesNo(police.page, /^Were weapons seen/, 'Yes');
		await waitForStoredAnswer(police.page, inspectionId, 'weapons_seen', 'yes');
		await police.context.setOffline(false);
		await waitForServerRecord(police.page.request, 'inspection', inspectionId, (data) => {
			return (data.answers as Record<string, unknown>).weapons_seen === 'yes';
		});

		const labour = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(labour.page, 'labour1');
		await waitForTodayList(labour.page);
		await labour.page.locator('[data-offline-ready="true"]').waitFor();
		// The teammate's visit reaches the labour phone by the ordinary sync before the network goes.
		await expect
			.poll(async () => (await readLocal<Local>(labour.page, 'inspections')).some((row) => row.id === inspectionId), {
				timeout: 60_000
			})
			.toBe(true);
		await goOffline(labour.context, labour.page);
		await labour.page.goto(`/visit/${inspectionId}`);
		await passLock(labour.page);
		await question(labour.page, /^Do all workers present have written contracts/).waitFor();
		// The phone shows only what it received: no police question.
		expect(await question(labour.page, /^Were weapons seen/).count()).toBe(0);
		await screenshot(labour.page, 'agency-checklist-labour-360');
		await answerYesNo(labour.page, /^Do all workers present have written contracts/, 'No');
		await waitForStoredAnswer(labour.page, inspectionId, 'written_contracts', 'no');
		await labour.context.setOffline(false);

		const onServer = await waitForServerRecord(police.page.request, 'inspection', inspectionId, (data) => {
			return (data.answers as Record<string, unknown>).written_contracts === 'no';
		});
		expect(onServer.answers).toMatchObject({ weapons_seen: 'yes', written_contracts: 'no' });

		const visits = await readLocal<Local>(labour.page, 'inspections');
		const visit = visits.find((row) => row.id === inspectionId);
		expect(visit?.answers).toMatchObject({ written_contracts: 'no' });
		expect(visit?.answers).not.toHaveProperty('weapons_seen');
		const templates = await readLocal<Local>(labour.page, 'checklistTemplates');
		const items = templates.flatMap((row) => row.definition?.sections.flatMap((s) => s.items.map((i) => i.id)) ?? []);
		expect(items).toContain('written_contracts');
		expect(items).not.toContain('weapons_seen');
	});
});
