/**
 * Where the map's vector layer reads the archive: the device first (the areas in store.ts), the
 * server only for what the device lacks. So a map over a stored area draws in airplane mode, and
 * online it costs no request for what is already kept.
 *
 * One source reads one archive version: the first read settles which (the version the page was
 * served with, if the device holds it; else whatever the server sends; offline, the newest the
 * device holds), and every later read keeps to it.
 */
import { EtagMismatch, type RangeResponse, type Source } from 'pmtiles';
import { AreaStore } from './store.ts';
import { ArchiveChanged, fetchRange } from './network.ts';

export type BasemapSettings = { url: string; etag: string };

/** What a map reports about where its basemap bytes came from (the e2e test reads it). */
export type ReadCounts = { device: number; network: number; failed: number };

const toBuffer = (bytes: Uint8Array): ArrayBuffer =>
	bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

export class DeviceFirstSource implements Source {
	readonly counts: ReadCounts = { device: 0, network: 0, failed: 0 };
	#etag: string | null = null;

	constructor(
		private readonly settings: BasemapSettings,
		private readonly store: AreaStore | null = AreaStore.available() ? new AreaStore() : null
	) {}

	getKey(): string {
		return this.settings.url;
	}

	async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
		const range = { offset, length };
		// Before the version is settled, the device answers only if it holds the page's version whole.
		const whole = this.#etag || !this.store ? [] : await this.store.etags();
		const candidates = this.#etag ? [this.#etag] : whole.includes(this.settings.etag) ? [this.settings.etag] : [];
		for (const etag of candidates) {
			const kept = await this.store?.read(etag, range);
			if (kept) {
				this.#etag = etag;
				this.counts.device += 1;
				return { data: toBuffer(kept), etag };
			}
		}
		try {
			const answer = await fetchRange(this.settings.url, range, { etag: this.#etag, signal });
			this.#etag ??= answer.etag;
			this.counts.network += 1;
			return { data: toBuffer(answer.bytes), etag: answer.etag ?? undefined };
		} catch (error) {
			if (error instanceof ArchiveChanged) {
				// Online with a new archive: start again on it (pmtiles re-reads the header on this error).
				this.#etag = error.etag;
				throw new EtagMismatch();
			}
			if (signal?.aborted) throw error;
			// Offline before anything was read: whatever version the device holds.
			if (this.#etag === null && this.store) {
				for (const etag of await this.store.etags()) {
					const kept = await this.store.read(etag, range);
					if (kept) {
						this.#etag = etag;
						this.counts.device += 1;
						return { data: toBuffer(kept), etag };
					}
				}
			}
			this.counts.failed += 1;
			throw error;
		}
	}
}
