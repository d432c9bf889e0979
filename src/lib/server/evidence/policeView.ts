/**
 * The police outcome for the office pages: an inspection's criminal reports (counts, no identities:
 * whoever sees the inspection sees them) and its evidence log with each item's chain of custody and
 * its verification against the audit log. Evidence is person-level (a passport names its holder):
 * only those who see the inspection's persons, and of the inspectors only police officers, read it;
 * each read is on the record, as a read of persons is. And an operation's reports by offence.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import * as s from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { criminalOffences, type CriminalOffence } from '../../domain/records/codes.ts';
import type { EvidenceItemView, OperationPoliceRow, PoliceOutcomeView } from '../../domain/views/police.ts';
import { verifyCustody } from './verifyCustody.ts';
import { mayReadEvidence } from '../auth/accessPolicy.ts';

/**
 * `personLevel`: whether the viewer may see the inspection's persons (inspections/view.ts `accessTo`),
 * decided by the caller, which has already found the inspection visible.
 */
export async function policeOutcomeOf(
	db: Db,
	viewer: SessionUser,
	inspectionId: string,
	personLevel: boolean
): Promise<PoliceOutcomeView> {
	const reports = await db
		.select()
		.from(s.criminalReports)
		.where(and(eq(s.criminalReports.inspectionId, inspectionId), isNull(s.criminalReports.deletedAt)))
		.orderBy(asc(s.criminalReports.filedOn), asc(s.criminalReports.id));
	const readsEvidence = personLevel && mayReadEvidence(viewer);
	return {
		reports: reports.map((r) => ({
			id: r.id,
			offence: r.offence,
			otherOffence: r.otherOffence,
			filedOn: r.filedOn,
			policeCaseNo: r.policeCaseNo,
			prosecutorCaseNo: r.prosecutorCaseNo,
			arrests: r.arrests,
			detentions: r.detentions,
			notes: r.notes
		})),
		evidence: readsEvidence ? await evidenceOf(db, viewer, inspectionId) : null
	};
}

async function evidenceOf(db: Db, viewer: SessionUser, inspectionId: string): Promise<EvidenceItemView[]> {
	const items = await db
		.select({ item: s.evidenceItems, foundBy: s.users.displayName })
		.from(s.evidenceItems)
		.innerJoin(s.users, eq(s.users.id, s.evidenceItems.foundBy))
		.where(and(eq(s.evidenceItems.inspectionId, inspectionId), isNull(s.evidenceItems.deletedAt)))
		.orderBy(asc(s.evidenceItems.foundAt), asc(s.evidenceItems.id));
	if (items.length === 0) return [];
	const [transfers, photos] = await Promise.all([
		db
			.select({ transfer: s.custodyTransfers, handedBy: s.users.displayName })
			.from(s.custodyTransfers)
			.innerJoin(s.users, eq(s.users.id, s.custodyTransfers.handedBy))
			.where(
				inArray(
					s.custodyTransfers.evidenceItemId,
					items.map(({ item }) => item.id)
				)
			)
			.orderBy(asc(s.custodyTransfers.at), asc(s.custodyTransfers.id)),
		// Numbered as the inspection page lists its photos.
		db
			.select({ id: s.attachments.id })
			.from(s.attachments)
			.where(and(eq(s.attachments.inspectionId, inspectionId), isNull(s.attachments.deletedAt)))
			.orderBy(asc(s.attachments.takenAt), asc(s.attachments.id))
	]);
	const photoNumber = new Map(photos.map((photo, index) => [photo.id, index + 1]));
	await audit(db, {
		userId: viewer.id,
		action: 'inspection.view_evidence',
		entity: 'inspection',
		recordId: inspectionId,
		summary: `items=${items.length} transfers=${transfers.length}`
	});
	const views: EvidenceItemView[] = [];
	for (const { item, foundBy } of items) {
		const verification = (await verifyCustody(db, item.id))!;
		views.push({
			id: item.id,
			kind: item.kind,
			description: item.description,
			whereFound: item.whereFound,
			foundBy,
			foundAt: item.foundAt.toISOString(),
			photoNumber: item.attachmentId ? (photoNumber.get(item.attachmentId) ?? null) : null,
			sealNo: item.sealNo,
			transfers: transfers
				.filter(({ transfer }) => transfer.evidenceItemId === item.id)
				.map(({ transfer, handedBy }) => ({
					id: transfer.id,
					handedBy,
					receivedBy: transfer.receivedBy,
					receivedUnit: transfer.receivedUnit,
					at: transfer.at.toISOString(),
					reference: transfer.reference,
					notes: transfer.notes
				})),
			verification: { ok: verification.ok, problems: verification.problems }
		});
	}
	return views;
}

/** An operation's criminal reports by offence, arrests and detentions summed over its inspections. */
export async function operationPoliceOutcome(db: Db, operationId: string): Promise<OperationPoliceRow[]> {
	const rows = await db
		.select({
			offence: s.criminalReports.offence,
			reports: sql<number>`count(*)::int`,
			arrests: sql<number>`coalesce(sum(${s.criminalReports.arrests}), 0)::int`,
			detentions: sql<number>`coalesce(sum(${s.criminalReports.detentions}), 0)::int`
		})
		.from(s.criminalReports)
		.innerJoin(s.inspections, eq(s.inspections.id, s.criminalReports.inspectionId))
		.innerJoin(s.teams, eq(s.teams.id, s.inspections.teamId))
		.where(
			and(eq(s.teams.operationId, operationId), isNull(s.criminalReports.deletedAt), isNull(s.inspections.deletedAt))
		)
		.groupBy(s.criminalReports.offence);
	return rows
		.map((row) => ({
			offence: row.offence as CriminalOffence,
			reports: Number(row.reports),
			arrests: Number(row.arrests),
			detentions: Number(row.detentions)
		}))
		.sort((a, b) => criminalOffences.indexOf(a.offence) - criminalOffences.indexOf(b.offence));
}
