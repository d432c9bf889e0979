// `npm run retention:run`: anonymises now the person-level details of closed cases older than
// RETENTION_DAYS, on the configured database (DATA_DIR or DATABASE_URL), as the server does daily.
import { database } from '../src/lib/server/db/index.ts';
import { readConfig } from '../src/lib/server/config.ts';
import { applyRetention } from '../src/lib/server/privacy/retention.ts';

const opened = await database();
try {
	const { retentionDays } = readConfig();
	const { anonymised } = await applyRetention(opened.db, retentionDays);
	console.log(`retention (${retentionDays} days): ${anonymised} persons of closed cases anonymised (${opened.engine})`);
} finally {
	await opened.close();
}
