/**
 * A photo's bytes for someone allowed to see them: photos may show the people met on site, so they
 * follow the person-level rule of the inspection they belong to, and every look is audited.
 * Anything the viewer may not open reads exactly like a photo that does not exist.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { attachments, inspections } from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import { byteStore } from '../storage/byteStore.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { mayReadPerson } from '../auth/accessPolicy.ts';

/** The bytes as a stream, read from the store as the response is sent. */
export type PhotoFile = { stream: ReadableStream<Uint8Array>; size: number; mime: string; sha256: string };

export async function readPhoto(db: Db, viewer: SessionUser, id: string): Promise<PhotoFile | null> {
	const [row] = await db
		.select({
			sha256: attachments.sha256,
			mime: attachments.mime,
			storedAt: attachments.storedAt,
			inspectionId: inspections.id,
			teamId: inspections.teamId,
			createdBy: inspections.createdBy
		})
		.from(attachments)
		.innerJoin(inspections, eq(inspections.id, attachments.inspectionId))
		.where(and(eq(attachments.id, id), isNull(attachments.deletedAt), isNull(inspections.deletedAt)));
	if (!row || row.storedAt === null) return null;
	if (!(await mayReadPerson(db, viewer, { visit: row }))) return null;
	const opened = await (await byteStore()).open(row.sha256);
	if (!opened) return null;
	try {
		await audit(db, {
			userId: viewer.id,
			action: 'attachment.view',
			entity: 'attachment',
			recordId: id,
			summary: `inspection=${row.inspectionId}`
		});
	} catch (error) {
		// No look without its audit entry; the opened file or rows are let go.
		await opened.stream.cancel();
		throw error;
	}
	return { stream: opened.stream, size: opened.size, mime: row.mime, sha256: row.sha256 };
}
