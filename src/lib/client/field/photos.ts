/**
 * Photos taken during an inspection. At capture the picture is downscaled and re-encoded as JPEG
 * on the device (which also drops the camera's metadata), hashed, and stored: the bytes in
 * `photos` and the attachment record with its outbox entry in one Dexie transaction, so a photo
 * is never kept without its record nor a record without its photo. The sync engine uploads the
 * bytes once the server has the record; the hash taken here is what the server checks them against.
 */
import type { LocalDb, LocalRecord, PhotoBlob } from '../db.ts';
import { outboxTables, recordLocalChange } from '../sync/outbox.ts';
import { attachmentDataSchema, type AttachmentData } from '../../domain/records/fieldRecords.ts';
import { fitsUpload, JPEG_QUALITIES, scaledSize } from './photoScale.ts';
import { LockedInspectionError } from './inspections.ts';

export type AttachmentRecord = LocalRecord & AttachmentData;

export type UploadState =
	| { kind: 'waiting' }
	| { kind: 'uploaded' }
	/** The server refused the bytes (`uploadError`); not retried on its own. */
	| { kind: 'refused'; reason: string }
	/** The server refused the record, so the bytes wait; the sync screen lets the user act on it. */
	| { kind: 'recordRefused'; reason: string }
	| { kind: 'elsewhere' };

export type PhotoView = { record: AttachmentRecord; blob: Blob | null; upload: UploadState };

const JPEG = 'image/jpeg';

export class PhotoError extends Error {
	constructor(readonly reason: 'unreadable' | 'too_large') {
		super(reason === 'unreadable' ? 'the picture could not be read' : 'the picture stays too large after downscaling');
		this.name = 'PhotoError';
	}
}

/** Downscales to a long side of at most 1600 px and encodes as JPEG, lowering the quality if needed. */
export async function downscaleToJpeg(file: Blob): Promise<Blob> {
	let bitmap: ImageBitmap;
	try {
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		throw new PhotoError('unreadable');
	}
	try {
		const { width, height } = scaledSize({ width: bitmap.width, height: bitmap.height });
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d');
		if (!context) throw new PhotoError('unreadable');
		context.drawImage(bitmap, 0, 0, width, height);
		for (const quality of JPEG_QUALITIES) {
			const blob = await canvas.convertToBlob({ type: JPEG, quality });
			if (fitsUpload(blob.size)) return blob;
		}
		throw new PhotoError('too_large');
	} finally {
		bitmap.close();
	}
}

export async function sha256Hex(blob: Blob): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A quick position for the photo, or none: the inspector is not kept waiting for a GPS fix, and a
 * recent fix (the check-in's, say) is good enough for a photo taken inside the venue.
 */
export function quickPosition(timeoutMs = 4000): Promise<{ lat: number; lng: number } | null> {
	if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
	return new Promise((resolve) => {
		navigator.geolocation.getCurrentPosition(
			(position) => resolve({ lat: position.coords.latitude, lng: position.coords.longitude }),
			() => resolve(null),
			{ enableHighAccuracy: false, timeout: timeoutMs, maximumAge: 120_000 }
		);
	});
}

export async function addPhoto(
	db: LocalDb,
	userId: string,
	inspectionId: string,
	file: Blob,
	takenAt = new Date()
): Promise<string> {
	const [blob, position] = await Promise.all([downscaleToJpeg(file), quickPosition()]);
	// Hashed before the transaction: a Dexie transaction commits as soon as it awaits foreign work.
	const sha256 = await sha256Hex(blob);
	const id = crypto.randomUUID();
	const data = attachmentDataSchema.parse({
		inspectionId,
		sha256,
		mime: JPEG,
		size: blob.size,
		caption: '',
		takenAt: takenAt.toISOString(),
		lat: position?.lat ?? null,
		lng: position?.lng ?? null
	});
	const photo: PhotoBlob = { id, blob, sha256, mime: JPEG, uploadedAt: null, uploadError: null };
	await db.transaction('rw', [db.records('attachment'), ...outboxTables(db), db.photos], async () => {
		await db.photos.add(photo);
		await recordLocalChange(db, { entity: 'attachment', id, data: { ...data }, userId });
	});
	return id;
}

/**
 * A photo is evidence of the visit: once the visit is submitted its caption, place and time stay
 * and it is not removed (the server refuses it too; a correction of the visit carries changes).
 */
async function openPhoto(db: LocalDb, attachmentId: string): Promise<AttachmentRecord> {
	const current = (await db.records('attachment').get(attachmentId)) as AttachmentRecord | undefined;
	if (!current) throw new Error(`no photo ${attachmentId} on this device`);
	const visit = await db.records('inspection').get(current.inspectionId);
	if (visit?.status === 'submitted') throw new LockedInspectionError();
	return current;
}

export async function setCaption(db: LocalDb, userId: string, attachmentId: string, caption: string): Promise<void> {
	const table = db.records('attachment');
	await db.transaction('rw', [table, db.records('inspection'), ...outboxTables(db)], async () => {
		const current = await openPhoto(db, attachmentId);
		const data = attachmentDataSchema.parse({ ...current, caption });
		await recordLocalChange(db, { entity: 'attachment', id: attachmentId, data: { ...data }, userId });
	});
}

/**
 * For a photo taken by mistake, before the inspection is submitted: the record goes (the server keeps
 * the deletion in its history) and so do its bytes, so an upload still waiting never sends them.
 */
export async function removePhoto(db: LocalDb, userId: string, attachmentId: string): Promise<void> {
	await db.transaction(
		'rw',
		[db.records('attachment'), db.records('inspection'), ...outboxTables(db), db.photos],
		async () => {
			await openPhoto(db, attachmentId);
			await db.photos.delete(attachmentId);
			await recordLocalChange(db, { entity: 'attachment', id: attachmentId, op: 'delete', data: null, userId });
		}
	);
}

/** The inspection's photos, oldest first, each with its bytes (when on this device) and upload state. */
export async function photosOf(db: LocalDb, inspectionId: string): Promise<PhotoView[]> {
	const records = (await db
		.records('attachment')
		.where('inspectionId')
		.equals(inspectionId)
		.toArray()) as AttachmentRecord[];
	const blobs = await db.photos.bulkGet(records.map((record) => record.id));
	const refusedRecords = new Map(
		(await db.outbox.filter((entry) => entry.entity === 'attachment' && entry.status === 'rejected').toArray()).map(
			(entry) => [entry.recordId, (entry.errors ?? []).map((error) => `${error.field}: ${error.message}`).join('; ')]
		)
	);
	return records
		.map((record, i) => ({
			record,
			blob: blobs[i]?.blob ?? null,
			upload: uploadState(blobs[i], refusedRecords.get(record.id))
		}))
		.sort((a, b) => a.record.takenAt.localeCompare(b.record.takenAt) || a.record.id.localeCompare(b.record.id));
}

function uploadState(photo: PhotoBlob | undefined, recordRefusal: string | undefined): UploadState {
	if (recordRefusal !== undefined) return { kind: 'recordRefused', reason: recordRefusal };
	// A record pulled from the server without bytes here: a team member's photo, already uploaded.
	if (!photo) return { kind: 'elsewhere' };
	if (photo.uploadError) return { kind: 'refused', reason: photo.uploadError };
	return photo.uploadedAt ? { kind: 'uploaded' } : { kind: 'waiting' };
}
