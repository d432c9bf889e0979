/**
 * Receives a photo's bytes for an attachment record already pushed: checks scope, size, type by
 * content and the hash taken on the device at capture (chain of custody), then stores it once.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { attachments, inspections } from '../db/schema.ts';
import { MAX_ATTACHMENT_BYTES } from '../../domain/records/codes.ts';
import { audited } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import { sha256Hex, sniffImageType } from '../storage/attachments.ts';
import { byteStore } from '../storage/byteStore.ts';
import { inTeamScope, type Scope } from './scope.ts';

export type UploadResult = { status: 'stored' | 'already_stored'; sha256: string };

export async function receiveAttachment(
	db: Db,
	scope: Scope,
	id: string,
	claimed: { sha256: string | null; contentType: string | null },
	bytes: Uint8Array
): Promise<UploadResult> {
	const [record] = await db
		.select({ attachment: attachments, teamId: inspections.teamId, createdBy: inspections.createdBy })
		.from(attachments)
		.innerJoin(inspections, eq(inspections.id, attachments.inspectionId))
		.where(eq(attachments.id, id));
	// Unknown and out-of-scope ids look the same.
	if (!record || record.attachment.deletedAt || !inTeamScope(scope, record.teamId, record.createdBy)) {
		throw new UserInputError('id', 'no such attachment; push its record first', 404);
	}
	const { attachment } = record;
	if (!claimed.sha256 || !/^[0-9a-f]{64}$/.test(claimed.sha256))
		throw new UserInputError('X-Content-SHA256', 'header X-Content-SHA256 with the hex SHA-256 is required');
	if (claimed.sha256 !== attachment.sha256)
		throw new UserInputError('X-Content-SHA256', 'hash differs from the one recorded at capture', 409);
	if (bytes.length > MAX_ATTACHMENT_BYTES)
		throw new UserInputError('body', `photo larger than ${MAX_ATTACHMENT_BYTES} bytes`, 422);
	const actual = sha256Hex(bytes);
	if (actual !== attachment.sha256)
		throw new UserInputError('body', 'the bytes do not match their SHA-256: upload again', 422);
	if (attachment.storedAt) return { status: 'already_stored', sha256: actual };
	const sniffed = sniffImageType(bytes);
	if (!sniffed || sniffed !== attachment.mime || (claimed.contentType && claimed.contentType !== sniffed)) {
		throw new UserInputError('Content-Type', `the bytes are not a ${attachment.mime} image`, 422);
	}
	// The store checks the hash again as it writes: what it keeps under a name always has that hash.
	await (await byteStore()).put(actual, bytes);
	// `storedAt` stays on the server (sync/wireRecords.ts): no new version, nothing for devices to pull.
	await db.transaction(async (tx) => {
		await tx.update(attachments).set({ storedAt: new Date() }).where(eq(attachments.id, id));
		await audited(tx, {
			userId: scope.user.id,
			action: 'attachment.upload',
			entity: 'attachment',
			recordId: id,
			summary: `sha256=${actual} size=${bytes.length}`
		});
	});
	return { status: 'stored', sha256: actual };
}
