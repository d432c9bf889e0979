/**
 * PGlite serves one process per folder: a backup or restore opening the folder of a running
 * server would corrupt it. PGlite keeps `postmaster.pid` in its folder while open and removes it
 * when it closes; after a crash the file stays, and starting and stopping the server once clears it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';

export function refuseRunningPglite(): void {
	const config = readConfig();
	if (config.databaseUrl) return;
	const pid = path.join(config.dataDir, 'pglite', 'postmaster.pid');
	if (fs.existsSync(pid)) {
		console.error(
			`${pid} exists: the server is running on this DATA_DIR (or stopped abruptly). Stop it first; after a crash, start and stop it once.`
		);
		process.exit(1);
	}
}
