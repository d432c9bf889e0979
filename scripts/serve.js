// `npm start` serves through this file so the defaults the app needs hold without extra flags.
import http from 'node:http';
import { closeResponsesWhoseFileFails, keepServingAfterUncaughtErrors } from './serveGuards.js';

// Photos up to 8 MiB arrive in one request (adapter-node's default body limit is 512 KiB).
process.env.BODY_SIZE_LIMIT ??= '10M';

if (process.env.ORIGIN) {
	// A deployment names its public address: adapter-node's own server, with all its options.
	const { server } = await import('../build/index.js');
	closeResponsesWhoseFileFails(server.server);
	keepServingAfterUncaughtErrors(server.server);
} else {
	await serveWithoutOrigin();
}

/**
 * Without ORIGIN adapter-node takes every request for https (it cannot know better behind a
 * proxy), so a browser on plain http://localhost:3000 sends an Origin the server thinks is another
 * site, and every sign-in and form is refused as cross-site. This server tells the handler the
 * protocol the request really came in on, unless a proxy in front says otherwise.
 */
async function serveWithoutOrigin() {
	const protocolHeader = (process.env.PROTOCOL_HEADER ||= 'x-forwarded-proto').toLowerCase();
	const { handler } = await import('../build/handler.js');
	const server = http.createServer((request, response) => {
		request.headers[protocolHeader] ??= 'http';
		handler(request, response, () => {
			response.statusCode = 404;
			response.end('Not found');
		});
	});
	closeResponsesWhoseFileFails(server);
	keepServingAfterUncaughtErrors(server);
	const host = process.env.HOST ?? '0.0.0.0';
	const port = Number(process.env.PORT ?? 3000);
	server.listen(port, host, () =>
		console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`)
	);

	// As adapter-node does: drain, then let the app close its database (hooks.server.ts).
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
		process.once(signal, () => {
			server.closeIdleConnections();
			server.close(() => process.emit(/** @type {any} */ ('sveltekit:shutdown'), signal));
			setTimeout(() => server.closeAllConnections(), 30_000).unref();
		});
	}
}
