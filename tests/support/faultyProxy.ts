/**
 * A loopback HTTP proxy that misbehaves on purpose, seeded so a failing run can be replayed: it
 * drops connections before forwarding, drops them after the server has answered (the server
 * committed, the device never hears), sends requests to the server twice, and delays others.
 * Given several servers it is also the load balancer: requests go round-robin, and one a server
 * refuses to connect (it is down) goes to the next, as a balancer's passive health check does;
 * a request that reached a server is never sent again by the proxy (only by a duplicate fault).
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
	/** Requests forwarded to each server port. */
	byPort: Record<number, number>;
};
export type FaultyProxy = {
	url: string;
	counts: FaultCounts;
	setTarget(port: number | number[]): void;
	/** Called when a push has been forwarded (to `port`); the crash tests kill the server from here. */
	onForwardedPush: ((port: number) => void) | null;
	close(): Promise<void>;
};

export async function startFaultyProxy(
	targetPorts: number | number[],
	rates: FaultRates,
	seed = 'faults'
): Promise<FaultyProxy> {
	const random = createRandom(seed);
	let targets = [targetPorts].flat();
	let turn = 0;
	const counts: FaultCounts = { requests: 0, droppedBefore: 0, droppedAfter: 0, duplicated: 0, delayed: 0, byPort: {} };
	const sockets = new Set<net.Socket>();

	type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
	/** To the next server in turn; past those that refuse the connection. */
	const forward = async (method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer) => {
		const first = turn++;
		for (let tried = 0; ; tried++) {
			const port = targets[(first + tried) % targets.length]!;
			try {
				return await forwardTo(port, method, path, headers, body);
			} catch (error) {
				const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED';
				if (!refused || tried + 1 >= targets.length) throw error;
			}
		}
	};

	const forwardTo = (port: number, method: string, path: string, headers: http.IncomingHttpHeaders, body: Buffer) =>
		new Promise<Answer>((resolve, reject) => {
			const target = port;
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
			// Once connected the request has reached the server: from here on it is never resent.
			const reached = () => {
				counts.byPort[port] = (counts.byPort[port] ?? 0) + 1;
				if (path.startsWith('/api/sync/push')) proxy.onForwardedPush?.(port);
			};
			// A kept-alive socket is connected already.
			request.on('socket', (socket) => (socket.connecting ? socket.once('connect', reached) : reached()));
			request.end(body);
		});

	const proxy: FaultyProxy = {
		url: '',
		counts,
		onForwardedPush: null,
		setTarget: (ports) => (targets = [ports].flat()),
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
		try {
			const sending = forward(req.method ?? 'GET', req.url ?? '/', req.headers, body);
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
