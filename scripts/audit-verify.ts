// `npm run audit:verify`: checks the audit log's hash chain on the configured database (DATA_DIR or
// DATABASE_URL, as the server uses) and names the first broken entry. Exit code 1 when broken.
import { database } from '../src/lib/server/db/index.ts';
import { verifyAuditChain } from '../src/lib/server/audit/verify.ts';

const opened = await database();
try {
	const report = await verifyAuditChain(opened.db);
	if (report.ok) {
		console.log(`audit chain intact: ${report.checked} entries checked (${opened.engine})`);
	} else {
		const why = { hash: 'its content does not match its hash', link: 'it does not point to the entry before it', gap: 'entries before it are missing' }[report.reason];
		console.error(`audit chain BROKEN at entry ${report.brokenAt}: ${why} (${report.checked} entries before it are intact)`);
		process.exitCode = 1;
	}
} finally {
	await opened.close();
}
