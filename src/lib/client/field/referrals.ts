/**
 * Writes of referrals on the device. A referral is recorded when it is made (who was informed,
 * when, with or without the person's consent); afterwards only its open fields (`referralOpenFields`:
 * status, notes and the person's case) change, also after the inspection is submitted, because a shelter may accept or
 * a case close days later. The server refuses other changes once the visit is submitted.
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
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
