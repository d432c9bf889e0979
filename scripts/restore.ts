// `npm run restore -- FILE`: restores an archive made by `npm run backup` into the configured
// database (DATA_DIR or DATABASE_URL), which must be new: migrated, no users. All or nothing.
// Then `npm run audit:verify` with the same AUDIT_KEY as the backed-up system checks the chain.
import path from 'node:path';
import { database } from '../src/lib/server/db/index.ts';
import { byteStore } from '../src/lib/server/storage/byteStore.ts';
import { restoreBackup } from '../src/lib/server/backup/restore.ts';
import { refuseRunningPglite } from '../src/lib/server/backup/pgliteInUse.ts';
import { describeError } from '../src/lib/server/errorLog.ts';

const file = process.argv[2];
if (!file) {
	console.error('usage: npm run restore -- FILE');
	process.exit(2);
}
refuseRunningPglite();
const opened = await database();
try {
	const started = Date.now();
	const restored = await restoreBackup(opened, await byteStore(), path.resolve(file));
	const rows = restored.tables.reduce((sum, table) => sum + table.rows, 0);
	console.log(
		`restored ${path.resolve(file)} (made ${restored.createdAt} on ${restored.engine}) into ${opened.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${restored.tables.length} tables, ${rows} rows, ${restored.photos.count} photos`
	);
} catch (error) {
	console.error(
		`restore failed: ${error instanceof Error && error.name === 'BackupError' ? error.message : describeError(error)}`
	);
	process.exitCode = 1;
} finally {
	await opened.close();
}
