/**
 * In Chromium: a venue whose name is markup pointing at another host — as an
 * import or a proposal from the field could bring in — is shown as the literal text on every map
 * page that names venues (the inspector's Today map and map page, the planner's operation and
 * briefing, the supervisor's coverage map with its tooltip open), and no phone or desk requests
 * that host. The host is a loopback address other than the server's, so nothing leaves the machine.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serverAndBrowser } from '../support/e2e.ts';
import { DESKTOP, newPage, PHONE, screenshot } from '../support/browser.ts';
import { DEMO_PASSWORD, passLock, pullAll, signInOnline, waitForTodayList } from '../support/field.ts';

const e2e = serverAndBrowser();

/** Looks like a tip-off beacon: an image on another host, and some markup that must stay text. */
const PAYLOAD = '<img src="https://127.0.0.2:9/tipoff.png"><b>Bar Tip</b>';

async function signIn(page: Page, username: string): Promise<void> {
	await page.goto('/login');
	await page.getByLabel(/username/i).fill(username);
	await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Every http(s) request of the context (pages and their workers) to a host other than ours. */
function foreignRequests(context: BrowserContext, ours: string): string[] {
	const seen: string[] = [];
	const host = new URL(ours).host;
	context.on('request', (request) => {
		const url = new URL(request.url());
		if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== host) seen.push(request.url());
	});
	return seen;
}

/** The page coordinates of the centre of the drawn pixels on the venues' canvas (Leaflet's overlay pane). */
function drawnDot(page: Page): Promise<{ x: number; y: number } | null> {
	return page.evaluate(() => {
		for (const canvas of document.querySelectorAll<HTMLCanvasElement>('.coverage-map .leaflet-overlay-pane canvas')) {
			const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
			let sumX = 0;
			let sumY = 0;
			let count = 0;
			for (let y = 0; y < height; y++) {
				for (let x = 0; x < width; x++) {
					if (data[(y * width + x) * 4 + 3]! > 0) {
						sumX += x;
						sumY += y;
						count++;
					}
				}
			}
			if (count === 0) continue;
			// The mouse reaches only what is in the viewport: bring the dot there first (the coverage
			// screens' header grew with the export purpose, which pushed the map's lower half out).
			const at = () => {
				const box = canvas.getBoundingClientRect();
				return {
					x: box.left + ((sumX / count) * box.width) / width,
					y: box.top + ((sumY / count) * box.height) / height
				};
			};
			const first = at();
			if (first.y < 0 || first.y > window.innerHeight) window.scrollBy(0, first.y - window.innerHeight / 2);
			return at();
		}
		return null;
	});
}

/**
 * Hovers the one venue dot until its tooltip opens. On a loaded machine the map may still be
 * settling (a redraw on the next frame, a pan) when the dot is first found, and a hover then lands
 * where the dot was: each try finds the dot afresh and comes at it from outside.
 */
async function hoverTheDot(page: Page, tooltip: Locator): Promise<void> {
	for (let attempt = 0; attempt < 10; attempt++) {
		const dot = await drawnDot(page);
		if (dot) {
			await page.mouse.move(dot.x - 20, dot.y - 20);
			await page.mouse.move(dot.x, dot.y, { steps: 4 });
			if (
				await tooltip.waitFor({ timeout: 3_000 }).then(
					() => true,
					() => false
				)
			)
				return;
		} else {
			await page.waitForTimeout(500);
		}
	}
	await tooltip.waitFor({ timeout: 1 });
}

type Venue = { id: string; address: string | null; lat: number; lng: number };

const KINDS = ['bar', 'night_club', 'massage_parlour', 'hotel_motel', 'restaurant_cafe', 'private_apartment', 'other'];

describe('a venue named with markup', () => {
	it('is shown as text on every map and sends no request to the host it names', async () => {
		const field = await newPage(e2e.browser, e2e.server.url, PHONE);
		const fieldForeign = foreignRequests(field.context, e2e.server.url);
		await signInOnline(field.page, 'police1');
		await waitForTodayList(field.page);
		const venueId = (await field.page.locator('[data-location]').first().getAttribute('data-location'))!;
		const card = field.page.locator(`[data-location="${venueId}"]`);
		const pulled = await pullAll(field.page.request);
		const venue = pulled.get(`location:${venueId}`)!.data as unknown as Venue;
		const assignment = [...pulled.values()].find((c) => c.entity === 'assignment' && c.data?.locationId === venueId)!;
		const operationId = String(assignment.data!.operationId);

		// The planner renames it, and files it under a municipality and kind no other venue has, so
		// the coverage map filtered to those draws this one dot alone.
		const desk = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		const deskForeign = foreignRequests(desk.context, e2e.server.url);
		await signIn(desk.page, 'planner');
		const register = JSON.parse(
			await (await desk.page.request.get('/api/register/export?format=geojson&purpose=statistics')).text()
		) as {
			features: { properties: Record<string, string> }[];
		};
		const taken = new Set(register.features.map((f) => `${f.properties.municipality}|${f.properties.kind}`));
		const municipalities = [...pulled.values()]
			.filter((c) => c.entity === 'municipality')
			.map((c) => c.data as { id: string; code: string });
		const free = municipalities.flatMap((m) =>
			KINDS.filter((k) => !taken.has(`${m.code}|${k}`)).map((kind) => ({ municipalityId: m.id, kind }))
		)[0];
		expect(free, 'a municipality and kind with no venue').toBeDefined();
		const { municipalityId, kind } = free!;
		const saved = await desk.page.request.put(`/api/locations/${venueId}`, {
			data: {
				name: PAYLOAD,
				kind,
				municipalityId,
				address: venue.address ?? '',
				lat: venue.lat,
				lng: venue.lng,
				confirmDuplicate: true
			}
		});
		expect(saved.status(), await saved.text()).toBe(200);

		// The inspector's Today list and map, after the next sync.
		await field.page.reload();
		await waitForTodayList(field.page);
		await card.locator('.name', { hasText: PAYLOAD }).waitFor();
		await field.page.getByRole('button', { name: /show map/i }).click();
		const todayLabel = field.page.locator('.leaflet-tooltip', { hasText: PAYLOAD });
		await todayLabel.waitFor();
		expect(await todayLabel.locator('img, b').count()).toBe(0);
		await screenshot(field.page, 'venue-name-as-text-today-360');
		// The inspector's map page.
		await field.page.goto('/map');
		await passLock(field.page);
		await field.page.locator('[data-venue-count]').waitFor();

		// The planner's operation (assignment map and routes) and its briefing.
		await desk.page.goto(`/plan/operations/${operationId}`);
		await desk.page.getByText(PAYLOAD).first().waitFor();
		expect(await desk.page.locator('main img').count()).toBe(0);
		await desk.page.goto(`/plan/operations/${operationId}/briefing`);
		await desk.page.getByText(PAYLOAD).first().waitFor();

		// The supervisor's coverage map, its one dot hovered so the tooltip opens.
		const coverage = await newPage(e2e.browser, e2e.server.url, DESKTOP);
		const coverageForeign = foreignRequests(coverage.context, e2e.server.url);
		await signIn(coverage.page, 'supervisor');
		await coverage.page.goto(`/coverage/map?municipalityId=${municipalityId}&kind=${kind}`);
		await coverage.page.locator('[data-venue-count="1"]').waitFor();
		const coverageLabel = coverage.page.locator('.leaflet-tooltip', { hasText: PAYLOAD });
		await hoverTheDot(coverage.page, coverageLabel);
		expect(await coverageLabel.locator('img, b').count()).toBe(0);
		await screenshot(coverage.page, 'venue-name-as-text-coverage');

		expect([...fieldForeign, ...deskForeign, ...coverageForeign]).toEqual([]);
		await Promise.all([field.context.close(), desk.context.close(), coverage.context.close()]);
	}, 300_000);
});
