/**
 * Writes of referrals on the device. A referral is recorded when it is made (who was informed,
 * when, with or without the person's consent); afterwards only its status and notes change, also
 * after the inspection is submitted, because a shelter may accept or a case close days later.
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import { referralDataSchema, type ReferralData } from '../../domain/records/fieldRecords.ts';

export type ReferralRecord = LocalRecord & ReferralData;

export function referralsOf(db: LocalDb, inspectionId: string): Promise<ReferralRecord[]> {
	return db.records('referral').where('inspectionId').equals(inspectionId).sortBy('referredAt') as unknown as Promise<ReferralRecord[]>;
}

export async function addReferral(db: LocalDb, userId: string, input: ReferralData): Promise<string> {
	const id = crypto.randomUUID();
	const data = referralDataSchema.parse(input);
	await recordLocalChange(db, { entity: 'referral', id, data: { ...data }, userId });
	return id;
}

export async function updateReferral(
	db: LocalDb,
	userId: string,
	referralId: string,
	changes: Partial<Pick<ReferralData, 'status' | 'notes'>>
): Promise<void> {
	const table = db.records('referral');
	await db.transaction('rw', [table, ...outboxTables(db)], async () => {
		const current = (await table.get(referralId)) as ReferralRecord | undefined;
		if (!current) throw new Error(`no referral ${referralId} on this device`);
		const data = referralDataSchema.parse({ ...current, ...changes });
		await recordLocalChange(db, { entity: 'referral', id: referralId, data: { ...data }, userId });
	});
}
