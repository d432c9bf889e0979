/**
 * What the police's records after an inspection must satisfy beyond their zod schemas
 * (domain/records/afterInspection.ts): criminal reports, the evidence log and its chain of custody.
 * Only police-agency members of the visit's team write them. A criminal report is filed days after
 * the night, so it stays open after the visit is submitted; an evidence item is what the visit
 * found and locks with it, like a screened person; a hand-over is written once and never changed
 * or deleted, and may follow at any time, in order.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import * as s from '../db/schema.ts';
import {
	criminalReportDataSchema,
	custodyTransferDataSchema,
	evidenceItemDataSchema,
	type CustodyTransferData
} from '../../domain/records/afterInspection.ts';
import { sameValue } from '../../domain/sync/threeWayMerge.ts';
import type { SyncedRow } from '../records/syncedWrite.ts';
import { toWire } from './wireRecords.ts';
import { SUBMITTED_LOCKED } from '../../domain/sync/refusals.ts';
import type { Scope } from './scope.ts';
import { reject } from './rejection.ts';
import { acceptsChild } from './submissionLock.ts';
import { inspectionInScope, type FieldRule } from './fieldRules.ts';
import { custodyAuditNote } from '../evidence/custodyDigest.ts';

/** The police's own records: another agency's member is refused before anything is read. */
function policeOnly(scope: Scope): void {
	if (scope.user.agencyCode !== 'police') reject('entity', 'only police officers record criminal reports and evidence');
}

async function one<T>(rows: Promise<T[]>): Promise<T | undefined> {
	return (await rows)[0];
}

export const criminalReport: FieldRule<'criminalReport'> = {
	schema: criminalReportDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing) {
		policeOnly(scope);
		if (existing && existing.inspectionId !== data.inspectionId)
			reject('data.inspectionId', 'a criminal report cannot move to another inspection');
		// No submission lock: reports are filed, numbered and corrected days after the visit.
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		return {
			columns: data,
			changeScope: { teamId: parent.teamId, userId: parent.createdBy, restricted: false }
		};
	}
};

/** Whether the user is on the inspection's team (or, for a visit outside any team, its author). */
async function onTheVisit(tx: Db, parent: { teamId: string | null; createdBy: string | null }, userId: string) {
	if (parent.teamId === null) return parent.createdBy === userId;
	const member = await one(
		tx
			.select({ userId: s.teamMembers.userId })
			.from(s.teamMembers)
			.where(and(eq(s.teamMembers.teamId, parent.teamId), eq(s.teamMembers.userId, userId)))
	);
	return member !== undefined;
}

export const evidenceItem: FieldRule<'evidenceItem'> = {
	schema: evidenceItemDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin, op) {
		policeOnly(scope);
		if (existing && existing.inspectionId !== data.inspectionId)
			reject('data.inspectionId', 'an item cannot move to another inspection');
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		// What the visit found locks with it, as a screened person does.
		if (!acceptsChild(parent, origin, !existing)) reject('data.inspectionId', SUBMITTED_LOCKED);
		if (!(await onTheVisit(tx, parent, data.foundBy))) reject('data.foundBy', 'not a member of this team');
		if (data.attachmentId) {
			const photo = await one(
				tx
					.select({ inspectionId: s.attachments.inspectionId })
					.from(s.attachments)
					.where(and(eq(s.attachments.id, data.attachmentId), isNull(s.attachments.deletedAt)))
			);
			if (photo?.inspectionId !== parent.id) reject('data.attachmentId', 'no such photo in this inspection');
		}
		if (existing && op === 'delete') {
			// A chain once started stays with its item.
			const handed = await one(
				tx
					.select({ id: s.custodyTransfers.id })
					.from(s.custodyTransfers)
					.where(eq(s.custodyTransfers.evidenceItemId, existing.id))
					.limit(1)
			);
			if (handed) reject('id', 'the item has been handed over: its chain of custody stays');
		}
		return {
			columns: { ...data, foundAt: new Date(data.foundAt) },
			changeScope: custodyScope(parent)
		};
	},
	auditNote: (id, columns) => custodyAuditNote('evidenceItem', id, columns)
};

export const custodyTransfer: FieldRule<'custodyTransfer'> = {
	schema: custodyTransferDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, _origin, op) {
		policeOnly(scope);
		// Append-only: the chain is proved link by link, so a link is never rewritten.
		if (existing && op === 'delete') reject('op', 'a hand-over is never deleted; record the next one');
		if (existing) {
			// The same hand-over sent again (a retried push) is no change; anything else is.
			const changed = changedField(existing, data);
			if (changed) reject(`data.${changed}`, 'a hand-over is never changed; record the next one');
			return {
				columns: { ...data, at: existing.at },
				changeScope: custodyScope(await inspectionInScope(tx, scope, data.inspectionId))
			};
		}
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		const item = await one(
			tx
				.select()
				.from(s.evidenceItems)
				.where(and(eq(s.evidenceItems.id, data.evidenceItemId), isNull(s.evidenceItems.deletedAt)))
		);
		if (!item || item.inspectionId !== parent.id) reject('data.evidenceItemId', 'no such item in this inspection');
		const handedBy = await one(
			tx
				.select({ agency: s.agencies.code })
				.from(s.users)
				.innerJoin(s.agencies, eq(s.agencies.id, s.users.agencyId))
				.where(eq(s.users.id, data.handedBy))
		);
		if (handedBy?.agency !== 'police') reject('data.handedBy', 'the item is handed over by a police officer');
		const at = new Date(data.at);
		if (at < item.foundAt) reject('data.at', 'a hand-over cannot come before the item was found');
		const latest = await one(
			tx
				.select({ at: s.custodyTransfers.at })
				.from(s.custodyTransfers)
				.where(and(eq(s.custodyTransfers.evidenceItemId, item.id), isNull(s.custodyTransfers.deletedAt)))
				.orderBy(desc(s.custodyTransfers.at))
				.limit(1)
		);
		if (latest && at < latest.at) reject('data.at', 'a hand-over cannot come before the last one');
		return { columns: { ...data, at }, changeScope: custodyScope(parent) };
	},
	auditNote: (id, columns) => custodyAuditNote('custodyTransfer', id, columns)
};

const custodyScope = (parent: { teamId: string | null; createdBy: string | null }) => ({
	teamId: parent.teamId,
	userId: parent.createdBy,
	restricted: true
});

/** The first field a resent hand-over changes, times compared as instants. */
function changedField(stored: SyncedRow<'custodyTransfer'>, data: CustodyTransferData): string | undefined {
	const wire = toWire('custodyTransfer', stored).data;
	return Object.entries(data).find(([key, value]) =>
		key === 'at' ? new Date(String(value)).getTime() !== stored.at.getTime() : !sameValue(value, wire[key])
	)?.[0];
}
