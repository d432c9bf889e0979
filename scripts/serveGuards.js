// What keeps `npm start` serving when one response fails in a way adapter-node does not handle.
import path from 'node:path';

/**
 * adapter-node's static server (sirv) lists build/client once at start, and for each request
 * writes a 200 header and pipes a file stream into the response without listening for the
 * stream's errors. A file removed or unreadable since the start (a deployment replacing build/
 * under the running server, a disk cleaned up) then throws from that stream, which ends the whole
 * process. This listens first on every request, so it sees the pipe sirv makes in the same tick.
 * The 200 header is already written by then and cannot become a 404: the connection is closed,
 * which a browser treats as a network error (the service worker then answers from its cache).
 * @param {import('node:http').Server} server
 */
export function closeResponsesWhoseFileFails(server) {
	server.prependListener('request', (_request, response) => {
		response.on('pipe', (source) => {
			source.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
				// The file's path inside the build, never the request's address (it may carry a query).
				const file =
					'path' in source && typeof source.path === 'string' ? path.relative(process.cwd(), source.path) : 'a stream';
				console.error(`Could not send ${file} (${error.code ?? error.name}); closed that connection.`);
				response.destroy();
			});
		});
	});
}

/**
 * The last resort once the server is listening: an error no code caught is logged and the process
 * keeps answering, since a crash would drop every inspector's sync in flight for one failed
 * request. Only the error's kind and code locations are logged: messages can quote the data that
 * failed (a name, a plate number). Before the server listens a failure still ends the process, so
 * a wrong port or a broken build is seen at once.
 * @param {import('node:http').Server} server
 */
export function keepServingAfterUncaughtErrors(server) {
	const install = () =>
		process.on('uncaughtException', (error) => {
			const { name, code } = /** @type {NodeJS.ErrnoException} */ (
				error instanceof Error ? error : new Error(String(error))
			);
			const frames = (error instanceof Error ? (error.stack ?? '') : '')
				.split('\n')
				.filter((line) => line.startsWith('    at '));
			console.error(`Uncaught ${name}${code ? ` (${code})` : ''}; the server keeps serving.\n${frames.join('\n')}`);
		});
	if (server.listening) install();
	else server.once('listening', install);
}
