/**
 * A whole visit recorded and submitted with no network: the network is cut before the
 * visit opens and comes back only after it is submitted. What counts is what the server holds,
 * read through its API: the inspection, both people, the referral, both photos and their bytes.
 * Once in one go; once split over three pushes with the server killed between two of them.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import {
	answerRemainingRequired,
	goOffline,
	pullAll,
	recordOutcome,
	signInOnline,
	startFirstAssignment,
	storedInspection,
	submitInspection,
	unlockApp,
	waitForServerRecord,
	waitForTodayList
} from '../support/field.ts';
import { addPerson, answer, cameraPicture, possibleVictimQuestions, readLocal, tap } from '../support/visit.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';

const e2e = serverAndBrowser();

type Visit = {
	inspectionId: string;
	personIds: string[];
	referralId: string;
	photos: { id: string; sha256: string }[];
};

/** From Today, offline: check in, two people (one a possible victim, referred), two photos, outcome, submit. */
async function recordVisit(page: Page, shots: boolean): Promise<Visit> {
	const inspectionId = await startFirstAssignment(page);
	// The child-site rule is judged on the phone at check-in, offline, and shown with the visit.
	await page.getByRole('heading', { name: 'Aggravating circumstances' }).waitFor();
	expect((await storedInspection(page, inspectionId))?.checkIn).toHaveProperty('nearChildren');
	// The checklist first, as on site: the visit's first change is in flight (or failed) by now, so
	// these answers and, at the end, the submission fold into one entry that stands before the
	// people and photos in the outbox — the order that lost them before.
	await answerRemainingRequired(page);

	const victim = await addPerson(page);
	await answer(victim, 'Sex', 'Female');
	await answer(victim, 'Age', '18–22');
	expect(await victim.getByText('Possible victim', { exact: true }).count()).toBe(0);
	for (const item of possibleVictimQuestions(defaultTemplate)) await answer(victim, item.label.en, 'Yes');
	await victim.locator(':scope > summary').getByText('Possible victim', { exact: true }).waitFor();
	await victim.getByText(/screening aid, not a legal identification/).waitFor();
	if (shots) {
		await victim.locator('section.screening').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-person-screening-360');
	}

	await tap(victim.getByRole('button', { name: 'Record a referral' }));
	const form = victim.locator('form.referral-form');
	expect(await form.getByRole('radio', { name: 'Police anti-trafficking unit' }).isChecked()).toBe(true);
	await tap(form.getByRole('radio', { name: 'Yes, consented' }));
	await tap(form.getByRole('radio', { name: 'The person' }));
	await form.getByLabel(/^Urgent needs/).fill('A safe place for tonight');
	if (shots) await screenshot(page, 'field-referral-form-360');
	await tap(form.getByRole('button', { name: 'Save the referral' }));
	await victim.locator('.made li').filter({ hasText: 'Police anti-trafficking unit' }).waitFor();

	const other = await addPerson(page);
	await answer(other, 'Sex', 'Male');
	await answer(other, 'Age', '26–30');
	await answer(other, possibleVictimQuestions(defaultTemplate)[0]!.label.en, 'No');
	await other.locator(':scope > summary').getByText('No indicators', { exact: true }).waitFor();
	await tap(other.locator(':scope > summary'));
	await tap(victim.locator(':scope > summary'));
	if (shots) {
		await page.locator('#persons-heading').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-persons-closed-360');
	}

	// Two photos chosen from the phone, made smaller and hashed on the device.
	await page.getByLabel('Choose photos from the phone').setInputFiles([
		{ name: 'bar.jpg', mimeType: 'image/jpeg', buffer: await cameraPicture(page, 'Price list') },
		{ name: 'rooms.jpg', mimeType: 'image/jpeg', buffer: await cameraPicture(page, 'Back rooms') }
	]);
	await expect.poll(() => page.locator('[data-photo-id] [data-upload="waiting"]').count()).toBe(2);
	if (shots) {
		await page.locator('#photos-heading').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-photos-360');
	}
	const photos = (
		await readLocal<{ id: string; sha256: string; blob: { width: number; height: number } }>(page, 'photos')
	).filter((p) => p.blob);
	expect(photos.map((p) => p.blob)).toEqual([
		{ width: 1600, height: 1200 },
		{ width: 1600, height: 1200 }
	]);

	await recordOutcome(page, /indicators of trafficking/i, 'Two women in the back rooms.');
	await submitInspection(page);

	const personIds = await page
		.locator('details.person')
		.evaluateAll((cards) => cards.map((card) => card.getAttribute('data-person-id')!));
	const referral = (await readLocal<{ id: string; personId: string }>(page, 'referrals')).find(
		(row) => row.personId === personIds[0]
	);
	expect(referral).toBeDefined();
	return {
		inspectionId,
		personIds,
		referralId: referral!.id,
		photos: photos.map(({ id, sha256 }) => ({ id, sha256 }))
	};
}

/** Still offline: a reload keeps the submitted visit whole, and a new tab shows it done on Today. */
async function stillThereOffline(context: BrowserContext, page: Page, visit: Visit): Promise<void> {
	await page.reload();
	await unlockApp(page);
	await page.locator('[data-status="submitted"]').waitFor();
	await expect.poll(() => page.locator('details.person').count()).toBe(2);
	await expect.poll(() => page.locator('[data-photo-id]').count()).toBe(2);
	const tab = await context.newPage();
	await tab.goto('/today');
	await unlockApp(tab);
	const card = tab.locator('[data-assignment]').filter({ has: tab.locator(`a[href="/visit/${visit.inspectionId}"]`) });
	await card.locator('.status-done').waitFor();
	await tab.close();
}

/** What the server holds of the visit, through its API as the inspector; and the photos' bytes. */
async function serverHasWholeVisit(page: Page, visit: Visit): Promise<void> {
	const inspection = await waitForServerRecord(
		page.request,
		'inspection',
		visit.inspectionId,
		(data) => data.status === 'submitted'
	);
	expect(inspection.outcome).toBe('trafficking_indicators_referred');
	// The photos come last: once both are stored, everything before them was applied.
	for (const photo of visit.photos) {
		await expect
			.poll(async () => (await page.request.get(`/api/attachments/${photo.id}/file`)).status(), {
				timeout: 90_000,
				interval: 1000
			})
			.toBe(200);
		const bytes = await (await page.request.get(`/api/attachments/${photo.id}/file`)).body();
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
	}
	const records = await pullAll(page.request);
	const data = (entity: string, id: string) => records.get(`${entity}:${id}`)?.data;
	expect(data('screenedPerson', visit.personIds[0]!)).toMatchObject({
		inspectionId: visit.inspectionId,
		sex: 'female',
		result: 'possible_victim'
	});
	expect(data('screenedPerson', visit.personIds[1]!)).toMatchObject({
		inspectionId: visit.inspectionId,
		sex: 'male',
		result: 'no_indicators'
	});
	expect(data('referral', visit.referralId)).toMatchObject({
		personId: visit.personIds[0],
		target: 'police_anti_trafficking',
		consent: true,
		urgentNeeds: 'A safe place for tonight'
	});
	for (const photo of visit.photos)
		expect(data('attachment', photo.id)).toMatchObject({ inspectionId: visit.inspectionId, sha256: photo.sha256 });
}

/** The Sync screen has nothing waiting and nothing refused. */
async function nothingLeftOnTheDevice(page: Page): Promise<void> {
	await page.goto('/sync');
	// A page load starts locked: the data key lives in memory only.
	await unlockApp(page);
	await expect.poll(() => page.locator('#sync-rejected .count').innerText(), { timeout: 60_000 }).toBe('(0)');
	await expect.poll(() => page.locator('#sync-waiting .count').innerText(), { timeout: 60_000 }).toBe('(0)');
}

/** The supervisor's drill-down shows the possible victim and both photos. */
async function supervisorSeesIt(visit: Visit): Promise<void> {
	const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
	await page.goto('/login');
	await page.getByLabel(/username/i).fill('supervisor');
	await page.getByLabel(/password/i).fill('kontrolla-demo');
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	await page.goto(`/inspections/${visit.inspectionId}`);
	await page.locator('.result-possible_victim').waitFor();
	const sources = await page
		.locator('.photo-link img')
		.evaluateAll((images) => images.map((image) => image.getAttribute('src')!));
	expect(sources.sort()).toEqual(visit.photos.map((photo) => `/api/attachments/${photo.id}/file`).sort());
	// Loaded lazily below the fold: fetched as the supervisor, they are there.
	for (const source of sources) expect((await page.request.get(source)).headers()['content-type']).toBe('image/jpeg');
	await screenshot(page, 'field-visit-supervisor-360');
	await context.close();
}

describe('a visit recorded and submitted offline arrives whole', () => {
	it('in one sync when the network returns', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		// The app says it is ready for offline work only once it is.
		await page.locator('[data-offline-ready="true"]').waitFor();
		await goOffline(context, page);
		const visit = await recordVisit(page, true);
		await stillThereOffline(context, page, visit);

		await context.setOffline(false);
		await serverHasWholeVisit(page, visit);
		await nothingLeftOnTheDevice(page);
		await context.close();
		await supervisorSeesIt(visit);
	}, 300_000);

	it('over three pushes, with the server killed between two of them', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police2');
		await waitForTodayList(page);
		await goOffline(context, page);
		const visit = await recordVisit(page, false);
		await stillThereOffline(context, page, visit);

		// The server takes three entries of each push (the device sends the rest again); the second
		// push is applied, then the server dies before it answers, and comes back.
		let pushes = 0;
		let restarted: Promise<void> | null = null;
		await context.route('**/api/sync/push', async (route) => {
			const body = JSON.parse(route.request().postData() ?? '{}') as { deviceId: string; mutations: unknown[] };
			pushes++;
			const response = await route.fetch({
				postData: JSON.stringify({ ...body, mutations: body.mutations.slice(0, 3) })
			});
			if (pushes === 2) {
				await e2e.server.kill();
				restarted = e2e.server.restart();
				await route.abort('connectionreset');
				return;
			}
			await route.fulfill({ response });
		});
		await context.setOffline(false);
		await serverHasWholeVisit(page, visit);
		await restarted;
		expect(pushes).toBeGreaterThanOrEqual(4);
		await nothingLeftOnTheDevice(page);
		await context.close();
		await supervisorSeesIt(visit);
	}, 360_000);
});
