import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { newPage, PHONE, screenshot } from '../support/browser.ts';
import { goOffline, signInOnline, startFirstAssignment, unlockApp, waitForServerRecord, waitForTodayList } from '../support/field.ts';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import type { ChecklistItem, ChecklistTemplate } from '../../src/lib/domain/checklist/template.ts';
import { indicatorById, type Dimension, type Strength } from '../../src/lib/domain/screening/indicators.ts';
import { dimensionPresent, screenPerson } from '../../src/lib/domain/screening/screen.ts';

const e2e = serverAndBrowser();

const strengthOrder: Strength[] = ['strong', 'medium', 'weak'];

/**
 * The fewest questions of the template whose "yes" makes an adult a possible victim: for each
 * element (recruitment, exploitation, coercion) the first dimension the questions can make present,
 * its strongest indicators first.
 */
function possibleVictimQuestions(template: ChecklistTemplate): ChecklistItem[] {
	const questions = template.sections
		.filter((section) => section.scope === 'person')
		.flatMap((section) => section.items)
		.filter((item) => item.indicator && !item.showIf);
	const strength = (item: ChecklistItem) => indicatorById(item.indicator!)!.strength;
	const chosen: ChecklistItem[] = [];
	for (const element of [[1, 2, 3], [4], [5, 6]] as Dimension[][]) {
		const picked = element
			.map((dimension) => {
				const ofDimension = questions
					.filter((item) => indicatorById(item.indicator!)!.dimension === dimension)
					.sort((a, b) => strengthOrder.indexOf(strength(a)) - strengthOrder.indexOf(strength(b)));
				const taken: ChecklistItem[] = [];
				for (const item of ofDimension) {
					taken.push(item);
					if (dimensionPresent(taken.map(strength))) return taken;
				}
				return null;
			})
			.find((taken) => taken !== null);
		if (!picked) throw new Error(`the template cannot make element ${element.join('/')} present`);
		chosen.push(...picked);
	}
	expect(screenPerson({ indicatorIds: chosen.map((item) => item.indicator!), isChild: false }).result).toBe('possible_victim');
	return chosen;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function personQuestion(card: Locator, label: string): Locator {
	return card.locator('fieldset.item').filter({ has: card.page().locator('legend', { hasText: new RegExp(`^${escape(label)}`) }) });
}

/** Centred first: at the edges of a phone screen the sticky progress bar and navigation cover it. */
async function tap(target: Locator): Promise<void> {
	await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await target.click();
}

async function answer(card: Locator, label: string, choice: string): Promise<void> {
	const item = personQuestion(card, label);
	// The radio itself: in the yes/no segments it lies over the text, invisible, and takes the tap.
	const radio = item.getByRole('radio', { name: choice, exact: true });
	await tap(radio);
	await radio.and(card.page().locator(':checked')).waitFor();
}

async function addPerson(page: Page): Promise<Locator> {
	const before = await page.locator('details.person').count();
	await tap(page.getByRole('button', { name: 'Add a person' }));
	const card = page.locator('details.person').nth(before);
	// A new person's card opens by itself.
	await card.and(page.locator('[open]')).waitFor();
	return card;
}

/**
 * What the device's database holds (IndexedDB "kontrolla"), as the app stored it; a photo's
 * bytes are replaced by the picture's size in pixels, which is what the test checks of them.
 */
async function readLocal<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('kontrolla');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
			const request = db.transaction(name).objectStore(name).getAll();
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		db.close();
		return Promise.all(
			rows.map(async (row) => {
				if (!(row.blob instanceof Blob)) return row;
				const bitmap = await createImageBitmap(row.blob);
				return { ...row, blob: { width: bitmap.width, height: bitmap.height } };
			})
		);
	}, store) as Promise<T[]>;
}

/** A 2400 × 1800 JPEG, drawn by the browser: larger than the 1600 px the app keeps. */
async function cameraPicture(page: Page): Promise<Buffer> {
	const base64 = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(2400, 1800);
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, 2400, 1800);
		gradient.addColorStop(0, '#0b3d5c');
		gradient.addColorStop(1, '#ffd23f');
		context.fillStyle = gradient;
		context.fillRect(0, 0, 2400, 1800);
		context.fillStyle = '#fff';
		context.font = '160px sans-serif';
		context.fillText('Price list', 300, 900);
		const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
		let binary = '';
		for (const byte of bytes) binary += String.fromCharCode(byte);
		return btoa(binary);
	});
	return Buffer.from(base64, 'base64');
}

describe('the inspector screens the people met, refers a possible victim and takes a photo, offline', () => {
	it('delivers the persons, the referral and the photo with its hash when the network returns', async () => {
		const { context, page } = await newPage(e2e.browser, e2e.server.url, PHONE);
		await signInOnline(page, 'police1');
		await waitForTodayList(page);
		await goOffline(context, page);
		const inspectionId = await startFirstAssignment(page);

		// A woman who answers yes to enough indicators: possible victim.
		const victim = await addPerson(page);
		await answer(victim, 'Sex', 'Female');
		await answer(victim, 'Age', '18–22');
		expect(await victim.getByText('Possible victim', { exact: true }).count()).toBe(0);
		for (const item of possibleVictimQuestions(defaultTemplate)) await answer(victim, item.label.en, 'Yes');
		await victim.locator('summary').getByText('Possible victim', { exact: true }).waitFor();
		await victim.getByText(/screening aid, not a legal identification/).waitFor();
		await victim.locator('section.screening').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-person-screening-360');

		await tap(victim.getByRole('button', { name: 'Record a referral' }));
		const form = victim.locator('form.referral-form');
		expect(await form.getByRole('radio', { name: 'Police anti-trafficking unit' }).isChecked()).toBe(true);
		await tap(form.getByRole('radio', { name: 'Yes, consented' }));
		await form.getByLabel(/^Urgent needs/).fill('A safe place for tonight');
		await screenshot(page, 'field-referral-form-360');
		await tap(form.getByRole('button', { name: 'Save the referral' }));
		await victim.locator('.made li').filter({ hasText: 'Police anti-trafficking unit' }).waitFor();
		await victim.locator('section.referrals').evaluate((element) => element.scrollIntoView({ block: 'center' }));
		await screenshot(page, 'field-person-referrals-360');

		// A man with nothing to report.
		const other = await addPerson(page);
		await answer(other, 'Sex', 'Male');
		await answer(other, 'Age', '26–30');
		await answer(other, possibleVictimQuestions(defaultTemplate)[0]!.label.en, 'No');
		await other.locator('summary').getByText('No indicators', { exact: true }).waitFor();
		await tap(other.locator('summary'));
		await tap(victim.locator('summary'));
		await page.locator('#persons-heading').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-persons-closed-360');

		// A photo chosen from the phone, made smaller and hashed on the device.
		await page.getByLabel('Choose photos from the phone').setInputFiles({ name: 'bar.jpg', mimeType: 'image/jpeg', buffer: await cameraPicture(page) });
		await page.locator('[data-photo-id] [data-upload="waiting"]').waitFor();
		await page.locator('#photos-heading').evaluate((element) => element.scrollIntoView({ block: 'start' }));
		await screenshot(page, 'field-photos-360');
		const [photo] = await readLocal<{ id: string; sha256: string; blob: { width: number; height: number } }>(page, 'photos');
		expect(photo?.sha256).toMatch(/^[0-9a-f]{64}$/);
		expect(photo?.blob).toEqual({ width: 1600, height: 1200 });

		// Everything is still there after a reload, still offline.
		await page.reload();
		await unlockApp(page);
		await page.locator('details.person').nth(1).waitFor();
		expect(await page.locator('details.person summary').allInnerTexts()).toEqual([
			expect.stringMatching(/Person 1[\s\S]*Possible victim/),
			expect.stringMatching(/Person 2[\s\S]*No indicators/)
		]);
		const personIds = await page.locator('details.person').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-person-id')!));
		// The team's earlier referrals (demo data) are on the device too: take the one made here.
		const referral = (await readLocal<{ id: string; personId: string }>(page, 'referrals')).find((row) => row.personId === personIds[0]);
		expect(referral).toBeDefined();

		await context.setOffline(false);
		const victimOnServer = await waitForServerRecord(page.request, 'screenedPerson', personIds[0]!, (data) => data.result === 'possible_victim');
		expect(victimOnServer).toMatchObject({ inspectionId, sex: 'female', ageBand: '18_22', isMinor: false });
		const otherOnServer = await waitForServerRecord(page.request, 'screenedPerson', personIds[1]!, (data) => data.result === 'no_indicators');
		expect(otherOnServer).toMatchObject({ sex: 'male', ageBand: '26_30' });
		const referralOnServer = await waitForServerRecord(page.request, 'referral', referral!.id, () => true);
		expect(referralOnServer).toMatchObject({
			personId: personIds[0],
			target: 'police_anti_trafficking',
			consent: true,
			urgentNeeds: 'A safe place for tonight',
			status: 'made'
		});
		const attachment = await waitForServerRecord(page.request, 'attachment', photo!.id, () => true);
		expect(attachment).toMatchObject({ inspectionId, sha256: photo!.sha256, mime: 'image/jpeg' });

		// The bytes reach the server too, and hash to what the device recorded at capture.
		await page.locator(`[data-photo-id="${photo!.id}"] [data-upload="uploaded"]`).waitFor({ timeout: 60_000 });
		const stored = fs.readFileSync(path.join(e2e.server.dataDir, 'attachments', photo!.sha256));
		expect(createHash('sha256').update(stored).digest('hex')).toBe(photo!.sha256);
		await context.close();
	}, 300_000);
});
