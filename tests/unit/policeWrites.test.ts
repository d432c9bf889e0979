/**
 * The police's writes on the device (client/field/police.ts): each goes to Dexie and the outbox at
 * once, so a visit without network keeps it; a hand-over that would run the chain backwards is
 * refused on the phone as the server refuses it; a criminal report's later edits fold into its
 * unsent write.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import {
	addCustodyTransfer,
	addEvidenceItem,
	criminalReportsOf,
	CustodyOrderError,
	deleteCriminalReport,
	evidenceOf,
	saveCriminalReport
} from '../../src/lib/client/field/police.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';

// Evidence is person-level, sealed at rest: the device is unlocked, as the field app is while in use.
beforeAll(() => holdDataKey(newDataKey()));
afterAll(() => dropDataKey());

const device = () => new LocalDb(`police-${crypto.randomUUID()}`);

const handOver = (evidenceItemId: string, at: string) => ({
	inspectionId,
	evidenceItemId,
	handedBy: userId,
	receivedBy: 'Officer Gashi',
	at
});

describe('the evidence log on the phone', () => {
	it('keeps an item and its hand-overs in order, queued for the server, and refuses one that runs backwards', async () => {
		const db = device();
		const itemId = await addEvidenceItem(db, userId, {
			inspectionId,
			kind: 'passport',
			description: 'Passport held by the manager',
			foundBy: userId,
			foundAt: '2026-11-24T21:10:00.000Z'
		});
		let [chain] = await evidenceOf(db, inspectionId);
		await addCustodyTransfer(db, userId, handOver(itemId, '2026-11-24T23:00:00.000Z'), chain!);
		[chain] = await evidenceOf(db, inspectionId);
		await expect(
			addCustodyTransfer(db, userId, handOver(itemId, '2026-11-24T21:00:00.000Z'), chain!)
		).rejects.toBeInstanceOf(CustodyOrderError);
		await expect(
			addCustodyTransfer(db, userId, handOver(itemId, '2026-11-24T22:59:00.000Z'), chain!)
		).rejects.toBeInstanceOf(CustodyOrderError);
		await addCustodyTransfer(db, userId, handOver(itemId, '2026-11-25T09:00:00.000Z'), chain!);

		[chain] = await evidenceOf(db, inspectionId);
		expect(chain!.item).toMatchObject({ id: itemId, kind: 'passport', attachmentId: null });
		expect(chain!.transfers.map((t) => t.at)).toEqual(['2026-11-24T23:00:00.000Z', '2026-11-25T09:00:00.000Z']);
		const queued = (await db.outbox.toArray()).map((entry) => entry.entity);
		expect(queued).toEqual(['evidenceItem', 'custodyTransfer', 'custodyTransfer']);
	});
});

describe('criminal reports on the phone', () => {
	it('are created, changed and withdrawn, each change folded into the unsent write', async () => {
		const db = device();
		const reportId = await saveCriminalReport(db, userId, {
			inspectionId,
			offence: 'trafficking_in_persons',
			filedOn: '2026-11-27',
			arrests: 2
		});
		await saveCriminalReport(
			db,
			userId,
			{ inspectionId, offence: 'trafficking_in_persons', filedOn: '2026-11-27', arrests: 3, prosecutorCaseNo: 'PP-8' },
			reportId
		);
		expect(await criminalReportsOf(db, inspectionId)).toMatchObject([
			{ id: reportId, arrests: 3, prosecutorCaseNo: 'PP-8' }
		]);
		expect(await db.outbox.count()).toBe(1);
		await expect(
			saveCriminalReport(db, userId, { inspectionId, offence: 'other', filedOn: '2026-11-27' })
		).rejects.toThrow(/name the offence/);

		await deleteCriminalReport(db, userId, reportId);
		expect(await criminalReportsOf(db, inspectionId)).toEqual([]);
		expect(await db.outbox.toArray()).toMatchObject([{ entity: 'criminalReport', op: 'delete' }]);
	});
});
