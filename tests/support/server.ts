/**
 * The built app as a real server process (`node build`) on a free port, with a fresh PGlite data
 * folder and the demo data — what `npm start` serves, for the browser tests. Like a plain
 * `npm start` it runs without ORIGIN unless `declareOrigin` asks for a deployment's set-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type RunningServer = {
	url: string;
	port: number;
	dataDir: string;
	output: () => string;
	/** Ends the process at once (SIGKILL), as a power cut or an OOM kill would. */
	kill: () => Promise<void>;
	/** Sends SIGTERM, as an orchestrator stopping it does; resolves with the exit code once it has exited. */
	terminate: () => Promise<number | null>;
	/** Kills it (if running) and starts it again on the same port and data. */
	restart: () => Promise<void>;
	stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/**
 * `serveScript` starts another copy of the app (support/builtCopy.ts) instead of this checkout's;
 * the working folder stays this checkout, where the migrations are read from.
 */
export async function startServer(
	env: Record<string, string> = {},
	{ declareOrigin = false, serveScript = 'scripts/serve.js' } = {}
): Promise<RunningServer> {
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontrolla-e2e-'));
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DATA_DIR: dataDir,
		DATABASE_URL: '',
		TILE_URL: `${url}/no-tiles/{z}/{x}/{y}.png`,
		...env
	};
	if (!declareOrigin) delete childEnv.ORIGIN;
	let child: ChildProcess = await launch();

	async function launch(): Promise<ChildProcess> {
		const started = spawn(process.execPath, [serveScript], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
		started.stdout?.on('data', (chunk) => (output += chunk));
		started.stderr?.on('data', (chunk) => (output += chunk));
		const deadline = Date.now() + 120_000;
		for (;;) {
			if (started.exitCode !== null) throw new Error(`server exited early:\n${output}`);
			try {
				const response = await fetch(`${url}/api/health`);
				// The first request waits for migrations and the demo seed.
				if (response.ok) return started;
			} catch {
				/* not listening yet */
			}
			if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	const exited = (running: ChildProcess) =>
		running.exitCode !== null || running.signalCode !== null
			? Promise.resolve()
			: new Promise((r) => running.once('exit', r));
	const kill = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		await exited(child);
	};
	return {
		url,
		port,
		dataDir,
		kill,
		terminate: () => {
			const running = child;
			running.kill('SIGTERM');
			return exited(running).then(() => running.exitCode);
		},
		restart: async () => {
			await kill();
			child = await launch();
		},
		output: () => output,
		stop: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				// A server that does not stop within 15 s is a bug the output will show; do not hang on it.
				const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
				await exited(child);
				clearTimeout(late);
			}
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
