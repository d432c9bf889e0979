/** What the server does once before serving: open and migrate the database, load demo data. */
import { database, type Database } from './db/index.ts';
import { readConfig } from './config.ts';
import { isDatabaseEmpty, isDemoLoaded, seedDemoData } from './seed/index.ts';
import { demoAccounts, DEMO_PASSWORD } from './seed/accounts.ts';

export type StartupState = { engine: Database['engine']; demoData: boolean };

const SLOT = Symbol.for('kontrolla.startup');
type Slot = { [SLOT]?: Promise<StartupState> };

export function startup(): Promise<StartupState> {
	const slot = globalThis as Slot;
	slot[SLOT] ??= prepare();
	return slot[SLOT];
}

async function prepare(): Promise<StartupState> {
	const config = readConfig();
	const { db, engine } = await database();
	if (config.demoData && (await isDatabaseEmpty(db))) {
		const started = Date.now();
		const summary = await seedDemoData(db, { now: new Date() });
		console.log(`[kontrolla] demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(summary)}`);
	}
	const demoData = await isDemoLoaded(db);
	if (demoData) {
		console.log(`[kontrolla] demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => a.username).join(', ')}`);
	}
	console.log(`[kontrolla] database: ${engine}${config.databaseUrl ? '' : ` in ${config.dataDir}`}`);
	return { engine, demoData };
}
