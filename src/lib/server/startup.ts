/** What the server does once before serving: open and migrate the database, load demo data. */
import { database, type Database } from './db/index.ts';
import { readConfig } from './config.ts';
import { basemapPath } from './basemap/file.ts';
// The demo generator (demo/) is imported below only when demo data is loaded or present.
import { isDatabaseEmpty, isDemoLoaded } from './demo/loaded.ts';
import { applyRetention } from './privacy/retention.ts';
import { sql } from 'drizzle-orm';
import { noteReportingZone, refreshCoverageRollups } from './coverage/rollup.ts';
import { auditKey } from './audit/key.ts';
import { ensureAuditKeyMatches } from './audit/keyCheck.ts';
import { checkpointAudit, CHECKPOINT_EVERY_MS } from './audit/checkpointer.ts';
import { describeError } from './errorLog.ts';
import { seedPersonTexts } from './personInfo/texts.ts';
import { seedViolationKindsIfAbsent } from './labour/violationKinds.ts';
import { normaliseStoredNationalities } from './nationality/backfill.ts';
import { JOB_CHECK_EVERY_MS, runIfDue, type ScheduledJob } from './jobs/scheduled.ts';
import { pruneChangeFeed } from './sync/feedPruning.ts';
import { log } from './log.ts';

const DAY_MS = 86_400_000;

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
	// On the first start this makes DATA_DIR/audit.key, before anything is audited; a bad AUDIT_KEY stops the start here.
	auditKey({ create: true });
	// The demo basemap (basemap/demoArchive.ts), made once into DATA_DIR, unless an archive is configured.
	if (config.demoData && !config.basemapFile) {
		const { ensureDemoBasemap } = await import('./basemap/demoArchive.ts');
		const demoArchive = basemapPath(config);
		if (demoArchive) ensureDemoBasemap(demoArchive);
	}
	const opened = await database();
	const { db, engine } = opened;
	// Before anything is audited: a server with another key than the database's must not append to its chain.
	await ensureAuditKeyMatches(db, auditKey({ create: true })!);
	if (config.demoData && (await isDatabaseEmpty(db))) {
		const { seedDemoData } = await import('./demo/index.ts');
		const started = Date.now();
		const summary = await seedDemoData(db, { now: new Date() });
		log.info(`demo data loaded in ${Date.now() - started} ms: ${JSON.stringify(summary)}`);
	}
	// The texts shown to a person in their language must be on every server, demo or not.
	const seededTexts = await seedPersonTexts(db);
	if (seededTexts > 0) log.info(`${seededTexts} person texts seeded (not yet reviewed)`);
	// The labour inspectors' catalogue of violations, likewise on every server.
	const seededKinds = await seedViolationKindsIfAbsent(db);
	if (seededKinds > 0) log.info(`${seededKinds} violation kinds seeded`);
	const demoData = await isDemoLoaded(db);
	if (demoData) {
		const { demoAccounts, DEMO_PASSWORD } = await import('./demo/accounts.ts');
		log.info(`demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts.map((a) => a.username).join(', ')}`);
	}
	log.info(`database: ${engine}${config.databaseUrl ? '' : ` in ${config.dataDir}`}`);
	if (await noteReportingZone(db))
		log.info(`coverage rollups: REPORTING_TIME_ZONE is now ${config.reportingTimeZone}: every day will be recounted`);
	// Once a day across all the servers on this database (jobs/scheduled.ts), the first check now:
	// a new database, or one whose last run is a day old, is brought up to date before serving.
	const daily = dailyMaintenance(engine, config.retentionDays);
	await runDailyMaintenance(opened, daily);
	// Unref'd so the timer never holds a stopping process open.
	setInterval(() => void runDailyMaintenance(opened, daily), JOB_CHECK_EVERY_MS).unref();
	// Checkpoints of the audit chain outside the database (audit/checkpointer.ts). Every server
	// writes its own, into its own DATA_DIR: each is one more anchor of the one chain.
	void checkpointAudit(db);
	setInterval(() => void checkpointAudit(db), CHECKPOINT_EVERY_MS).unref();
	return { engine, demoData };
}

export const DAILY_MAINTENANCE = 'daily-maintenance';

/** Retention, backfills, the planner's statistics (PGlite), the coverage rollups. Each step reports its own failure. */
function dailyMaintenance(engine: Database['engine'], retentionDays: number): ScheduledJob {
	return {
		name: DAILY_MAINTENANCE,
		everyMs: DAY_MS,
		async run(db) {
			await runRetention(db, retentionDays);
			await runNationalityBackfill(db);
			// In the background: the first run over a long-kept feed may take a while, and pulls stay
			// correct while it runs (sync/feedPruning.ts). Once a day across the servers, as the rest.
			void runFeedPruning(db);
			if (engine === 'pglite') await refreshStatistics(db);
			// Not awaited: after migration 0004 it rebuilds every stored inspection's figures, and the
			// server should not wait for that to serve. Without it the changes would wait for the first
			// supervisor to open the figures, who would then pay for the rebuild.
			void refreshCoverageRollups(db).catch((error: unknown) =>
				log.error(`coverage rollups refresh failed: ${describeError(error)}`)
			);
		}
	};
}

async function runDailyMaintenance(opened: Database, job: ScheduledJob): Promise<void> {
	try {
		const outcome = await runIfDue(opened, job);
		// Said only when it ran: the multi-server test counts these lines across the servers.
		if (outcome === 'ran') log.info(`daily maintenance ran`);
	} catch (error) {
		log.error(`daily maintenance failed: ${describeError(error)}`);
	}
}

/**
 * PGlite has no autovacuum, so nothing else gathers the planner's statistics: without them the
 * coverage queries were planned for one-row tables (an anti-join scanning every inspection per
 * inspection: 580 ms instead of 4 ms on the demo data).
 */
async function refreshStatistics(db: Database['db']): Promise<void> {
	try {
		await db.execute(sql`analyze`);
	} catch (error) {
		log.error(`analyze failed: ${describeError(error)}`);
	}
}

async function runFeedPruning(db: Database['db']): Promise<void> {
	try {
		const { pruned, horizon } = await pruneChangeFeed(db, {
			now: new Date(),
			retentionDays: readConfig().feedRetentionDays
		});
		if (pruned > 0) log.info(`change feed: ${pruned} rows pruned, horizon ${horizon}`);
	} catch (error) {
		log.error(`change feed pruning failed: ${describeError(error)}`);
	}
}

async function runNationalityBackfill(db: Database['db']): Promise<void> {
	try {
		const { values, persons } = await normaliseStoredNationalities(db);
		if (persons > 0) log.info(`nationalities: ${persons} persons recorded as codes (${values} values)`);
	} catch (error) {
		log.error(`nationality backfill failed: ${describeError(error)}`);
	}
}

async function runRetention(db: Database['db'], retentionDays: number): Promise<void> {
	try {
		const { anonymised } = await applyRetention(db, retentionDays);
		// Counts only: the log never names a person.
		if (anonymised > 0) log.info(`retention: ${anonymised} persons of closed cases anonymised`);
	} catch (error) {
		// Codes only: a failed query's message would carry the persons' details.
		log.error(`retention run failed: ${describeError(error)}`);
	}
}
