/**
 * Writes and reads of the police's records on the device: criminal reports, the evidence log and
 * each item's chain of custody. Written to Dexie first and sent by the outbox, so a visit without
 * network keeps them. A criminal report changes and goes also after the visit is submitted (it is
 * filed days later); an item is what the visit found; a hand-over is only ever added, never changed:
 * the server refuses the rest (server/sync/policeRules.ts).
 */
import type { LocalDb, LocalRecord } from '../db.ts';
import { recordLocalChange } from '../sync/outbox.ts';
import {
	criminalReportDataSchema,
	custodyTransferDataSchema,
	evidenceItemDataSchema,
	type CriminalReportData,
	type CriminalReportInput,
	type CustodyTransferData,
	type CustodyTransferInput,
	type EvidenceItemData,
	type EvidenceItemInput
} from '../../domain/records/afterInspection.ts';

export type CriminalReportRecord = LocalRecord & CriminalReportData;
export type EvidenceItemRecord = LocalRecord & EvidenceItemData;
export type CustodyTransferRecord = LocalRecord & CustodyTransferData;

/** An item of the evidence log with its hand-overs, oldest first. */
export type EvidenceWithChain = { item: EvidenceItemRecord; transfers: CustodyTransferRecord[] };

export async function criminalReportsOf(db: LocalDb, inspectionId: string): Promise<CriminalReportRecord[]> {
	const rows = (await db
		.records('criminalReport')
		.where('inspectionId')
		.equals(inspectionId)
		.toArray()) as unknown as CriminalReportRecord[];
	return rows.sort((a, b) => a.filedOn.localeCompare(b.filedOn) || a.offence.localeCompare(b.offence));
}

/** Creates a report (no id) or replaces one with the values given. */
export async function saveCriminalReport(
	db: LocalDb,
	userId: string,
	input: CriminalReportInput,
	reportId: string = crypto.randomUUID()
): Promise<string> {
	const data = criminalReportDataSchema.parse(input);
	await recordLocalChange(db, { entity: 'criminalReport', id: reportId, data: { ...data }, userId });
	return reportId;
}

export async function deleteCriminalReport(db: LocalDb, userId: string, reportId: string): Promise<void> {
	await recordLocalChange(db, { entity: 'criminalReport', id: reportId, op: 'delete', data: null, userId });
}

export async function evidenceOf(db: LocalDb, inspectionId: string): Promise<EvidenceWithChain[]> {
	const [items, transfers] = await Promise.all([
		db.records('evidenceItem').where('inspectionId').equals(inspectionId).toArray() as unknown as Promise<
			EvidenceItemRecord[]
		>,
		db.records('custodyTransfer').where('inspectionId').equals(inspectionId).toArray() as unknown as Promise<
			CustodyTransferRecord[]
		>
	]);
	return items
		.sort((a, b) => a.foundAt.localeCompare(b.foundAt))
		.map((item) => ({
			item,
			transfers: transfers
				.filter((transfer) => transfer.evidenceItemId === item.id)
				.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime())
		}));
}

export async function addEvidenceItem(db: LocalDb, userId: string, input: EvidenceItemInput): Promise<string> {
	const id = crypto.randomUUID();
	const data = evidenceItemDataSchema.parse(input);
	await recordLocalChange(db, { entity: 'evidenceItem', id, data: { ...data }, userId });
	return id;
}

/**
 * Adds a hand-over to an item's chain. Refused here as on the server when it would come before the
 * item was found or before the item's last hand-over: the chain only runs forward.
 */
export async function addCustodyTransfer(
	db: LocalDb,
	userId: string,
	input: CustodyTransferInput,
	chain: EvidenceWithChain
): Promise<string> {
	const data = custodyTransferDataSchema.parse(input);
	const at = new Date(data.at).getTime();
	const last = chain.transfers.at(-1);
	if (at < new Date(chain.item.foundAt).getTime() || (last && at < new Date(last.at).getTime())) {
		throw new CustodyOrderError();
	}
	const id = crypto.randomUUID();
	await recordLocalChange(db, { entity: 'custodyTransfer', id, data: { ...data }, userId });
	return id;
}

export class CustodyOrderError extends Error {
	constructor() {
		super('a hand-over cannot come before the item was found or before its last hand-over');
		this.name = 'CustodyOrderError';
	}
}
