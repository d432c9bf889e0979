// `npm run backup -- FILE`: one consistent archive of the configured database (DATA_DIR or
// DATABASE_URL, as the server uses) and its photo bytes, with a manifest of counts and hashes
// (src/lib/server/backup/). The audit key is not in it: keep AUDIT_KEY (or DATA_DIR/audit.key) apart.
import path from 'node:path';
import { database } from '../src/lib/server/db/index.ts';
import { byteStore } from '../src/lib/server/storage/byteStore.ts';
import { writeBackup } from '../src/lib/server/backup/backup.ts';
import { refuseRunningPglite } from '../src/lib/server/backup/pgliteInUse.ts';
import { describeError } from '../src/lib/server/errorLog.ts';

const file = process.argv[2];
if (!file) {
	console.error('usage: npm run backup -- FILE   (e.g. kontrolla-2026-12-03.tar.gz)');
	process.exit(2);
}
refuseRunningPglite();
const opened = await database();
try {
	const started = Date.now();
	const made = await writeBackup(opened, await byteStore(), path.resolve(file));
	const rows = made.tables.reduce((sum, table) => sum + table.rows, 0);
	console.log(
		`backup written to ${path.resolve(file)} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${made.engine}, schema ${made.migrations.latest}, ${made.tables.length} tables, ${rows} rows, ${made.photos.count} photos (${made.photos.bytes} bytes)`
	);
} catch (error) {
	console.error(
		`backup failed: ${error instanceof Error && error.name === 'BackupError' ? error.message : describeError(error)}`
	);
	process.exitCode = 1;
} finally {
	await opened.close();
}
