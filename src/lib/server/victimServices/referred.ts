/**
 * The victim-services user's pages (routes/(app)/referred): the persons referred to their
 * organisation, one person with the referrals to it, and the change the receiving service may
 * make (domain/victimServices.ts, `victimServiceReferralFields`). Every person shown is a
 * `person.view` on that person's trail, as the admin's person search writes it; every change goes
 * through the synced write (version, change feed, audit). The purpose is victim assistance, which
 * may read the tagged nationality (domain/privacy/purposes.ts).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { inspections, locations, municipalities, referrals, screenedPersons } from '../db/schema.ts';
import type { AuditEntry } from '../audit/log.ts';
import { audited, lockSynced, updateSynced } from '../records/syncedWrite.ts';
import { UserInputError } from '../errors.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { referralStatuses } from '../../domain/records/codes.ts';
import { limitToPurpose, type ExportPurpose } from '../../domain/privacy/purposes.ts';
import type {
	ReferredListPage,
	ReferredPersonFields,
	ReferredPersonPage,
	ReferredReferral
} from '../../domain/views/referred.ts';
import { personInScope, referralToScope, victimServicesScope } from './access.ts';
import { mayReadPerson } from '../auth/accessPolicy.ts';

const PURPOSE: ExportPurpose = 'victim_assistance';

type PersonRow = typeof screenedPersons.$inferSelect;
type ReferralRow = typeof referrals.$inferSelect;

function personFields(person: PersonRow): ReferredPersonFields {
	const fields: ReferredPersonFields = {
		personId: person.id,
		sex: person.sex,
		ageBand: person.ageBand,
		isMinor: person.isMinor,
		result: person.result,
		nationality: person.nationality,
		language: person.language
	};
	return limitToPurpose('screenedPerson', fields, PURPOSE) as ReferredPersonFields;
}

function referralFields(referral: ReferralRow, person: PersonRow): ReferredReferral {
	return {
		id: referral.id,
		target: referral.target,
		referredAt: referral.referredAt.toISOString(),
		status: referral.status,
		urgent: person.isMinor || referral.urgentNeeds.trim() !== '',
		urgentNeeds: referral.urgentNeeds,
		exOfficio: referral.exOfficio,
		consent: referral.consent,
		consentBy: referral.consentBy,
		interpreterLanguage: referral.interpreterLanguage,
		interpreterIndependent: referral.interpreterIndependent,
		notes: referral.notes,
		version: referral.version
	};
}

function viewed(viewer: SessionUser, personIds: string[], via: string): AuditEntry[] {
	return [...new Set(personIds)].map((id) => ({
		userId: viewer.id,
		action: 'person.view',
		entity: 'screenedPerson',
		recordId: id,
		summary: `via=${via} purpose=${PURPOSE}`
	}));
}

/** The base of both reads: referrals to the scope, with their person, visit and municipality. */
function referredRows(db: Db, where: ReturnType<typeof and>) {
	return db
		.select({
			referral: referrals,
			person: screenedPersons,
			startedAt: inspections.startedAt,
			municipality: { en: municipalities.nameEn, sq: municipalities.nameSq, sr: municipalities.nameSr }
		})
		.from(referrals)
		.innerJoin(screenedPersons, eq(screenedPersons.id, referrals.personId))
		.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
		.innerJoin(locations, eq(locations.id, inspections.locationId))
		.innerJoin(municipalities, eq(municipalities.id, locations.municipalityId))
		.where(where);
}

/** `null`: the user is not a victim-services user with an organisation (the page answers 404). */
export async function referredList(db: Db, viewer: SessionUser): Promise<ReferredListPage | null> {
	const scope = await victimServicesScope(db, viewer);
	if (!scope) return null;
	const rows = await referredRows(db, and(referralToScope(scope), personInScope(scope))).orderBy(
		desc(referrals.referredAt),
		asc(referrals.id)
	);
	const list = rows.map((row) => ({
		...personFields(row.person),
		referral: referralFields(row.referral, row.person),
		municipality: row.municipality
	}));
	await db.transaction((tx) =>
		audited(
			tx,
			{
				userId: viewer.id,
				action: 'referral.list_referred',
				entity: 'referral',
				summary: `organisation=${scope.organisation} referrals=${list.length} purpose=${PURPOSE}`
			},
			...viewed(
				viewer,
				list.map((row) => row.personId),
				'referred_list'
			)
		)
	);
	return { organisation: scope.organisation, rows: list };
}

/** One person referred to the viewer's organisation, with those referrals; null for anyone else. */
export async function referredPerson(
	db: Db,
	viewer: SessionUser,
	personId: string
): Promise<ReferredPersonPage | null> {
	if (!(await mayReadPerson(db, viewer, { id: personId }))) return null;
	const scope = (await victimServicesScope(db, viewer))!;
	const rows = await referredRows(
		db,
		and(eq(referrals.personId, personId), referralToScope(scope), personInScope(scope))
	).orderBy(asc(referrals.referredAt), asc(referrals.id));
	const first = rows[0];
	if (!first) return null;
	await db.transaction((tx) => audited(tx, ...viewed(viewer, [personId], 'referred_page')));
	return {
		organisation: scope.organisation,
		person: {
			...personFields(first.person),
			municipality: first.municipality,
			visitedOn: first.startedAt.toISOString()
		},
		referrals: rows.map((row) => referralFields(row.referral, row.person))
	};
}

export const referralUpdateSchema = z.object({
	referralId: z.uuid('referralId must be a referral id'),
	status: z.enum(referralStatuses, { message: `status must be one of ${referralStatuses.join(', ')}` }),
	notes: z.string().max(5000, 'notes: at most 5000 characters')
});
export type ReferralUpdate = z.infer<typeof referralUpdateSchema>;

/**
 * The receiving service's change to a referral to it: status and notes, nothing else. A referral
 * that is not to the viewer's organisation, or of a person outside their scope, is not found.
 * Returns the new version, or the current one when nothing changed (nothing written then).
 */
export async function updateReferredReferral(db: Db, viewer: SessionUser, input: ReferralUpdate): Promise<number> {
	const scope = await victimServicesScope(db, viewer);
	const notFound = () => new UserInputError('referralId', 'no such referral', 404);
	if (!scope) throw notFound();
	return db.transaction(async (tx) => {
		const referral = await lockSynced(tx, 'referral', input.referralId);
		if (!referral || referral.deletedAt || referral.target !== scope.organisation) throw notFound();
		if (!(await mayReadPerson(tx, viewer, { id: referral.personId }))) throw notFound();
		const [inspection] = await tx
			.select({ teamId: inspections.teamId, createdBy: inspections.createdBy })
			.from(inspections)
			.where(eq(inspections.id, referral.inspectionId));
		if (!inspection) throw notFound();
		const changed = [
			referral.status !== input.status ? `status=${referral.status}>${input.status}` : '',
			referral.notes !== input.notes ? 'notes=changed' : ''
		].filter(Boolean);
		if (!changed.length) return referral.version;
		return updateSynced(tx, {
			entity: 'referral',
			id: referral.id,
			set: { status: input.status, notes: input.notes },
			// The recording team's devices get the new status; a device that edits from the old
			// version merges field by field against it (record_versions).
			scope: { teamId: inspection.teamId, userId: inspection.createdBy, restricted: true },
			replaces: referral,
			mergeBases: { userId: viewer.id },
			audit: {
				userId: viewer.id,
				action: 'referral.update_by_service',
				summary: `${changed.join(' ')} purpose=${PURPOSE}`
			}
		});
	});
}
