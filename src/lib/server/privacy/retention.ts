/**
 * The retention rule: person-level details of closed cases are anonymised once the retention period
 * has passed (RETENTION_DAYS, default five years). A case is closed when its inspection was
 * submitted and none of the person's referrals is still open (made or accepted) — a person never
 * referred closes with the inspection — and no reflection and recovery period of the person is
 * still running (docs/DOMAIN.md: 90 days, during which the person's details are needed, whatever
 * the referral's status). The clock runs from the submission (or, for records made before
 * submission times were kept, the start of the inspection).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { rowsOf } from '../db/rows.ts';
import { anonymisePerson } from './anonymise.ts';

/** The persons due now, oldest first, at most `limit` (a run that is cut short resumes next time). */
export async function dueForAnonymisation(
	db: Db,
	retentionDays: number,
	now = new Date(),
	limit = 1000
): Promise<string[]> {
	const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
	// Periods are calendar dates; one that ends today is still running today.
	const today = now.toISOString().slice(0, 10);
	return rowsOf<{ id: string }>(
		await db.execute(sql`select sp.id from screened_persons sp
			join inspections i on i.id = sp.inspection_id
			where sp.anonymised_at is null and sp.deleted_at is null and i.status = 'submitted'
				and coalesce(i.submitted_at, i.started_at) < ${cutoff.toISOString()}::timestamptz
				and not exists (select 1 from referrals r where r.person_id = sp.id and r.deleted_at is null
					and r.status in ('made', 'accepted'))
				and not exists (select 1 from referrals r where r.person_id = sp.id and r.deleted_at is null
					and r.reflection_end >= ${today}::date)
			order by coalesce(i.submitted_at, i.started_at), sp.id
			limit ${limit}`)
	).map((row) => row.id);
}

export async function applyRetention(db: Db, retentionDays: number, now = new Date()): Promise<{ anonymised: number }> {
	let anonymised = 0;
	for (const id of await dueForAnonymisation(db, retentionDays, now)) {
		if (
			await anonymisePerson(
				db,
				id,
				{ action: 'person.anonymise', actorId: null, reason: `retention ${retentionDays} days` },
				now
			)
		)
			anonymised++;
	}
	return { anonymised };
}
