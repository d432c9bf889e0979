// `npm run audit:verify`: checks the audit log's hash chain on the configured database (DATA_DIR or
// DATABASE_URL, as the server uses) with the audit key (AUDIT_KEY or DATA_DIR/audit.key) and the
// checkpoints in DATA_DIR, and names the first broken entry. Exit code 1 when broken.
import { database } from '../src/lib/server/db/index.ts';
import type { ChainReason } from '../src/lib/domain/views/admin.ts';
import { verifyAuditChain } from '../src/lib/server/audit/verify.ts';
import { checkpointFile } from '../src/lib/server/audit/checkpoints.ts';

const why: Record<ChainReason, string> = {
	hash: 'its content does not match its hash',
	link: 'it does not point to the entry before it',
	gap: 'entries before it are missing',
	unkeyed: 'it has a plain hash where only keyed ones may be: the chain was recomputed without the key',
	key: 'it is keyed and the audit key is missing (set AUDIT_KEY or restore DATA_DIR/audit.key)',
	head: 'audit_head names a later entry: entries from here on were deleted',
	truncated: 'a checkpoint saw entries from here on, and they are gone: the chain was cut and its head moved back',
	checkpoint: `it differs from what a checkpoint saw, or ${checkpointFile()} was tampered with`
};

const opened = await database();
try {
	const report = await verifyAuditChain(opened.db);
	if (report.ok) {
		const anchored = report.checkpoints
			? `${report.checkpoints} checkpoints in ${checkpointFile()} match`
			: `no checkpoints in ${checkpointFile()}: entries cut from the end cannot be seen`;
		console.log(`audit chain intact: ${report.checked} entries checked (${opened.engine}); ${anchored}`);
	} else {
		console.error(
			`audit chain BROKEN at entry ${report.brokenAt}: ${why[report.reason]} (${report.checked} entries before it are intact)`
		);
		process.exitCode = 1;
	}
} finally {
	await opened.close();
}
