/**
 * The steps of a visit's people and photos in the field app: screening a person
 * until the screening says "possible victim", a referral, photos from the phone, and what the
 * device's database holds. Shared by the field e2e tests.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ChecklistItem, ChecklistTemplate } from '../../src/lib/domain/checklist/template.ts';
import type { Dimension, Strength } from '../../src/lib/domain/screening/indicators.ts';
import { conceptByKey, listRow } from '../../src/lib/domain/screening/catalogue/v2/index.ts';
import { dimensionPresent } from '../../src/lib/domain/screening/screen.ts';
import { screenOnLists } from '../../src/lib/domain/screening/screenLists.ts';

const strengthOrder: Strength[] = ['strong', 'medium', 'weak'];

/**
 * The fewest core questions of the template whose "yes" makes an adult a possible victim on the
 * adult labour list (and so on the adult sexual list, which weighs no item less): for each element
 * (recruitment, exploitation, coercion) the first dimension the questions can make present, its
 * strongest indicators first. Core questions only: the others wait under "more".
 */
export function possibleVictimQuestions(template: ChecklistTemplate): ChecklistItem[] {
	const questions = template.sections
		.filter((section) => section.scope === 'person')
		.flatMap((section) => section.items)
		.filter((item) => item.kind === 'indicator' && !item.more && !item.showIf);
	const strength = (item: ChecklistItem) => listRow('adult_labour', item.indicator!)!.strength;
	const chosen: ChecklistItem[] = [];
	for (const element of [[1, 2, 3], [4], [5, 6]] as Dimension[][]) {
		const picked = element
			.map((dimension) => {
				const ofDimension = questions
					.filter((item) => conceptByKey(item.indicator!)!.dimension === dimension)
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
	const [screening] = screenOnLists(
		chosen.map((item) => item.indicator!),
		false,
		['adult_labour']
	);
	expect(screening!.result).toBe('possible_victim');
	return chosen;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function personQuestion(card: Locator, label: string): Locator {
	return card
		.locator('fieldset.item')
		.filter({ has: card.page().locator('legend', { hasText: new RegExp(`^${escape(label)}`) }) });
}

/** Centred first: at the edges of a phone screen the sticky progress bar and navigation cover it. */
export async function tap(target: Locator): Promise<void> {
	await target.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	await target.click();
}

export async function answer(card: Locator, label: string, choice: string): Promise<void> {
	const item = personQuestion(card, label);
	// The radio itself: in the yes/no segments it lies over the text, invisible, and takes the tap.
	const radio = item.getByRole('radio', { name: choice, exact: true });
	await tap(radio);
	await radio.and(card.page().locator(':checked')).waitFor();
}

export async function addPerson(page: Page): Promise<Locator> {
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
export async function readLocal<T>(page: Page, store: string): Promise<T[]> {
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
export async function cameraPicture(page: Page, text = 'Price list'): Promise<Buffer> {
	const base64 = await page.evaluate(async (label) => {
		const canvas = new OffscreenCanvas(2400, 1800);
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, 2400, 1800);
		gradient.addColorStop(0, '#0b3d5c');
		gradient.addColorStop(1, '#ffd23f');
		context.fillStyle = gradient;
		context.fillRect(0, 0, 2400, 1800);
		context.fillStyle = '#fff';
		context.font = '160px sans-serif';
		context.fillText(label, 300, 900);
		const bytes = new Uint8Array(
			await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer()
		);
		let binary = '';
		for (const byte of bytes) binary += String.fromCharCode(byte);
		return btoa(binary);
	}, text);
	return Buffer.from(base64, 'base64');
}
