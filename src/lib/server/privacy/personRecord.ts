/**
 * A screened person's record for a data-protection request handled by an admin: finding it (there
 * are no names by design, so by the id of the person, their inspection or a referral, which the
 * referral partner or the case file holds), exporting everything held on the person, and erasing
 * the details (anonymisation with a reason). Exports are audited like every look at person-level data.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { auditLog, inspections, locations, referrals, screenedPersons, teams } from '../db/schema.ts';
import type { AuditEntry } from '../audit/log.ts';
import { auditExport } from './exports.ts';
import { limitToPurpose, withheldFields, type ExportPurpose } from '../../domain/privacy/purposes.ts';
import { audited } from '../records/syncedWrite.ts';
import { isUuid } from '../errors.ts';
import { anonymisePerson } from './anonymise.ts';

export type PersonFound = {
	id: string;
	inspectionId: string;
	startedAt: string;
	venue: string;
	team: string | null;
	sex: string;
	ageBand: string;
	result: string;
	referrals: number;
	anonymisedAt: string | null;
};

/** Persons matching an id of theirs, of their inspection, or of one of their referrals. */
export async function findPersons(db: Db, id: string): Promise<PersonFound[]> {
	if (!isUuid(id)) return [];
	const viaReferral = db.select({ personId: referrals.personId }).from(referrals).where(eq(referrals.id, id));
	const rows = await db
		.select({ person: screenedPersons, startedAt: inspections.startedAt, venue: locations.name, team: teams.name })
		.from(screenedPersons)
		.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
		.innerJoin(locations, eq(locations.id, inspections.locationId))
		.leftJoin(teams, eq(teams.id, inspections.teamId))
		.where(
			or(eq(screenedPersons.id, id), eq(screenedPersons.inspectionId, id), inArray(screenedPersons.id, viaReferral))
		)
		.orderBy(asc(screenedPersons.createdAt), asc(screenedPersons.id));
	const counts = await db
		.select({ personId: referrals.personId })
		.from(referrals)
		.where(inArray(referrals.personId, rows.length ? rows.map((r) => r.person.id) : [id]));
	return rows.map(({ person, startedAt, venue, team }) => ({
		id: person.id,
		inspectionId: person.inspectionId,
		startedAt: startedAt.toISOString(),
		venue,
		team,
		sex: person.sex,
		ageBand: person.ageBand,
		result: person.result,
		referrals: counts.filter((c) => c.personId === person.id).length,
		anonymisedAt: person.anonymisedAt?.toISOString() ?? null
	}));
}

/**
 * The admin's search, on the record: who searched, when, for which id and how many persons it
 * showed, and one view entry for each person shown, so a person's own trail (the export) names it.
 * Text that is not an id finds nothing and is not kept, only its length: it could be a name.
 */
export async function searchPersons(db: Db, adminId: string, query: string): Promise<PersonFound[]> {
	const persons = await findPersons(db, query);
	const byId = isUuid(query);
	const entries: AuditEntry[] = [
		{
			userId: adminId,
			action: 'person.search',
			recordId: byId ? query.toLowerCase() : null,
			summary: byId ? `results=${persons.length}` : `not an id: ${query.length} characters, results=0`
		},
		...persons.map((person) => ({
			userId: adminId,
			action: 'person.view',
			entity: 'screenedPerson',
			recordId: person.id,
			summary: 'via=search'
		}))
	];
	await db.transaction((tx) => audited(tx, ...entries));
	return persons;
}

/**
 * Everything held on the person, for the person (or their representative): audited with the
 * purpose. A purpose other than the person's own request leaves out the tagged fields it may not
 * receive (domain/privacy/purposes.ts).
 */
export async function exportPerson(
	db: Db,
	adminId: string,
	personId: string,
	purpose: ExportPurpose
): Promise<Record<string, unknown> | null> {
	if (!isUuid(personId)) return null;
	const [row] = await db
		.select({
			person: screenedPersons,
			inspection: {
				id: inspections.id,
				startedAt: inspections.startedAt,
				submittedAt: inspections.submittedAt,
				status: inspections.status,
				venue: locations.name,
				team: teams.name
			}
		})
		.from(screenedPersons)
		.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
		.innerJoin(locations, eq(locations.id, inspections.locationId))
		.leftJoin(teams, eq(teams.id, inspections.teamId))
		.where(eq(screenedPersons.id, personId));
	if (!row) return null;
	const referred = await db
		.select()
		.from(referrals)
		.where(eq(referrals.personId, personId))
		.orderBy(asc(referrals.referredAt));
	const trail = await db
		.select({
			seq: auditLog.seq,
			at: auditLog.at,
			action: auditLog.action,
			entity: auditLog.entity,
			recordId: auditLog.recordId
		})
		.from(auditLog)
		.where(inArray(auditLog.recordId, [personId, row.inspection.id, ...referred.map((r) => r.id)]))
		.orderBy(asc(auditLog.seq));
	const person = limitToPurpose('screenedPerson', row.person, purpose);
	await auditExport(db, {
		userId: adminId,
		action: 'person.export',
		entity: 'screenedPerson',
		recordId: personId,
		purpose,
		parts: [
			{
				table: 'screenedPerson',
				count: 1,
				fields: Object.keys(person),
				withheld: withheldFields('screenedPerson', purpose)
			},
			{ table: 'referral', count: referred.length },
			{ table: 'auditTrail', count: trail.length }
		],
		extra: `referrals=${referred.length}`
	});
	return {
		exportedAt: new Date().toISOString(),
		purpose,
		person,
		inspection: row.inspection,
		referrals: referred,
		auditTrail: trail.map((entry) => ({ ...entry, seq: Number(entry.seq) }))
	};
}

export async function erasePerson(db: Db, adminId: string, personId: string, reason: string): Promise<boolean> {
	return anonymisePerson(db, personId, { action: 'person.erase', actorId: adminId, reason });
}
