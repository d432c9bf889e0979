/**
 * Background work that must run once across all the app servers on one database, not once per
 * server: every server's timer asks often; under the job's advisory lock (db/index.ts, `exclusive`)
 * the first to ask after the job fell due runs it and records the run in `app_meta`; the others
 * find it running (`busy`) or done (`not_due`). A run that throws records nothing, so the next
 * check tries again; a server that dies mid-run frees the lock with its connection.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Db } from '../db/index.ts';
import { appMeta } from '../db/schema.ts';

export type ScheduledJob = { name: string; everyMs: number; run: (db: Db) => Promise<void> };
export type JobOutcome = 'ran' | 'not_due' | 'busy';

/**
 * How often each server asks. With one check a day per server, a server started an hour after
 * another would find the job not yet due at each of its checks and leave it to the first: asking
 * hourly keeps the period within an hour of `everyMs` whichever servers are up.
 */
export const JOB_CHECK_EVERY_MS = 60 * 60 * 1000;

const mark = z.object({ lastRunAt: z.iso.datetime(), runs: z.number().int().nonnegative() });
export type JobMark = z.infer<typeof mark>;

export const jobKey = (name: string) => `job:${name}`;

export async function runIfDue(
	database: Database,
	job: ScheduledJob,
	now: () => Date = () => new Date()
): Promise<JobOutcome> {
	const attempt = await database.exclusive(jobKey(job.name), async (): Promise<JobOutcome> => {
		const { db } = database;
		const last = await readJobMark(db, job.name);
		const startedAt = now();
		if (last && startedAt.getTime() - Date.parse(last.lastRunAt) < job.everyMs) return 'not_due';
		await job.run(db);
		const value: JobMark = { lastRunAt: startedAt.toISOString(), runs: (last?.runs ?? 0) + 1 };
		await db
			.insert(appMeta)
			.values({ key: jobKey(job.name), value })
			.onConflictDoUpdate({ target: appMeta.key, set: { value } });
		return 'ran';
	});
	return attempt.ran ? attempt.value : 'busy';
}

/** When the job last ran to its end, and how many times it has: null before its first run. */
export async function readJobMark(db: Db, name: string): Promise<JobMark | null> {
	const [stored] = await db
		.select()
		.from(appMeta)
		.where(eq(appMeta.key, jobKey(name)));
	const parsed = mark.safeParse(stored?.value);
	return parsed.success ? parsed.data : null;
}
