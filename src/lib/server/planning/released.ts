/**
 * Whether an operation is released (planning/embargo.ts): the one definition, in SQL for queries and
 * in code for a row at hand. Released means not withdrawn, and released by a person or past the
 * briefing time the planner set — so no job has to run for the clock to release it.
 */
import { sql, type SQL } from 'drizzle-orm';
import { operations } from '../db/schema.ts';
import { calendarDay } from '../../domain/field/teamDays.ts';
import { readConfig } from '../config.ts';

export function releasedSql(now: Date): SQL<boolean> {
	// An ISO text cast in SQL: a raw Date parameter is not serialised alike by both drivers.
	return sql<boolean>`(${operations.withdrawnAt} is null and (${operations.releasedAt} is not null or ${operations.releaseAt} <= ${now.toISOString()}::timestamptz))`;
}

export function isReleased(
	operation: { releasedAt: Date | null; releaseAt: Date | null; withdrawnAt: Date | null },
	now = new Date()
): boolean {
	if (operation.withdrawnAt) return false;
	return operation.releasedAt !== null || (operation.releaseAt !== null && operation.releaseAt <= now);
}

/**
 * The last operation day still on the devices: an operation dated before it has expired (its date
 * plus `OPERATION_EXPIRY_DAYS` has passed). Operation dates are days of the operations' calendar
 * (Kosovo's), as the phones' Today reads them: in UTC's, from 23:00 or midnight until 01:00 the
 * server took today's operation for yesterday's, or yesterday's for today's.
 */
export function expiryCutoffDay(now: Date, expiryDays = readConfig().operationExpiryDays): string {
	return calendarDay(new Date(now.getTime() - expiryDays * 86_400_000));
}

/** Expired: marked so by the maintenance, or past the cutoff already. */
export function expiredSql(now: Date): SQL<boolean> {
	return sql<boolean>`(${operations.expiredAt} is not null or ${operations.date} < ${expiryCutoffDay(now)})`;
}
