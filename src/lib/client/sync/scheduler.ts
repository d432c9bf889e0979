/**
 * When to sync: on start, when the browser comes online, every minute while the page is visible,
 * and shortly after each local write; after a failure it waits longer each time (exponential
 * back-off, capped), and retries on its own — nobody has to reload the page. Timers and the
 * round itself are injected so the rules can be tested without a browser.
 */
import type { SyncReport } from './engine.ts';
import { SyncHttpError } from './transport.ts';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'signedOut' | 'wiped';
export type SchedulerState = {
	phase: SyncPhase;
	error: string | null;
	lastSyncedAt: string | null;
	retryInAt: string | null;
};

export type SchedulerDeps = {
	runRound: () => Promise<SyncReport>;
	onState: (state: SchedulerState) => void;
	setTimer?: (fn: () => void, ms: number) => unknown;
	clearTimer?: (handle: unknown) => void;
	now?: () => Date;
};

export const DEBOUNCE_MS = 1500;
export const INTERVAL_MS = 60_000;
export const BACKOFF_START_MS = 2000;
export const BACKOFF_MAX_MS = 5 * 60_000;

export function backoffDelay(failures: number): number {
	return Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.max(0, failures - 1));
}

export class SyncScheduler {
	private state: SchedulerState = { phase: 'idle', error: null, lastSyncedAt: null, retryInAt: null };
	private timer: unknown = null;
	private running: Promise<void> | null = null;
	private again = false;
	private failures = 0;
	private stopped = false;
	private readonly setTimer: NonNullable<SchedulerDeps['setTimer']>;
	private readonly clearTimer: NonNullable<SchedulerDeps['clearTimer']>;
	private readonly now: () => Date;

	constructor(private deps: SchedulerDeps) {
		this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
		this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
		this.now = deps.now ?? (() => new Date());
	}

	/** After a local write: wait a moment so a burst of edits goes out in one round. */
	requestSoon(): void {
		this.schedule(DEBOUNCE_MS);
	}

	/** Start, `online`, the user pressing "sync now": right away. */
	syncNow(): Promise<void> {
		if (this.running) {
			this.again = true;
			return this.running;
		}
		this.clear();
		this.running = this.round().finally(() => {
			this.running = null;
			if (this.again && !this.stopped) {
				this.again = false;
				void this.syncNow();
			}
		});
		return this.running;
	}

	stop(): void {
		this.stopped = true;
		this.clear();
	}

	resume(): void {
		this.stopped = false;
		this.failures = 0;
		void this.syncNow();
	}

	private async round(): Promise<void> {
		if (this.stopped) return;
		this.emit({ phase: 'syncing', error: null, retryInAt: null });
		try {
			await this.deps.runRound();
			this.failures = 0;
			this.emit({ phase: 'idle', error: null, lastSyncedAt: this.now().toISOString(), retryInAt: null });
			this.schedule(INTERVAL_MS);
		} catch (error) {
			const kind = error instanceof SyncHttpError ? error.kind : 'server';
			const message = error instanceof Error ? error.message : String(error);
			if (kind === 'auth' || kind === 'wipe') {
				// Nothing more can be sent until someone signs in again; local work stays.
				this.stopped = true;
				this.emit({ phase: kind === 'wipe' ? 'wiped' : 'signedOut', error: message, retryInAt: null });
				return;
			}
			this.failures++;
			const delay = backoffDelay(this.failures);
			this.emit({
				phase: kind === 'network' ? 'offline' : 'error',
				error: message,
				retryInAt: new Date(this.now().getTime() + delay).toISOString()
			});
			this.schedule(delay);
		}
	}

	private schedule(ms: number): void {
		if (this.stopped) return;
		this.clear();
		this.timer = this.setTimer(() => {
			this.timer = null;
			void this.syncNow();
		}, ms);
	}

	private clear(): void {
		if (this.timer !== null) this.clearTimer(this.timer);
		this.timer = null;
	}

	private emit(patch: Partial<SchedulerState>): void {
		this.state = { ...this.state, ...patch };
		this.deps.onState(this.state);
	}
}
