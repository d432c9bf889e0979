/**
 * Whether this process should be sent traffic (GET /api/ready), as against whether it runs at all
 * (GET /api/health): the database answers, every shipped migration is applied, and no shutdown
 * has begun, so a load balancer stops sending requests while the in-flight ones finish.
 */
import { sql } from 'drizzle-orm';
import { database } from './db/index.ts';
import { migrationState } from './db/migrations.ts';
import { describeError } from './errorLog.ts';
import { log } from './log.ts';

export type Readiness =
	{ ready: true } | { ready: false; reason: 'shutting_down' | 'database_unreachable' | 'migrations_pending' };

// A database that hangs rather than refuses must not hang the probe: the balancer's own timeout
// would say less than our reason code.
const PROBE_TIMEOUT_MS = 5_000;

const SLOT = Symbol.for('kontrolla.shuttingDown');
type Slot = { [SLOT]?: boolean };

/** Called on SIGTERM/SIGINT (hooks.server.ts), before the HTTP server has drained. */
export function beginShutdown(): void {
	(globalThis as Slot)[SLOT] = true;
}

export async function readiness(): Promise<Readiness> {
	if ((globalThis as Slot)[SLOT]) return { ready: false, reason: 'shutting_down' };
	let pending: number;
	try {
		pending = await withTimeout(
			(async () => {
				const { db } = await database();
				await db.execute(sql`select 1`);
				return (await migrationState(db)).pending;
			})()
		);
	} catch (error) {
		log.warn(`readiness probe: database unreachable: ${describeError(error)}`);
		return { ready: false, reason: 'database_unreachable' };
	}
	return pending === 0 ? { ready: true } : { ready: false, reason: 'migrations_pending' };
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS);
	});
	return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
