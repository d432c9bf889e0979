/**
 * Whether a database holds demo data, and whether it is empty enough to load it. The one module of
 * demo/ that server/startup.ts imports on every start: it needs only the schema. The generator
 * itself (index.ts and the rest of demo/) is imported only when demo data is to be loaded.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { appMeta, users } from '../db/schema.ts';

/** The app_meta row the demo data leaves behind: when it was loaded, and what it made. */
export const DEMO_META_KEY = 'demo_data';

export async function isDemoLoaded(db: Db): Promise<boolean> {
	const rows = await db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, DEMO_META_KEY)).limit(1);
	return rows.length > 0;
}

/** No accounts at all: a fresh installation, where loading demo data cannot mix with real work. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
	const rows = await db.select({ id: users.id }).from(users).limit(1);
	return rows.length === 0;
}
