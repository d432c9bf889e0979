/**
 * The inspector's steps in the field app, as a browser test takes them: sign in once online, lose
 * the network, record an inspection, get the network back. Shared by the field e2e tests, so a
 * test of persons or photos starts from the same inspection.
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'kontrolla-demo';
/** The PIN the tests choose for the device lock. */
export const TEST_PIN = '246810';

async function typePin(page: Page, pin: string, button: RegExp): Promise<void> {
	await page.locator('#lock-pin').fill(pin);
	await page.getByRole('button', { name: button }).click();
}

/** Chooses the device PIN, as the app asks an inspector right after the first sign-in. */
export async function choosePin(page: Page, pin = TEST_PIN): Promise<void> {
	await page.locator('[data-lock="setup"]').waitFor();
	await typePin(page, pin, /^next$/i);
	await typePin(page, pin, /^unlock$/i);
	await page.locator('[data-lock]').waitFor({ state: 'detached' });
}

/** Enters the PIN on the lock screen a fresh page load (or the inactivity timer) shows. */
export async function unlockApp(page: Page, pin = TEST_PIN): Promise<void> {
	await page.locator('[data-lock="locked"]').waitFor();
	await typePin(page, pin, /^unlock$/i);
	await page.locator('[data-lock]').waitFor({ state: 'detached' });
}

/** Whatever the lock asks on this page load: a PIN to choose, or the PIN. */
export async function passLock(page: Page, timeout = 30_000): Promise<void> {
	const lock = page.locator('[data-lock]');
	await lock.waitFor({ timeout });
	if ((await lock.getAttribute('data-lock')) === 'setup') await choosePin(page);
	else await unlockApp(page);
}

/** Signs in after the service worker controls the page, so what the app loads next is cached. */
export async function signInOnline(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill(password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL('**/today');
	await choosePin(page);
}

/** The first sync has filled the device's database: today's list shows assignments. */
export async function waitForTodayList(page: Page, timeout = 60_000): Promise<void> {
	// A page load starts locked: the PIN first, then the list.
	const first = page.locator('[data-assignment], [data-lock]').first();
	await first.waitFor({ timeout });
	if ((await first.getAttribute('data-lock')) !== null) await passLock(page);
	await page.locator('[data-assignment]').first().waitFor({ timeout });
}

export async function goOffline(context: BrowserContext, page: Page): Promise<void> {
	await context.setOffline(true);
	await page.reload();
	await waitForTodayList(page, 20_000);
}

/** Starts the first assignment still to visit; without a GPS fix, checks in by hand with a reason. */
export async function startFirstAssignment(page: Page, reason = 'Basement bar, no GPS signal'): Promise<string> {
	await page
		.locator('[data-assignment]')
		.getByRole('button', { name: /start inspection/i })
		.first()
		.click();
	await page.waitForURL(/\/visit\/[0-9a-f-]{36}/);
	await page.getByRole('heading', { name: /check in/i }).waitFor();
	const manual = page.getByLabel(/check in without gps/i);
	// The fix is refused or times out without a permission; a test does not wait for either.
	if (!(await manual.isChecked())) await manual.check();
	await page.getByLabel(/why there is no gps fix/i).fill(reason);
	await page.getByRole('button', { name: /start inspection/i }).click();
	await page
		.getByRole('status')
		.filter({ hasText: /required questions answered/i })
		.waitFor();
	return inspectionIdOf(page);
}

export function inspectionIdOf(page: Page): string {
	const match = /\/visit\/([0-9a-f-]{36})/.exec(page.url());
	if (!match?.[1]) throw new Error(`not on an inspection page: ${page.url()}`);
	return match[1];
}

/** A question of the checklist, found by the start of its label. */
export function question(page: Page, label: RegExp) {
	return page.locator('fieldset.item').filter({ has: page.locator('legend', { hasText: label }) });
}

export async function answerYesNo(page: Page, label: RegExp, answer: 'Yes' | 'No' | 'Not observed'): Promise<void> {
	await question(page, label).getByRole('radio', { name: answer, exact: true }).check();
}

export async function answerNumber(page: Page, label: RegExp, value: number): Promise<void> {
	const input = question(page, label).getByRole('spinbutton');
	await input.fill(String(value));
	await page.waitForFunction(
		([selector, expected]) =>
			(document.querySelector(selector as string) as HTMLInputElement | null)?.value === String(expected),
		[`#${await question(page, label).getAttribute('id')} input`, value] as const
	);
}

/** The inspection as stored in the device's database (IndexedDB), read without the app. */
export async function storedInspection(page: Page, id: string): Promise<Record<string, unknown> | null> {
	return page.evaluate(
		(inspectionId) =>
			new Promise<Record<string, unknown> | null>((resolve, reject) => {
				const open = indexedDB.open('kontrolla');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const request = open.result.transaction('inspections').objectStore('inspections').get(inspectionId);
					request.onsuccess = () => {
						resolve((request.result as Record<string, unknown> | undefined) ?? null);
						open.result.close();
					};
					request.onerror = () => reject(request.error);
				};
			}),
		id
	);
}

/** Waits until an answer has reached the device's database: only then may the tab be closed. */
export async function waitForStoredAnswer(
	page: Page,
	id: string,
	itemId: string,
	value: unknown,
	timeout = 10_000
): Promise<void> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const answers = (await storedInspection(page, id))?.answers as Record<string, unknown> | undefined;
		if (JSON.stringify(answers?.[itemId]) === JSON.stringify(value)) return;
		if (Date.now() > deadline) throw new Error(`answer ${itemId} not stored: ${JSON.stringify(answers?.[itemId])}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Answers every required question still open: "Not observed", 0, or a short text. */
export async function answerRemainingRequired(page: Page): Promise<void> {
	for (;;) {
		const open = page.locator('.review .missing a[href^="#item-"]');
		if ((await open.count()) === 0) return;
		const itemId = (await open.first().getAttribute('href'))!.slice(1);
		const item = page.locator(`fieldset#${itemId}`);
		if ((await item.getByRole('radio').count()) > 0)
			await item.getByRole('radio', { name: 'Not observed', exact: true }).check();
		else if ((await item.getByRole('spinbutton').count()) > 0) await item.getByRole('spinbutton').fill('0');
		else await item.getByRole('textbox').fill('Seen on site');
		await page.waitForFunction((href) => !document.querySelector(`.review .missing a[href="${href}"]`), `#${itemId}`);
	}
}

/** The outcome and notes; the people present are counted in the venue checklist, not here. */
export async function recordOutcome(page: Page, outcome: RegExp, notes: string): Promise<void> {
	const section = page.locator('#outcome');
	await section.getByRole('radio', { name: outcome }).check();
	await section.getByRole('textbox', { name: 'Notes', exact: true }).fill(notes);
}

export async function submitInspection(page: Page): Promise<void> {
	await page.getByRole('button', { name: /^submit$/i }).click();
	await page.getByRole('button', { name: /submit and lock/i }).click();
	await page.locator('[data-status="submitted"]').waitFor();
}

type PulledChange = { entity: string; id: string; op: string; version: number; data: Record<string, unknown> | null };

/**
 * One pull request, sent again once if the connection was reset: a kept-alive socket the server
 * closed just as the request went out (Node closes idle ones after 5 s) is the test client's
 * race, not an answer; the app's own sync retries the same way. A pull changes nothing.
 */
async function pullPage(request: APIRequestContext, cursor: string) {
	const url = `/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=1000`;
	try {
		return await request.get(url);
	} catch (error) {
		if (!/ECONNRESET|socket hang up/.test(String(error))) throw error;
		return request.get(url);
	}
}

/** Everything the server lets this session pull, latest state of each record. */
export async function pullAll(request: APIRequestContext): Promise<Map<string, PulledChange>> {
	const records = new Map<string, PulledChange>();
	let cursor = '';
	for (;;) {
		const response = await pullPage(request, cursor);
		if (!response.ok()) throw new Error(`pull failed: ${response.status()} ${await response.text()}`);
		const page = (await response.json()) as { changes: PulledChange[]; cursor: string; hasMore: boolean };
		for (const change of page.changes) records.set(`${change.entity}:${change.id}`, change);
		cursor = page.cursor;
		if (!page.hasMore) return records;
	}
}

/** Waits until the server holds the record in the given state (the device sends it on its own). */
export async function waitForServerRecord(
	request: APIRequestContext,
	entity: string,
	id: string,
	until: (data: Record<string, unknown>) => boolean,
	timeout = 60_000
): Promise<Record<string, unknown>> {
	const deadline = Date.now() + timeout;
	for (;;) {
		// A server that is restarting answers nothing for a moment: ask again until the deadline.
		const data = await pullAll(request).then(
			(records) => records.get(`${entity}:${id}`)?.data,
			() => undefined
		);
		if (data && until(data)) return data;
		if (Date.now() > deadline)
			throw new Error(`the server does not have ${entity} ${id} as expected: ${JSON.stringify(data)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
