/**
 * The embargo end to end (issue 17): a planner plans an operation with a team of two inspectors; both
 * phones, signed in, hold nothing of it; the planner releases it on its page and both phones get it
 * through their own sync; then the operation's date moves into the past, its target list expires
 * from the phones, while an inspection one phone recorded offline before stays and reaches the
 * server when the network returns. The expiry is set to a few seconds past the operation's day
 * (`OPERATION_EXPIRY_DAYS`), so an operation dated yesterday has expired.
 */
import { describe, expect, it } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import { signInAtDesk } from '../support/desk.ts';
import { calendarDay } from '../../src/lib/domain/field/teamDays.ts';
import { inspectionIdOf, signInOnline, waitForServerRecord, waitForTodayList } from '../support/field.ts';
import { readLocal } from '../support/visit.ts';

const e2e = serverAndBrowser({ OPERATION_EXPIRY_DAYS: '0.0001' });

// Days of the operations' calendar (Kosovo's), as the phones' Today and the server read them: UTC's
// date is yesterday's there from 23:00 or midnight, when this test used to fail.
const day = (offset: number) => calendarDay(new Date(Date.now() + offset * 86_400_000));

/** Posts a form action as the page's enhanced form does; answers SvelteKit's action result. */
async function action(request: APIRequestContext, path: string, fields: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
	const response = await request.post(path, {
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			origin: e2e.server.url
		},
		data: body.toString()
	});
	const answer = (await response.json()) as { type: string; location?: string; data?: string };
	if (answer.type !== 'success' && answer.type !== 'redirect') throw new Error(`${path}: ${JSON.stringify(answer)}`);
	return answer;
}

const localIds = async (page: Page, store: string) =>
	(await readLocal<{ id: string }>(page, store)).map((row) => row.id);

/** Reloads the phone (a sync runs on start) until its database satisfies `ready`. */
async function syncUntil(page: Page, ready: () => Promise<boolean>, timeout = 30_000): Promise<void> {
	const deadline = Date.now() + timeout;
	while (!(await ready())) {
		if (Date.now() > deadline) throw new Error('the phone did not sync as expected');
		await page.reload();
		await waitForTodayList(page);
		await page.waitForTimeout(1000);
	}
}

describe('an operation planned in secret', () => {
	it('reaches the team’s phones only once released, and expires from them while an unsent inspection stays', async () => {
		const desk = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		await signInAtDesk(desk.page, 'planner');
		const plan = await action(desk.page.request, '/plan?/createPlan', {
			title: 'Secret week',
			objective: '',
			periodStart: day(-2),
			periodEnd: day(7)
		});
		const planPath = plan.location!;
		await desk.page.goto(planPath);
		const leadAgencyId = await desk.page.locator('select[name="leadAgencyId"] option').first().getAttribute('value');
		const operationFields = {
			title: 'Secret raid',
			date: day(0),
			startTime: '20:00',
			endTime: '23:00',
			area: '',
			leadAgencyId: leadAgencyId!
		};
		const created = await action(desk.page.request, `${planPath}?/createOperation`, operationFields);
		const operationPath = created.location!;
		const operationId = operationPath.split('/').at(-1)!;
		await desk.page.goto(operationPath);
		const memberId = (name: string) =>
			desk.page
				.locator('form[action="?/createTeam"] label.check', { hasText: name })
				.locator('input')
				.getAttribute('value');
		const police2 = (await memberId('Marko Jovanović'))!;
		const labour2 = (await memberId('Drita Kelmendi'))!;
		await action(desk.page.request, `${operationPath}?/createTeam`, {
			name: 'Secret team',
			compositionReason: '',
			members: [police2, labour2],
			leader: police2
		});
		await desk.page.reload();
		const teamId = await desk.page.locator('form[action="?/addSuggestions"] [name="teamId"]').first().inputValue();
		await action(desk.page.request, `${operationPath}?/addSuggestions`, { teamId, count: '1' });

		// Both phones, signed in and synced, hold nothing of it.
		const phones = [
			await newPage(e2e.browser, e2e.server.url, PHONE),
			await newPage(e2e.browser, e2e.server.url, PHONE)
		];
		await signInOnline(phones[0]!.page, 'police2');
		await signInOnline(phones[1]!.page, 'labour2');
		for (const phone of phones) {
			await waitForTodayList(phone.page);
			expect(await localIds(phone.page, 'operations')).not.toContain(operationId);
			expect(await localIds(phone.page, 'teams')).not.toContain(teamId);
		}

		// The planner releases it on its page.
		await desk.page.reload();
		await desk.page
			.getByTestId('embargo-state')
			.filter({ hasText: /not released/i })
			.waitFor();
		await screenshot(desk.page, 'embargo-unreleased-1280');
		await desk.page.setViewportSize(PHONE);
		await desk.page.getByTestId('embargo').scrollIntoViewIfNeeded();
		await screenshot(desk.page, 'embargo-unreleased-360');
		await desk.page.setViewportSize(DESKTOP);
		await desk.page.getByTestId('release').click();
		await desk.page.getByTestId('withdraw').waitFor();
		await screenshot(desk.page, 'embargo-released-1280');

		for (const phone of phones)
			await syncUntil(phone.page, async () => (await localIds(phone.page, 'operations')).includes(operationId));
		const [assignment] = (
			await readLocal<{ id: string; operationId: string; locationId: string }>(phones[0]!.page, 'assignments')
		).filter((a) => a.operationId === operationId);
		expect(assignment).toBeDefined();
		const [venue] = (await readLocal<{ id: string; name: string }>(phones[0]!.page, 'locations')).filter(
			(l) => l.id === assignment!.locationId
		);

		// Offline, the first phone starts a visit of the released operation's venue.
		const field = phones[0]!;
		await field.context.setOffline(true);
		await field.page.reload();
		await waitForTodayList(field.page, 20_000);
		const card = field.page.locator('[data-assignment]').filter({ hasText: venue!.name });
		await card.getByRole('button', { name: /start inspection/i }).click();
		await field.page.waitForURL(/\/visit\/[0-9a-f-]{36}/);
		const manual = field.page.getByLabel(/check in without gps/i);
		if (!(await manual.isChecked())) await manual.check();
		await field.page.getByLabel(/why there is no gps fix/i).fill('No signal in the basement');
		await field.page.getByRole('button', { name: /start inspection/i }).click();
		await field.page
			.getByRole('status')
			.filter({ hasText: /required questions answered/i })
			.waitFor();
		const inspectionId = inspectionIdOf(field.page);

		// The operation's day moves into the past: its target list expires from the phones.
		await action(desk.page.request, `${operationPath}?/updateOperation`, { ...operationFields, date: day(-1) });
		const other = phones[1]!.page;
		await syncUntil(other, async () => !(await localIds(other, 'operations')).includes(operationId));
		expect(await localIds(other, 'assignments')).not.toContain(assignment!.id);
		expect(await localIds(other, 'teams')).not.toContain(teamId);

		// The network returns: the inspection recorded before is sent and accepted.
		await field.context.setOffline(false);
		const onServer = await waitForServerRecord(field.page.request, 'inspection', inspectionId, () => true);
		expect(onServer.assignmentId).toBe(assignment!.id);
		await syncUntil(field.page, async () => !(await localIds(field.page, 'operations')).includes(operationId));
		expect(await localIds(field.page, 'inspections')).toContain(inspectionId);
		await desk.page.reload();
		await desk.page
			.getByTestId('embargo-state')
			.filter({ hasText: /expired/i })
			.waitFor();
		for (const { context } of [desk, ...phones]) await context.close();
	}, 180_000);
});
