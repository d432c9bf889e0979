/**
 * Deployment settings, read from the environment once. Plain `process.env` (not `$env`) so the
 * command-line scripts (`npm run user:create`, `audit:verify`) share this module with the server.
 */
import path from 'node:path';
import type { Bounds } from '../domain/geo/bounds.ts';
import { REPORTING_TIME_ZONE } from '../domain/coverage/filters.ts';
import { deploymentBounds } from './register/settings.ts';

/** Five years: how long person-level details of a closed case are kept by default. */
export const DEFAULT_RETENTION_DAYS = 5 * 365;
/** How long the change feed keeps its rows as written (sync/feedPruning.ts). */
export const DEFAULT_FEED_RETENTION_DAYS = 90;

export type ServerConfig = {
	databaseUrl: string | null;
	dataDir: string;
	/** `BASEMAP_FILE`: the self-hosted PMTiles archive (resolved path), or null without one. */
	basemapFile: string | null;
	/** The raster tile template; '' with a basemap file, so no page asks another host (README, "Basemap"). */
	tileUrl: string;
	/** `DEPLOYMENT_BOUNDS`: the box venues must lie in, and the view every map opens on. */
	deploymentBounds: Bounds;
	production: boolean;
	demoData: boolean;
	secureCookies: boolean;
	/** Minutes without a touch after which the inspector's app locks (PIN). */
	lockAfterMinutes: number;
	/** Days after which person-level details of closed cases are anonymised. */
	retentionDays: number;
	/** `OPERATION_EXPIRY_DAYS`: days after an operation's date when its target list leaves the devices. */
	operationExpiryDays: number;
	/** `DEVICE_PERSON_DAYS`: days after a visit's submission when its person-level records leave the devices. */
	devicePersonDays: number;
	/**
	 * `FEED_RETENTION_DAYS`: days the change feed keeps deletions and superseded rows; a device away
	 * longer (that missed a deletion) starts again from empty (sync/feedPruning.ts).
	 */
	feedRetentionDays: number;
	/** `REPORTING_TIME_ZONE`: the zone whose calendar days, months and years the coverage figures count in. */
	reportingTimeZone: string;
	/** `METRICS_TOKEN`: the bearer token /metrics asks for; null leaves /metrics answering 404. */
	metricsToken: string | null;
	/** `DATABASE_POOL_MAX`: connections the server keeps open to PostgreSQL at most. */
	databasePoolMax: number;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const production = env.NODE_ENV === 'production';
	const origin = env.ORIGIN ?? '';
	const basemapFile = env.BASEMAP_FILE?.trim() ? path.resolve(env.BASEMAP_FILE.trim()) : null;
	return {
		databaseUrl: env.DATABASE_URL?.trim() || null,
		dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
		basemapFile,
		// Every tile request to another host tells it which streets the planners and teams look at:
		// with our own archive there is none, whatever TILE_URL says (configWarnings tells the operator).
		tileUrl: basemapFile ? '' : env.TILE_URL?.trim() || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
		deploymentBounds: deploymentBounds(env),
		production,
		// Demo data is never loaded in production, whatever DEMO_DATA says.
		demoData: !production && env.DEMO_DATA !== 'off',
		secureCookies: origin.startsWith('https://'),
		lockAfterMinutes: positiveNumber(env.LOCK_AFTER_MINUTES, 5),
		retentionDays: positiveNumber(env.RETENTION_DAYS, DEFAULT_RETENTION_DAYS),
		operationExpiryDays: positiveNumber(env.OPERATION_EXPIRY_DAYS, 3),
		devicePersonDays: positiveNumber(env.DEVICE_PERSON_DAYS, 7),
		feedRetentionDays: positiveNumber(env.FEED_RETENTION_DAYS, DEFAULT_FEED_RETENTION_DAYS),
		reportingTimeZone: timeZone(env.REPORTING_TIME_ZONE),
		metricsToken: env.METRICS_TOKEN?.trim() || null,
		databasePoolMax: Math.floor(positiveNumber(env.DATABASE_POOL_MAX, 10))
	};
}

/** Settings the server ignores, said once at start so an operator is not left guessing. No values: only names. */
export function configWarnings(env: NodeJS.ProcessEnv = process.env): string[] {
	const warnings: string[] = [];
	if (env.BASEMAP_FILE?.trim() && env.TILE_URL?.trim())
		warnings.push('TILE_URL is ignored because BASEMAP_FILE is set: the maps ask no other host for tiles');
	return warnings;
}

/**
 * An IANA zone the runtime knows. A misspelt one would count every inspection on the wrong day
 * without a word, so it stops the start instead (hooks.server.ts reads the settings on load).
 */
function timeZone(text: string | undefined): string {
	const zone = text?.trim();
	if (!zone) return REPORTING_TIME_ZONE;
	try {
		return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
	} catch {
		throw new RangeError(`REPORTING_TIME_ZONE must be an IANA time zone such as Europe/Belgrade, not "${zone}"`);
	}
}

function positiveNumber(text: string | undefined, fallback: number): number {
	const value = Number(text);
	return text?.trim() && Number.isFinite(value) && value > 0 ? value : fallback;
}
