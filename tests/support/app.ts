/**
 * The built application (`npm run build`, whose server half SvelteKit leaves in
 * .svelte-kit/output/server before adapter-node bundles it) served in-process: SvelteKit's own Server runs the real
 * hooks, route guard and endpoints against the test's database, without a port or a subprocess.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { useDatabase, type Database } from '../../src/lib/server/db/index.ts';
import { FIXTURE_PASSWORD } from './fixtures.ts';

const BUILD = path.resolve('.svelte-kit/output');

type KitServer = {
	init(options: { env: Record<string, string>; read: (file: string) => ReadableStream }): Promise<void>;
	respond(request: Request, options: { getClientAddress: () => string }): Promise<Response>;
};

export type TestApp = {
	request(pathname: string, init?: RequestInit & { address?: string }): Promise<Response>;
	client(): TestClient;
	/** A client signed in as a fixture user, from an address of its own (sign-ins are throttled per address). */
	signedIn(username: string): Promise<TestClient>;
};

export async function startApp(database: Database): Promise<TestApp> {
	if (!fs.existsSync(path.join(BUILD, 'server/index.js'))) {
		throw new Error('build/ is missing: run `npm run build` before the server tests');
	}
	useDatabase(database);
	delete (globalThis as Record<symbol, unknown>)[Symbol.for('kontrolla.startup')];
	const { Server } = (await import(path.join(BUILD, 'server/index.js'))) as {
		Server: new (manifest: unknown) => KitServer;
	};
	const { manifest } = (await import(path.join(BUILD, 'server/manifest.js'))) as { manifest: unknown };
	const server = new Server(manifest);
	// Tests bring their own fixtures; the server reads its settings from process.env.
	process.env.DEMO_DATA = 'off';
	process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-server-test-'));
	const env = { ...process.env } as Record<string, string>;
	await server.init({
		env,
		read: (file) => Readable.toWeb(fs.createReadStream(path.join(BUILD, 'client', file))) as ReadableStream
	});
	const app: TestApp = {
		request(pathname, init = {}) {
			const { address = '127.0.0.1', ...rest } = init;
			const headers = new Headers(rest.headers);
			if (!headers.has('origin')) headers.set('origin', 'http://localhost');
			return server.respond(new Request(new URL(pathname, 'http://localhost'), { ...rest, headers }), {
				getClientAddress: () => address
			});
		},
		client: () => new TestClient(app),
		async signedIn(username) {
			const client = new TestClient(app);
			const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.1`;
			const response = await client.post('/api/auth/login', { username, password: FIXTURE_PASSWORD }, { address });
			if (response.status !== 200) throw new Error(`signing in as ${username} answered ${response.status}`);
			return client;
		}
	};
	return app;
}

/** A browser-like caller that keeps its cookies between requests. */
export class TestClient {
	private cookies = new Map<string, string>();
	constructor(private app: TestApp) {}

	async request(pathname: string, init: RequestInit & { address?: string } = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		const response = await this.app.request(pathname, { ...init, headers });
		for (const line of response.headers.getSetCookie()) {
			const [pair = '', ...attributes] = line.split(';');
			const [name = '', value = ''] = pair.split('=');
			const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()));
			if (expired || value === '') this.cookies.delete(name.trim());
			else this.cookies.set(name.trim(), value);
		}
		return response;
	}

	post(pathname: string, body: unknown, init: RequestInit & { address?: string } = {}): Promise<Response> {
		return this.request(pathname, {
			...init,
			method: 'POST',
			headers: { 'content-type': 'application/json', ...init.headers },
			body: JSON.stringify(body)
		});
	}

	get(pathname: string): Promise<Response> {
		return this.request(pathname);
	}

	cookie(name: string): string | undefined {
		return this.cookies.get(name);
	}
}
