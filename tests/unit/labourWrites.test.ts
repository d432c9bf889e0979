import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import {
	addDecision,
	addViolation,
	addWorker,
	readLabourInspection,
	removeViolation,
	removeWorker,
	saveLabourRecord,
	updateViolation,
	updateWorker
} from '../../src/lib/client/field/labour.ts';
import { toggled } from '../../src/lib/components/labour/write.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';
const kindId = '5e1a0c00-0000-4000-8000-000000000001';

// Workers are person-level and sealed at rest: the device is unlocked, as the field app is while in use.
beforeAll(() => holdDataKey(newDataKey()));
afterAll(() => dropDataKey());

const device = () => new LocalDb(`labour-${crypto.randomUUID()}`);
const outbox = (db: LocalDb) => db.outbox.toArray();

describe('the labour inspection on the device', () => {
	it('keeps one labour record per visit: the first field makes it, the next change it', async () => {
		const db = device();
		await saveLabourRecord(db, userId, inspectionId, { employerName: 'Bar Ltd' });
		await saveLabourRecord(db, userId, inspectionId, { minutesNo: 'IP-1', minutesSignature: 'refused' });
		const { record } = await readLabourInspection(db, inspectionId);
		expect(record).toMatchObject({ employerName: 'Bar Ltd', minutesNo: 'IP-1', minutesSignature: 'refused' });
		expect(await db.records('labourRecord').count()).toBe(1);
		// Both writes of a record not yet sent go out as one upsert.
		expect((await outbox(db)).filter((entry) => entry.entity === 'labourRecord')).toHaveLength(1);
	});

	it('refuses a value its schema does not take, and writes nothing of it', async () => {
		const db = device();
		await expect(saveLabourRecord(db, userId, inspectionId, { handOverReference: 'PP-1' })).rejects.toThrow(/to whom/);
		const workerId = await addWorker(db, userId, inspectionId);
		await expect(updateWorker(db, userId, workerId, { sex: 'robot' })).rejects.toThrow();
		expect((await readLabourInspection(db, inspectionId)).workers[0]?.sex).toBe('unknown');
		await expect(addDecision(db, userId, { inspectionId, kind: 'fine', decidedOn: '2026-11-26' })).rejects.toThrow(
			/amount/
		);
	});

	it('records workers in the order met and links violations to them', async () => {
		const db = device();
		const first = await addWorker(db, userId, inspectionId);
		const second = await addWorker(db, userId, inspectionId);
		await updateWorker(db, userId, first, { name: 'Ana', foreign: true, workPermit: 'no' });
		const violationId = await addViolation(db, userId, { inspectionId, kindId });
		await updateViolation(db, userId, violationId, { workerIds: [first], remedyDeadline: '2026-12-24' });
		const held = await readLabourInspection(db, inspectionId);
		expect(held.workers.map((worker) => worker.id)).toEqual([first, second]);
		expect(held.workers[0]).toMatchObject({ name: 'Ana', foreign: true, workPermit: 'no' });
		expect(held.violations[0]).toMatchObject({ kindId, workerIds: [first], remedyDeadline: '2026-12-24' });
	});

	it('takes a removed worker out of its violations, and a removed violation out of its decisions, first', async () => {
		const db = device();
		const workerId = await addWorker(db, userId, inspectionId);
		const violationId = await addViolation(db, userId, { inspectionId, kindId, workerIds: [workerId] });
		const decisionId = await addDecision(db, userId, {
			inspectionId,
			kind: 'closure',
			decidedOn: '2026-11-26',
			violationIds: [violationId]
		});
		await removeWorker(db, userId, workerId);
		await removeViolation(db, userId, violationId);
		const held = await readLabourInspection(db, inspectionId);
		expect(held.workers).toEqual([]);
		expect(held.violations).toEqual([]);
		expect(held.decisions.find((d) => d.id === decisionId)?.violationIds).toEqual([]);
		// What goes out says so too: the decision names no violation.
		const decision = (await outbox(db)).find((entry) => entry.entity === 'decision');
		expect(decision?.data).toMatchObject({ violationIds: [] });
	});

	it('keeps the chosen ids in the cards’ order whatever the order of the taps', () => {
		expect(toggled(['c'], ['a', 'b', 'c'], 'a', true)).toEqual(['a', 'c']);
		expect(toggled(['a', 'c'], ['a', 'b', 'c'], 'a', false)).toEqual(['c']);
		expect(toggled(['gone'], ['a'], 'a', true)).toEqual(['a']);
	});
});
