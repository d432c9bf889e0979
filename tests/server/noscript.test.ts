/**
 * The field app's browser-rendered pages (/today, /sync: `ssr = false`) are an empty shell from
 * the server; with JavaScript off the shell must say why, in the reader's language. Pages the
 * server renders work without the script and carry no such notice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openTestDatabase } from '../support/database.ts';
import { startApp, type TestApp, type TestClient } from '../support/app.ts';
import { addUser } from '../support/fixtures.ts';
import type { Database } from '../../src/lib/server/db/index.ts';

let database: Database;
let app: TestApp;
let inspector: TestClient;

beforeAll(async () => {
	database = await openTestDatabase();
	app = await startApp(database);
	const { username } = await addUser(database, `noscript_${randomUUID().slice(0, 8)}`, 'inspector');
	inspector = await app.signedIn(username);
});
afterAll(async () => database?.close());

function message(locale: string): string {
	const messages = JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, unknown>;
	return String(messages.noscript_field_app);
}

/** The text of the page's <noscript> elements, entities decoded as a browser would. */
async function noscriptText(client: TestClient, pathname: string, locale: string): Promise<string[]> {
	const response = await client.request(pathname, { headers: { 'accept-language': locale } });
	expect(response.status).toBe(200);
	const html = await response.text();
	expect(html).toContain(`lang="${locale}"`);
	return [...html.matchAll(/<noscript>([\s\S]*?)<\/noscript>/g)].map(([, inner]) =>
		inner!
			.replace(/<[^>]+>/g, '')
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&')
			.trim()
	);
}

describe('the field app without JavaScript', () => {
	for (const locale of ['en', 'sq', 'sr']) {
		for (const pathname of ['/today', '/sync']) {
			it(`${pathname} says it needs JavaScript (${locale})`, async () => {
				expect(message(locale)).toMatch(/JavaScript/);
				expect(await noscriptText(inspector, pathname, locale)).toEqual([message(locale)]);
			});
		}
	}

	it('server-rendered pages, which work without the script, carry no notice', async () => {
		expect(await noscriptText(app.client(), '/login', 'en')).toEqual([]);
		expect(await noscriptText(inspector, '/map', 'en')).toEqual([]);
	});
});
