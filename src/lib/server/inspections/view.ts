/**
 * One inspection read back, read-only, for the coverage drill-down: the venue part with the
 * template's labels, photos, corrections and the record's audit trail — and, for those the
 * security rules allow, the screened persons and their referrals.
 *
 * Who sees what is the access policy's (server/auth/accessPolicy.ts): an inspector sees only the
 * inspections of their own teams (or their own unplanned visits), persons included; police
 * supervisors and admins see every one with its persons; labour inspectorate supervisors see the
 * persons' count, planners the venue part only; the checklist answers each as the viewer's agency
 * may read them. An inspection the viewer may not see is answered exactly like one that does not
 * exist, so its id cannot be probed.
 */
import { childProtection } from '../../domain/records/minors.ts';
import { minorsCounted } from '../../domain/field/peoplePresent.ts';
import type { ReferralTarget } from '../../domain/records/codes.ts';
import type { Answers } from '../../domain/checklist/template.ts';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import {
	attachments,
	auditLog,
	checklistTemplates,
	inspections,
	locations,
	municipalities,
	operations,
	plans,
	referrals,
	screenedPersons,
	teams,
	users
} from '../db/schema.ts';
import { audit } from '../audit/log.ts';
import { inspectionAccess, itemsHiddenFrom } from '../auth/accessPolicy.ts';
import { answersFor } from '../../domain/checklist/ownership.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { answerSections } from '../../domain/checklist/answerView.ts';
import { templateSchema, type ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { AuditTrailEntry, InspectionView, PersonView } from '../../domain/views/inspection.ts';
import { aggravatingCircumstances } from '../../domain/field/aggravating.ts';
import { labourView } from '../labour/view.ts';
import { limitToPurpose, viewPurposeOf } from '../../domain/privacy/purposes.ts';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

async function templateOf(db: Db, templateId: string, version: number): Promise<ChecklistTemplate | null> {
	const [row] = await db
		.select({ definition: checklistTemplates.definition })
		.from(checklistTemplates)
		.where(and(eq(checklistTemplates.templateId, templateId), eq(checklistTemplates.templateVersion, version)));
	const parsed = templateSchema.safeParse(row?.definition);
	return parsed.success ? parsed.data : null;
}

/** How many persons were screened: all a viewer of counts learns of them. */
async function personCount(db: Db, inspectionId: string): Promise<number> {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(screenedPersons)
		.where(and(eq(screenedPersons.inspectionId, inspectionId), isNull(screenedPersons.deletedAt)));
	return Number(row?.count ?? 0);
}

async function personsOf(
	db: Db,
	inspectionId: string,
	template: ChecklistTemplate | null,
	hidden: ReadonlySet<string>
): Promise<PersonView[]> {
	const [people, referred] = await Promise.all([
		db
			.select()
			.from(screenedPersons)
			.where(and(eq(screenedPersons.inspectionId, inspectionId), isNull(screenedPersons.deletedAt)))
			.orderBy(asc(screenedPersons.createdAt), asc(screenedPersons.id)),
		db
			.select()
			.from(referrals)
			.where(and(eq(referrals.inspectionId, inspectionId), isNull(referrals.deletedAt)))
			.orderBy(asc(referrals.referredAt), asc(referrals.id))
	]);
	return people.map((person) => ({
		id: person.id,
		sex: person.sex,
		ageBand: person.ageBand,
		isMinor: person.isMinor,
		result: person.result,
		dimensionsPresent: person.dimensionsPresent,
		catalogueVersion: person.catalogueVersion,
		listResults: person.listResults,
		answers: answerSections(template, 'person', answersFor(person.answers, hidden)),
		referrals: referred
			.filter((referral) => referral.personId === person.id)
			.map((referral) => ({
				id: referral.id,
				target: referral.target,
				status: referral.status,
				referredAt: referral.referredAt.toISOString(),
				exOfficio: referral.exOfficio,
				consent: referral.consent,
				consentBy: referral.consentBy,
				interpreterLanguage: referral.interpreterLanguage,
				interpreterName: referral.interpreterName,
				interpreterIndependent: referral.interpreterIndependent,
				riskLevel: referral.riskLevel,
				formalIdentification: referral.formalIdentification,
				formalIdentificationDate: referral.formalIdentificationDate,
				policeCaseNo: referral.policeCaseNo,
				prosecutorCaseNo: referral.prosecutorCaseNo,
				socialWorkCaseNo: referral.socialWorkCaseNo,
				reflectionStart: referral.reflectionStart,
				reflectionEnd: referral.reflectionEnd
			}))
	}));
}

function childProtectionOf(
	persons: PersonView[],
	inspection: { answers: Record<string, unknown>; childProtectionReason: string | null }
): InspectionView['childProtection'] {
	const venueMinors = minorsCounted(inspection.answers as Answers);
	const state = childProtection({
		persons,
		referrals: persons.flatMap((person) =>
			person.referrals.map((referral) => ({ personId: person.id, target: referral.target as ReferralTarget }))
		),
		venueMinors,
		reason: inspection.childProtectionReason
	});
	const awaiting = state.personsAwaiting.length + (state.venueMinorsAwaiting ? 1 : 0);
	if (awaiting === 0 && venueMinors === 0 && !persons.some((person) => person.isMinor)) return null;
	return {
		awaiting: state.personsAwaiting.length,
		venueMinors,
		reason: inspection.childProtectionReason,
		settled: state.settled
	};
}

async function auditTrail(db: Db, records: { entity: string; ids: string[] }[]): Promise<AuditTrailEntry[]> {
	const rows = await db
		.select({
			seq: auditLog.seq,
			at: auditLog.at,
			user: users.displayName,
			action: auditLog.action,
			entity: auditLog.entity,
			summary: auditLog.summary
		})
		.from(auditLog)
		.leftJoin(users, eq(users.id, auditLog.userId))
		.where(
			or(
				...records
					.filter((r) => r.ids.length)
					.map((r) => and(eq(auditLog.entity, r.entity), inArray(auditLog.recordId, r.ids)))
			)
		)
		.orderBy(asc(auditLog.seq));
	return rows.map((row) => ({ ...row, seq: Number(row.seq), at: row.at.toISOString() }));
}

/** `withPersons: false`: the venue part only, whoever asks (a page copy that is no one's view: viewRequest.ts). */
export async function inspectionView(
	db: Db,
	viewer: SessionUser,
	id: string,
	{ withPersons = true } = {}
): Promise<InspectionView | null> {
	const [row] = await db
		.select({
			inspection: inspections,
			venue: {
				id: locations.id,
				name: locations.name,
				kind: locations.kind,
				address: locations.address,
				status: locations.status
			},
			municipality: {
				id: municipalities.id,
				en: municipalities.nameEn,
				sq: municipalities.nameSq,
				sr: municipalities.nameSr
			},
			team: teams.name,
			operation: operations.title,
			plan: plans.title,
			recordedBy: users.displayName
		})
		.from(inspections)
		.innerJoin(locations, eq(locations.id, inspections.locationId))
		.innerJoin(municipalities, eq(municipalities.id, locations.municipalityId))
		.innerJoin(users, eq(users.id, inspections.createdBy))
		.leftJoin(teams, eq(teams.id, inspections.teamId))
		.leftJoin(operations, eq(operations.id, teams.operationId))
		.leftJoin(plans, eq(plans.id, operations.planId))
		.where(and(eq(inspections.id, id), isNull(inspections.deletedAt)));
	if (!row) return null;
	const { inspection } = row;

	const access = await inspectionAccess(db, viewer, inspection);
	if (access === 'hidden') return null;
	const personLevel = access === 'persons' && withPersons;

	const [template, photos, [correction]] = await Promise.all([
		templateOf(db, inspection.templateId, inspection.templateVersion),
		db
			.select()
			.from(attachments)
			.where(and(eq(attachments.inspectionId, id), isNull(attachments.deletedAt)))
			.orderBy(asc(attachments.takenAt), asc(attachments.id)),
		db
			.select({ id: inspections.id })
			.from(inspections)
			.where(
				and(eq(inspections.correctionOf, id), isNull(inspections.deletedAt), sql`${inspections.status} = 'submitted'`)
			)
			.limit(1)
	]);
	// The items the viewer's agency may not read are left out of the answers, venue and persons alike.
	const hidden = template ? itemsHiddenFrom(viewer, template) : new Set<string>();
	const persons = personLevel ? await personsOf(db, id, template, hidden) : null;
	if (persons?.length) {
		// Person-level records are the most sensitive the system holds: every look at them is on the record.
		const referralCount = persons.reduce((sum, person) => sum + person.referrals.length, 0);
		await audit(db, {
			userId: viewer.id,
			action: 'inspection.view_persons',
			entity: 'inspection',
			recordId: id,
			summary: `persons=${persons.length} referrals=${referralCount}`
		});
	}

	const labour = await labourView(db, id, personLevel);
	// Purpose limits (domain/privacy/purposes.ts): a police reader's view leaves out the workers' permits.
	if (labour?.workers) {
		const purpose = viewPurposeOf(viewer.agencyCode);
		labour.workers = labour.workers.map((worker) => ({
			...limitToPurpose('checkedWorker', worker, purpose),
			id: worker.id
		})) as typeof labour.workers;
	}
	if (labour?.workers?.length) {
		// The workers checked are person-level like the persons screened: their read is on the record too.
		await audit(db, {
			userId: viewer.id,
			action: 'inspection.view_workers',
			entity: 'inspection',
			recordId: id,
			summary: `workers=${labour.workers.length}`
		});
	}

	const trail = await auditTrail(db, [
		{ entity: 'inspection', ids: [id] },
		{ entity: 'attachment', ids: photos.map((photo) => photo.id) },
		{ entity: 'screenedPerson', ids: persons?.map((person) => person.id) ?? [] },
		{ entity: 'referral', ids: persons?.flatMap((person) => person.referrals.map((referral) => referral.id)) ?? [] },
		{ entity: 'labourRecord', ids: labour?.record ? [labour.record.id] : [] },
		{ entity: 'checkedWorker', ids: labour?.workers?.map((worker) => worker.id) ?? [] },
		{ entity: 'violation', ids: labour?.violations.map((violation) => violation.id) ?? [] },
		{ entity: 'decision', ids: labour?.decisions.map((decision) => decision.id) ?? [] }
	]);

	return {
		id,
		status: inspection.status,
		startedAt: inspection.startedAt.toISOString(),
		endedAt: iso(inspection.endedAt),
		submittedAt: iso(inspection.submittedAt),
		outcome: inspection.outcome,
		outcomeReason: inspection.outcomeReason,
		unplannedReason: inspection.unplannedReason,
		// Planners see the venue part and the outcome: free-text notes may name the people met, the
		// check-in position and photo captions are the team's, not the venue's.
		notes: personLevel ? inspection.notes : '',
		peoplePresent: inspection.peoplePresent,
		checkIn: personLevel ? inspection.checkIn : null,
		venue: row.venue,
		municipality: {
			id: row.municipality.id,
			name: { en: row.municipality.en, sq: row.municipality.sq, sr: row.municipality.sr }
		},
		team: row.team,
		operation: row.operation,
		plan: row.plan,
		recordedBy: row.recordedBy,
		template: { id: inspection.templateId, version: inspection.templateVersion, found: template !== null },
		correctionOf: inspection.correctionOf,
		correctionReason: inspection.correctionReason,
		correctedBy: correction?.id ?? null,
		venueAnswers: answerSections(template, 'venue', answersFor(inspection.answers, hidden)),
		photos: photos.map((photo) => ({
			id: photo.id,
			caption: personLevel ? photo.caption : '',
			mime: photo.mime,
			size: photo.size,
			takenAt: photo.takenAt.toISOString(),
			uploaded: photo.storedAt !== null,
			viewable: personLevel && photo.storedAt !== null
		})),
		persons,
		personsCounted: access === 'counts' && withPersons ? await personCount(db, id) : null,
		childProtection: persons && childProtectionOf(persons, inspection),
		// The flag is about the venue, not a person: planners see it too.
		aggravating: aggravatingCircumstances(inspection.checkIn, persons),
		labour,
		auditTrail: trail
	};
}
