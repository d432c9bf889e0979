/**
 * A local write asks for a sync round by itself: the outbox tells the listener the sync service
 * registers (client/sync/service.svelte.ts) once the write is committed, and the scheduler sends it
 * after its short wait. No screen has to remember to.
 */
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalDb } from '../../src/lib/client/db.ts';
import { newDataKey } from '../../src/lib/client/lock/cipher.ts';
import { dropDataKey, holdDataKey } from '../../src/lib/client/lock/dataKey.ts';
import { onLocalChange, outboxTables, recordLocalChange } from '../../src/lib/client/sync/outbox.ts';
import { DEBOUNCE_MS, SyncScheduler } from '../../src/lib/client/sync/scheduler.ts';
import type { SyncReport } from '../../src/lib/client/sync/engine.ts';

const userId = '00000000-0000-4000-8000-000000000001';
const inspectionId = '20000000-0000-4000-8000-000000000001';

beforeAll(() => holdDataKey(newDataKey()));
afterAll(() => dropDataKey());

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

/** A device database with the scheduler wired to it as the sync service wires it; timers by hand. */
function device() {
	const db = new LocalDb(`notice-${crypto.randomUUID()}`);
	const timers: { fire: () => void; ms: number; cleared: boolean }[] = [];
	const runRound = vi.fn(async () => ({}) as SyncReport);
	const scheduler = new SyncScheduler({
		runRound,
		onState: () => {},
		setTimer: (fire, ms) => {
			const timer = { fire, ms, cleared: false };
			timers.push(timer);
			return timer;
		},
		clearTimer: (timer) => void ((timer as { cleared: boolean }).cleared = true)
	});
	const heard = vi.fn<() => void>();
	stops.push(
		onLocalChange((changed) => {
			if (changed !== db) return;
			heard();
			scheduler.requestSoon();
		})
	);
	const pending = () => timers.filter((timer) => !timer.cleared);
	return { db, heard, runRound, pending };
}

const write = (db: LocalDb, notes: string) =>
	recordLocalChange(db, { entity: 'inspection', id: inspectionId, data: { notes }, userId });

describe('a local write', () => {
	it('asks the scheduler for a round shortly after, which sends it', async () => {
		const { db, heard, runRound, pending } = device();
		await write(db, 'back door locked');
		expect(heard).toHaveBeenCalledOnce();
		expect(pending().map((timer) => timer.ms)).toEqual([DEBOUNCE_MS]);
		expect(runRound).not.toHaveBeenCalled();
		pending()[0]!.fire();
		await vi.waitFor(() => expect(runRound).toHaveBeenCalledOnce());
	});

	it('in a burst, keeps one round waiting: each write moves it on', async () => {
		const { db, heard, pending } = device();
		await write(db, 'a');
		await write(db, 'ab');
		await write(db, 'abc');
		expect(heard).toHaveBeenCalledTimes(3);
		expect(pending()).toHaveLength(1);
	});

	it('inside a larger write, is told once, when that write commits', async () => {
		const { db, heard } = device();
		await db.transaction('rw', [db.records('inspection'), db.records('referral'), ...outboxTables(db)], async () => {
			await write(db, 'two people met');
			await recordLocalChange(db, { entity: 'referral', id: crypto.randomUUID(), data: { inspectionId }, userId });
			// Not yet: a round now would find nothing, and the write may still be undone.
			expect(heard).not.toHaveBeenCalled();
		});
		expect(heard).toHaveBeenCalledOnce();
	});

	it('that is undone asks for nothing', async () => {
		const { db, heard, pending } = device();
		await expect(
			db.transaction('rw', [db.records('inspection'), ...outboxTables(db)], async () => {
				await write(db, 'never kept');
				throw new Error('the screen gave up');
			})
		).rejects.toThrow('the screen gave up');
		expect(await db.outbox.count()).toBe(0);
		expect(heard).not.toHaveBeenCalled();
		expect(pending()).toEqual([]);
	});

	it("on another database is not this device's concern, and a removed listener hears nothing", async () => {
		const first = device();
		const other = new LocalDb(`notice-${crypto.randomUUID()}`);
		await write(other, 'elsewhere');
		expect(first.heard).not.toHaveBeenCalled();

		stops.splice(0).forEach((stop) => stop());
		await write(first.db, 'after sign-out');
		expect(first.heard).not.toHaveBeenCalled();
	});
});
