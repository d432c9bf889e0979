/**
 * Background jobs run once across the servers on one database (jobs/scheduled.ts): when due, not
 * again within their period, not while another holder runs them, and again after a failed run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testEngine } from '../support/database.ts';
import type { Database } from '../../src/lib/server/db/index.ts';
import { readJobMark, runIfDue, type ScheduledJob } from '../../src/lib/server/jobs/scheduled.ts';

let database: Database;
beforeAll(async () => {
	database = await openTestDatabase();
});
afterAll(async () => {
	await database?.close();
});

const HOUR = 3_600_000;
const at = (hours: number) => () => new Date(Date.UTC(2026, 11, 3) + hours * HOUR);

describe(`scheduled jobs on ${testEngine}`, () => {
	it('runs when due, not again within its period, and again after it', async () => {
		let runs = 0;
		const job: ScheduledJob = { name: 'counting', everyMs: 24 * HOUR, run: async () => void runs++ };
		expect(await runIfDue(database, job, at(0))).toBe('ran');
		expect(await runIfDue(database, job, at(1))).toBe('not_due');
		expect(await runIfDue(database, job, at(23.9))).toBe('not_due');
		expect(await runIfDue(database, job, at(24))).toBe('ran');
		expect(runs).toBe(2);
		expect(await readJobMark(database.db, 'counting')).toEqual({ lastRunAt: at(24)().toISOString(), runs: 2 });
	});

	it('is busy, and does not run, while another holder of its lock runs it', async () => {
		let runs = 0;
		const job: ScheduledJob = { name: 'held', everyMs: HOUR, run: async () => void runs++ };
		// On PostgreSQL the outer lock is held on another connection, as another server would hold it.
		const outer = await database.exclusive('job:held', () => runIfDue(database, job, at(0)));
		expect(outer).toEqual({ ran: true, value: 'busy' });
		expect(runs).toBe(0);
		expect(await runIfDue(database, job, at(0))).toBe('ran');
		expect(runs).toBe(1);
	});

	it('records nothing for a run that fails, so the next check runs it again', async () => {
		let fail = true;
		const job: ScheduledJob = {
			name: 'flaky',
			everyMs: 24 * HOUR,
			run: async () => {
				if (fail) throw new Error('database went away');
			}
		};
		await expect(runIfDue(database, job, at(0))).rejects.toThrow('database went away');
		expect(await readJobMark(database.db, 'flaky')).toBeNull();
		fail = false;
		expect(await runIfDue(database, job, at(1))).toBe('ran');
		// The lock was freed by the failed run.
		expect(await database.exclusive('job:flaky', async () => 'free')).toEqual({ ran: true, value: 'free' });
	});
});
