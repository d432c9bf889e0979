/**
 * What every end-to-end file starts from: the built app as a real server process on a fresh demo
 * database, and one Chromium, started before the file's tests and stopped after them.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from './server.ts';
import { launchBrowser } from './browser.ts';

export type EndToEnd = { readonly server: RunningServer; readonly browser: Browser };

export function serverAndBrowser(env: Record<string, string> = {}): EndToEnd {
	const running = {} as { server: RunningServer; browser: Browser };
	beforeAll(async () => {
		running.server = await startServer(env);
		running.browser = await launchBrowser();
	});
	afterAll(async () => {
		await running.browser?.close();
		await running.server?.stop();
	});
	return running;
}
