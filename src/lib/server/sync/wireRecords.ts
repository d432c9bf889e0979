/**
 * Reads current records of each sync entity in their wire form (camelCase, ISO times), for pull
 * pages and for the `server` copy in push answers.
 */
import { eq, inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/index.ts';
import * as s from '../db/schema.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import { wireFields } from '../../domain/sync/wireFields.ts';

export type WireRecord = { id: string; version: number; deleted: boolean; data: Record<string, unknown> };

export const entityTables = {
	municipality: s.municipalities,
	location: s.locations,
	childSite: s.childSites,
	plan: s.plans,
	operation: s.operations,
	team: s.teams,
	assignment: s.assignments,
	checklistTemplate: s.checklistTemplates,
	personText: s.personTexts,
	helpline: s.helplines,
	inspection: s.inspections,
	screenedPerson: s.screenedPersons,
	referral: s.referrals,
	attachment: s.attachments,
	violationKind: s.violationKinds,
	controlInspection: s.controlInspections,
	labourRecord: s.labourRecords,
	checkedWorker: s.checkedWorkers,
	violation: s.violations,
	decision: s.decisions,
	violationCheck: s.violationChecks,
	criminalReport: s.criminalReports,
	evidenceItem: s.evidenceItems,
	custodyTransfer: s.custodyTransfers
} as const satisfies Record<SyncEntity, PgTable>;

/**
 * Columns that stay on the server, per entity, beside the allow-list of what travels
 * (domain/sync/wireFields.ts): bookkeeping the device has no use for, and the submission lock's
 * proof of order. Every column is in one of the two (tests/server/wireFields.test.ts).
 */
const bookkeeping = ['version', 'createdAt', 'deletedAt'] as const;
export const serverOnlyColumns: Record<SyncEntity, readonly string[]> = {
	municipality: bookkeeping,
	// Who owns and runs a venue, and its phone, are names and numbers of persons that planners need
	// to link venues into networks; a team at the door does not, so they stay off the phones.
	location: [...bookkeeping, 'ownerName', 'managerName', 'phone'],
	childSite: bookkeeping,
	plan: bookkeeping,
	// The embargo's state is the server's: a device only ever holds released operations.
	operation: [...bookkeeping, 'releasedAt', 'releaseAt', 'withdrawnAt', 'releaseSentAt', 'expiredAt'],
	team: bookkeeping,
	assignment: bookkeeping,
	checklistTemplate: bookkeeping,
	// Who reviewed a text is for the admin's list; the device needs only whether it was.
	personText: [...bookkeeping, 'reviewedBy', 'reviewedAt', 'createdBy'],
	helpline: bookkeeping,
	inspection: [...bookkeeping, 'submittedDeviceId', 'submittedDeviceSeq', 'personsOffDevicesAt'],
	screenedPerson: [...bookkeeping, 'anonymisedAt'],
	// The end is derived from the start by the one domain function; devices compute it themselves.
	referral: [...bookkeeping, 'reflectionEnd'],
	attachment: [...bookkeeping, 'storedAt'],
	violationKind: bookkeeping,
	controlInspection: [...bookkeeping, 'closedAt'],
	labourRecord: bookkeeping,
	checkedWorker: bookkeeping,
	violation: bookkeeping,
	decision: bookkeeping,
	violationCheck: bookkeeping,
	criminalReport: bookkeeping,
	evidenceItem: bookkeeping,
	custodyTransfer: bookkeeping
};

/** A row in its wire form: only the entity's allowed fields, times as ISO strings. */
export function toWire(entity: SyncEntity, row: Record<string, unknown>): WireRecord {
	const data: Record<string, unknown> = {};
	for (const key of wireFields[entity]) {
		if (!(key in row)) continue;
		const value = row[key];
		data[key] = value instanceof Date ? value.toISOString() : value;
	}
	return { id: String(row.id), version: Number(row.version), deleted: row.deletedAt != null, data };
}

export async function readWireRecords(db: Db, entity: SyncEntity, ids: string[]): Promise<Map<string, WireRecord>> {
	const found = new Map<string, WireRecord>();
	if (ids.length === 0) return found;
	const table = entityTables[entity];
	const rows = (await db
		.select()
		.from(table as typeof s.locations)
		.where(inArray((table as typeof s.locations).id, ids))) as Record<string, unknown>[];
	for (const row of rows) found.set(String(row.id), toWire(entity, row));
	if (entity === 'team') await attachMembers(db, found);
	return found;
}

/** A team travels with its members (and their agencies), which the device shows and checks. */
async function attachMembers(db: Db, teamsById: Map<string, WireRecord>): Promise<void> {
	const members = await db
		.select({
			teamId: s.teamMembers.teamId,
			userId: s.teamMembers.userId,
			isLeader: s.teamMembers.isLeader,
			displayName: s.users.displayName,
			agencyCode: s.agencies.code
		})
		.from(s.teamMembers)
		.innerJoin(s.users, eq(s.users.id, s.teamMembers.userId))
		.innerJoin(s.agencies, eq(s.agencies.id, s.teamMembers.agencyId))
		.where(inArray(s.teamMembers.teamId, [...teamsById.keys()]));
	for (const team of teamsById.values()) team.data.members = [];
	for (const { teamId, ...member } of members) {
		(teamsById.get(teamId)?.data.members as unknown[] | undefined)?.push(member);
	}
}
