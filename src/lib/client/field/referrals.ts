/**
 * Writes of referrals on the device. A referral is recorded when it is made (who was informed,
 * when, with or without the person's consent); afterwards only its open fields (`referralOpenFields`:
 * status, notes and the person's case) change, also after the inspection is submitted, because a
 * shelter may accept, the police identify the person or a case close days later. The server refuses
 * other changes once the visit is submitted. Also: the reflection periods the team is reminded of.
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import { CASE_TARGET } from '../../domain/records/codes.ts';
import {
	reflectionNeedsReminder,
	reflectionPeriod,
	type ReflectionPeriod
} from '../../domain/records/reflectionPeriod.ts';
import {
	referralDataSchema,
	referralOpenFields,
	type ReferralData,
	type ReferralInput,
	type ReferralOpenField
} from '../../domain/records/fieldRecords.ts';

export type ReferralRecord = LocalRecord & ReferralData;

export function referralsOf(db: LocalDb, inspectionId: string): Promise<ReferralRecord[]> {
	return db.records('referral').where('inspectionId').equals(inspectionId).sortBy('referredAt') as unknown as Promise<
		ReferralRecord[]
	>;
}

export async function addReferral(db: LocalDb, userId: string, input: ReferralInput): Promise<string> {
	const id = crypto.randomUUID();
	const data = referralDataSchema.parse(input);
	await recordLocalChange(db, { entity: 'referral', id, data: { ...data }, userId });
	return id;
}

export async function updateReferral(
	db: LocalDb,
	userId: string,
	referralId: string,
	changes: Partial<Pick<ReferralData, ReferralOpenField>>
): Promise<void> {
	const table = db.records('referral');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const current = (await table.get(referralId)) as ReferralRecord | undefined;
		if (!current) throw new Error(`no referral ${referralId} on this device`);
		// Only the open fields, whatever the caller hands in: the rest was fixed when the referral was made.
		const open = Object.fromEntries(
			referralOpenFields.filter((key) => key in changes).map((key) => [key, changes[key]])
		);
		const data = referralDataSchema.parse({ ...current, ...open });
		await recordLocalChange(db, { entity: 'referral', id: referralId, data: { ...data }, userId });
	});
}

/** A reflection period the team is reminded of: ending within the reminder window, or ended. */
export type ReflectionReminder = { referralId: string; inspectionId: string; period: ReflectionPeriod };

/**
 * The reflection periods on this device that ask for a reminder on `today` (a Kosovo calendar day),
 * soonest end first: those of the person's case (the referral to the police) while it is made or
 * accepted, as on the supervisors' list.
 */
export async function reflectionReminders(db: LocalDb, today: string): Promise<ReflectionReminder[]> {
	const all = (await db.records('referral').toArray()) as unknown as Partial<ReferralRecord>[];
	return all
		.filter(
			(referral) =>
				referral.target === CASE_TARGET &&
				(referral.status === 'made' || referral.status === 'accepted') &&
				reflectionNeedsReminder(referral.reflectionStart, today)
		)
		.map((referral) => ({
			referralId: referral.id!,
			inspectionId: referral.inspectionId!,
			period: reflectionPeriod(referral.reflectionStart!, today)
		}))
		.sort((a, b) => a.period.end.localeCompare(b.period.end));
}
