/**
 * A loopback HTTP proxy that misbehaves on purpose, seeded so a failing run can be replayed: it
 * drops connections before forwarding, drops them after the server has answered (the server
 * committed, the device never hears), sends requests to the server twice, and delays others.
 */
import http from 'node:http';
import net from 'node:net';
import { createRandom } from '../../src/lib/server/demo/random.ts';

export type FaultRates = { dropBefore: number; dropAfter: number; duplicate: number; delay: number };
export type FaultCounts = {
	requests: number;
	droppedBefore: number;
	droppedAfter: number;
	duplicated: number;
	delayed: number;
};
export type FaultyProxy = {
	url: string;
	counts: FaultCounts;
	setTarget(port: number): void;
	/** Called when a push has been forwarded; the crash test kills the server from here. */
	onForwardedPush: (() => void) | null;
	close(): Promise<void>;
};

export async function startFaultyProxy(targetPort: number, rates: FaultRates, seed = 'faults'): Promise<FaultyProxy> {
	const random = createRandom(seed);
	let target = targetPort;
	const counts: FaultCounts = { requests: 0, droppedBefore: 0, droppedAfter: 0, duplicated: 0, delayed: 0 };
	const sockets = new Set<net.Socket>();

	const forward = (method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer) =>
		new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
			const request = http.request(
				{ host: '127.0.0.1', port: target, method, path, headers: { ...headers, host: `127.0.0.1:${target}` } },
				(response) => {
					const chunks: Buffer[] = [];
					response.on('data', (c: Buffer) => chunks.push(c));
					response.on('end', () =>
						resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) })
					);
					response.on('error', reject);
				}
			);
			request.on('error', reject);
			request.end(body);
		});

	const proxy: FaultyProxy = {
		url: '',
		counts,
		onForwardedPush: null,
		setTarget: (port) => (target = port),
		close: () =>
			new Promise((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			})
	};

	const server = http.createServer(async (req, res) => {
		counts.requests++;
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks);
		const roll = random.next();
		const { dropBefore, dropAfter, duplicate, delay } = rates;
		if (roll < dropBefore) {
			counts.droppedBefore++;
			req.socket.destroy();
			return;
		}
		if (random.next() < delay) {
			counts.delayed++;
			await new Promise((r) => setTimeout(r, random.int(20, 250)));
		}
		const isPush = req.url?.startsWith('/api/sync/push') ?? false;
		try {
			const sending = forward(req.method ?? 'GET', req.url ?? '/', req.headers, body);
			if (isPush) proxy.onForwardedPush?.();
			if (roll >= dropBefore && roll < dropBefore + duplicate) {
				counts.duplicated++;
				// The copy races the original, as a retrying network middlebox would.
				void forward(req.method ?? 'GET', req.url ?? '/', req.headers, body).catch(() => {});
			}
			const answer = await sending;
			if (roll >= dropBefore + duplicate && roll < dropBefore + duplicate + dropAfter) {
				counts.droppedAfter++;
				req.socket.destroy();
				return;
			}
			const headers = { ...answer.headers };
			delete headers['transfer-encoding'];
			headers['content-length'] = String(answer.body.length);
			res.writeHead(answer.status, headers);
			res.end(answer.body);
		} catch {
			req.socket.destroy();
		}
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
	return proxy;
}
