/**
 * Sign-in throttling per username and per address, counted in the database so it holds across
 * restarts and instances. Limits sit well above a person mistyping and well below guessing.
 */
import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { loginFailures } from '../db/schema.ts';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
// An office behind one NAT shares an address, hence the higher limit.
export const MAX_FAILURES_PER_ADDRESS = 20;

export async function isThrottled(db: Db, username: string, address: string, now = new Date()): Promise<boolean> {
	const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
	const [byUser] = await db
		.select({ n: count() })
		.from(loginFailures)
		.where(and(eq(loginFailures.username, username), gt(loginFailures.at, since)));
	if ((byUser?.n ?? 0) >= MAX_FAILURES_PER_USERNAME) return true;
	const [byAddress] = await db
		.select({ n: count() })
		.from(loginFailures)
		.where(and(eq(loginFailures.address, address), gt(loginFailures.at, since)));
	return (byAddress?.n ?? 0) >= MAX_FAILURES_PER_ADDRESS;
}

export async function recordFailure(db: Db, username: string, address: string, now = new Date()): Promise<void> {
	await db.insert(loginFailures).values({ username, address, at: now });
	// Old rows are useless for throttling; trimming here keeps the table small without a job.
	await db.delete(loginFailures).where(lt(loginFailures.at, new Date(now.getTime() - THROTTLE_WINDOW_MS)));
}

/** A successful sign-in clears the username's failures (not the address's: that would let one good account unlock guessing). */
export async function clearFailures(db: Db, username: string): Promise<void> {
	await db.delete(loginFailures).where(eq(loginFailures.username, username));
}
