/**
 * A static file that goes away while the server runs (a deployment replacing build/ under it, a
 * disk cleaned up) must cost one request, not the process: adapter-node's static server lists the
 * files once at start and streams them later, and a stream that cannot open must not crash it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, type RunningServer } from '../support/server.ts';
import { copyBuiltApp, type BuiltCopy } from '../support/builtCopy.ts';

/** Addresses of built assets, as the static server listed them at start. */
function assetAddresses(copy: BuiltCopy): string[] {
	return fs
		.readdirSync(path.join(copy.clientDir, '_app/immutable/assets'))
		.map((name) => `/_app/immutable/assets/${name}`);
}

/** The status, or 'closed' when the server ends the connection instead of answering. */
async function outcome(url: string): Promise<number | 'closed'> {
	try {
		const response = await fetch(url);
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 'closed';
	}
}

// serve.js runs its own HTTP server without ORIGIN and adapter-node's with it: both are guarded.
describe.each([
	{ setUp: 'without ORIGIN', declareOrigin: false },
	{ setUp: 'with ORIGIN', declareOrigin: true }
])('a static file removed after the server started ($setUp)', ({ declareOrigin }) => {
	let copy: BuiltCopy;
	let server: RunningServer;

	beforeAll(async () => {
		copy = copyBuiltApp();
		server = await startServer({}, { declareOrigin, serveScript: copy.serveScript });
	});

	afterAll(async () => {
		await server?.stop();
		copy?.remove();
	});

	it('fails that request and keeps serving', async () => {
		const [gone, kept] = assetAddresses(copy);
		expect(gone && kept).toBeTruthy();
		expect(await outcome(`${server.url}${gone}`)).toBe(200);
		fs.rmSync(path.join(copy.clientDir, gone!));

		// The static server already sent its 200 header when the file fails to open, so the
		// honest answer left is to end the connection (a browser then treats it as a network error).
		expect([404, 500, 'closed']).toContain(await outcome(`${server.url}${gone}`));
		expect([404, 500, 'closed']).toContain(await outcome(`${server.url}${gone}`));

		expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
		expect(await outcome(`${server.url}${kept}`)).toBe(200);
		// Handled where it happens, not by the last-resort guard; the log names the file, not the request.
		expect(server.output()).toMatch(/Could not send \S+assets\S+ \(ENOENT\)/);
		expect(server.output()).not.toMatch(/Uncaught/);
	});
});
