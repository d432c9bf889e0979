/**
 * What each entity a device may write must satisfy beyond its zod schema: scope, references,
 * the checklist template version, the lock on submitted inspections. Each rule returns the row
 * to store and the scope of its change-feed entry.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/index.ts';
import * as s from '../db/schema.ts';
import type { SyncEntity } from '../../domain/sync/entities.ts';
import {
	assignmentStatusDataSchema,
	attachmentDataSchema,
	inspectionDataSchema,
	proposedLocationDataSchema,
	referralDataSchema,
	referralOpenFields,
	screenedPersonDataSchema,
	type AttachmentData,
	type InspectionData,
	type ProposedLocationData,
	type ReferralData,
	type ScreenedPersonData
} from '../../domain/records/fieldRecords.ts';
import {
	checkedWorkerDataSchema,
	decisionDataSchema,
	labourRecordDataSchema,
	labourRecordOpenFields,
	violationDataSchema,
	violationOpenFields,
	type CheckedWorkerData,
	type DecisionData,
	type LabourRecordData,
	type ViolationData
} from '../../domain/records/afterInspection.ts';
import { sameValue } from '../../domain/sync/threeWayMerge.ts';
import type { Ledger, SyncedColumns, SyncedRow } from '../records/syncedWrite.ts';
import { toWire } from './wireRecords.ts';
import { publishedTemplate } from '../templates/published.ts';
import { validateAnswers, type ChecklistTemplate, type TemplateScope } from '../../domain/checklist/template.ts';
import { peoplePresentFromAnswers } from '../../domain/field/peoplePresent.ts';
import { listResults, screenAnswers } from '../../domain/screening/screenAnswers.ts';
import { isInBounds } from '../../domain/geo/bounds.ts';
import { reflectionEnd } from '../../domain/records/reflectionPeriod.ts';
import { deploymentBounds } from '../register/settings.ts';
import { inTeamScope, type Scope } from './scope.ts';
import { reject, Rejection } from './rejection.ts';
import { acceptsChild, submissionColumns, type Origin } from './submissionLock.ts';
import { PERSON_MISSING, SUBMITTED_LOCKED } from '../../domain/sync/refusals.ts';
import { checkSelfAnswered } from '../personInfo/selfAnswered.ts';
import { storedNationality } from '../nationality/mappings.ts';
import { childSiteFlagFor } from '../inspections/childSiteFlag.ts';
import {
	violationCheckDataSchema,
	type CriminalReportData,
	type CustodyTransferData,
	type EvidenceItemData,
	type ViolationCheckData
} from '../../domain/records/afterInspection.ts';
import { settleControl, syncControlsOf } from '../labour/controls.ts';
import { criminalReport, custodyTransfer, evidenceItem } from './policeRules.ts';

/** What a device sends for each entity it may write; the others are authored on the server only. */
type FieldDataOf = {
	inspection: InspectionData;
	screenedPerson: ScreenedPersonData;
	referral: ReferralData;
	attachment: AttachmentData;
	location: ProposedLocationData;
	assignment: z.infer<typeof assignmentStatusDataSchema>;
	violationCheck: ViolationCheckData;
	criminalReport: CriminalReportData;
	evidenceItem: EvidenceItemData;
	custodyTransfer: CustodyTransferData;
	labourRecord: LabourRecordData;
	checkedWorker: CheckedWorkerData;
	violation: ViolationData;
	decision: DecisionData;
};
export type FieldEntity = keyof FieldDataOf;
export type FieldData<E extends FieldEntity> = FieldDataOf[E];

export type ChangeScope = { teamId: string | null; userId: string | null; restricted: boolean };

export type FieldRule<E extends FieldEntity> = {
	schema: z.ZodType<FieldData<E>>;
	/** Nested maps merged key by key in a three-way merge. */
	mergePerKey: readonly Extract<keyof FieldData<E>, string>[];
	mayCreate: boolean;
	/**
	 * Checks the merged data against the database; returns the columns to write and the change
	 * scope. `existing` is the stored record, locked; `origin` is the device that sent the data
	 * and its place in that device's writes.
	 */
	check(
		tx: Db,
		scope: Scope,
		data: FieldData<E>,
		existing: SyncedRow<E> | null,
		origin: Origin,
		op: 'upsert' | 'delete'
	): Promise<{ columns: SyncedColumns<E>; changeScope: ChangeScope }>;
	/**
	 * What the server derives once the record is stored (written, or deleted), in the same
	 * transaction: a control inspection made from a violation's deadline, settled by a check.
	 */
	afterWrite?(tx: Tx, scope: Scope, written: AfterWrite<E>, book: Ledger): Promise<void>;
	/** What the write's audit entry says besides its mutation and version (ids and hashes only). */
	auditNote?(id: string, columns: SyncedColumns<E>): string;
};

export type AfterWrite<E extends FieldEntity> = {
	id: string;
	data: FieldData<E>;
	existing: SyncedRow<E> | null;
	op: 'upsert' | 'delete';
};

/** A time as the device sends it (ISO text), as the database stores it. */
function toDate(iso: string): Date;
function toDate(iso: string | null): Date | null;
function toDate(iso: string | null): Date | null {
	return iso === null ? null : new Date(iso);
}

async function one<T>(rows: Promise<T[]>): Promise<T | undefined> {
	return (await rows)[0];
}

export async function templateOf(tx: Db, templateId: string, version: number): Promise<ChecklistTemplate> {
	const template = await publishedTemplate(tx, templateId, version);
	if (!template) reject('data.templateVersion', `checklist template ${templateId} version ${version} is not published`);
	return template;
}

function checkAnswers(
	template: ChecklistTemplate,
	part: TemplateScope,
	answers: Readonly<Record<string, unknown>>,
	complete: boolean
): void {
	const result = validateAnswers(template, part, answers);
	if (result.ok) return;
	// A draft may leave required items open; it may not hold answers of the wrong kind.
	const errors = result.errors.filter((e) => complete || e.field in answers);
	if (errors.length) throw new Rejection(errors.map((e) => ({ field: `data.answers.${e.field}`, message: e.message })));
}

/**
 * Rows a batched push looks up again and again (the parent inspection of each person, the venue and
 * the assignment of each inspection), kept for one transaction; the push forgets a row when it
 * writes it.
 */
const lookupCaches = new WeakMap<Db, Map<string, unknown>>();

export function cacheLookups(tx: Db): { forget(key: string): void; remember(key: string, row: unknown): void } {
	const cache = new Map<string, unknown>();
	lookupCaches.set(tx, cache);
	return { forget: (key) => void cache.delete(key), remember: (key, row) => void cache.set(key, row) };
}

async function cached<T>(tx: Db, key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
	const cache = lookupCaches.get(tx);
	if (cache?.has(key)) return cache.get(key) as T;
	const row = await read();
	// Only what exists: a record missing now may be created later in the same batch.
	if (row !== undefined) cache?.set(key, row);
	return row;
}

export async function inspectionInScope(tx: Db, scope: Scope, inspectionId: string) {
	const inspection = await cached(tx, inspectionId, () =>
		one(
			tx
				.select()
				.from(s.inspections)
				.where(and(eq(s.inspections.id, inspectionId), isNull(s.inspections.deletedAt)))
		)
	);
	// Out of scope answers like missing: guessing ids reveals nothing.
	if (!inspection || !inTeamScope(scope, inspection.teamId, inspection.createdBy))
		reject('data.inspectionId', 'no such inspection');
	return inspection;
}

const inspection: FieldRule<'inspection'> = {
	schema: inspectionDataSchema,
	mergePerKey: ['answers'],
	mayCreate: true,
	async check(tx, scope, data, existing, origin) {
		if (existing) {
			if (!inTeamScope(scope, existing.teamId, existing.createdBy)) reject('id', 'no such inspection');
			if (existing.status === 'submitted')
				reject('data.status', 'a submitted inspection is locked; record a correction instead');
		}
		const { teamId } = data;
		if (teamId !== null && !scope.teamIds.includes(teamId)) reject('data.teamId', 'you are not a member of this team');
		const location = await cached(tx, data.locationId, () =>
			one(tx.select({ id: s.locations.id }).from(s.locations).where(eq(s.locations.id, data.locationId)))
		);
		if (!location) reject('data.locationId', 'no such location');
		if (data.assignmentId) {
			const assignmentId = data.assignmentId;
			const assignment = await cached(tx, assignmentId, () =>
				one(tx.select().from(s.assignments).where(eq(s.assignments.id, assignmentId)))
			);
			if (!assignment || assignment.teamId !== teamId) reject('data.assignmentId', 'no such assignment for this team');
			if (assignment.locationId !== data.locationId)
				reject('data.locationId', 'the assignment is for another location');
		}
		if (data.correctionOf) {
			const original = await inspectionInScope(tx, scope, data.correctionOf);
			if (original.status !== 'submitted') reject('data.correctionOf', 'only a submitted inspection can be corrected');
		}
		const template = await templateOf(tx, data.templateId, data.templateVersion);
		checkAnswers(template, 'venue', data.answers, data.status === 'submitted');
		const columns: SyncedColumns<'inspection'> = {
			...data,
			// Counted once, in the checklist: what the device sent for them is not trusted apart.
			peoplePresent: peoplePresentFromAnswers(data.answers) ?? data.peoplePresent,
			checkIn: await judgedCheckIn(tx, data, existing),
			startedAt: toDate(data.startedAt),
			endedAt: toDate(data.endedAt),
			submittedAt: toDate(data.submittedAt),
			...submissionColumns(existing, data, origin)
		};
		if (!existing) columns.createdBy = scope.user.id;
		return { columns, changeScope: { teamId, userId: existing?.createdBy ?? scope.user.id, restricted: false } };
	},
	async afterWrite(tx, scope, { id, data, existing }, book) {
		// Violations count from the submission: their deadlines become control inspections then.
		// A visit submitted as it is created has no violations stored yet; each one makes its own.
		if (existing && existing.status !== 'submitted' && data.status === 'submitted')
			await syncControlsOf(tx, id, scope.user.id, book);
	}
};

/**
 * The child-site flag of a check-in is the server's, never the device's: the server judges it from
 * its own register (venue position, child sites, the configured radius), which a device may hold
 * out of date and which a forged push cannot change; the device's own judgement only serves the
 * phone until the server's record arrives. Judged once, at check-in: later pushes of the visit keep
 * it, so a site added or a venue moved afterwards does not rewrite what the visit found.
 */
async function judgedCheckIn(
	tx: Db,
	data: FieldData<'inspection'>,
	existing: SyncedRow<'inspection'> | null
): Promise<SyncedColumns<'inspection'>['checkIn']> {
	if (!data.checkIn) return null;
	const stored = existing?.checkIn;
	const nearChildren =
		stored && stored.nearChildren !== undefined ? stored.nearChildren : await childSiteFlagFor(tx, data.locationId);
	return { ...data.checkIn, nearChildren };
}

const screenedPerson: FieldRule<'screenedPerson'> = {
	schema: screenedPersonDataSchema,
	mergePerKey: ['answers'],
	mayCreate: true,
	async check(tx, scope, data, existing, origin) {
		if (existing && existing.inspectionId !== data.inspectionId)
			reject('data.inspectionId', 'a person cannot move to another inspection');
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		if (!acceptsChild(parent, origin, !existing)) reject('data.inspectionId', SUBMITTED_LOCKED);
		const template = await templateOf(tx, parent.templateId, parent.templateVersion);
		checkAnswers(template, 'person', data.answers, false);
		await checkSelfAnswered(tx, template, data);
		// The screening result is derived here from the answers, never taken from the device.
		const screening = screenAnswers(template, data.answers, data.ageBand);
		return {
			columns: {
				...data,
				// An older app sends the nationality as written; the server stores its code when it can read one.
				nationality: await storedNationality(tx, data.nationality),
				result: screening.result,
				dimensionsPresent: screening.dimensionsPresent,
				isMinor: screening.isMinor,
				catalogueVersion: screening.catalogueVersion,
				listResults: listResults(screening)
			},
			changeScope: { teamId: parent.teamId, userId: parent.createdBy, restricted: true }
		};
	}
};

const referral: FieldRule<'referral'> = {
	schema: referralDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin, op) {
		if (existing && existing.personId !== data.personId)
			reject('data.personId', 'a referral cannot move to another person');
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		const person = await one(tx.select().from(s.screenedPersons).where(eq(s.screenedPersons.id, data.personId)));
		if (!person || person.inspectionId !== parent.id) reject('data.personId', PERSON_MISSING);
		// Checked when the consent is recorded or changed, not on every later update: a person may
		// become a presumed minor after the referral, and its status must still be able to move on.
		const consentChanged = !existing || existing.consentBy !== data.consentBy;
		if (consentChanged && person.isMinor && data.consentBy === 'person') {
			reject('data.consentBy', "a minor's consent is given by the guardian or the Centre for Social Work");
		}
		// Referrals go on after submission (accepted, closed) and new ones may be made: only their
		// open fields stay open. What the visit recorded of them locks with it, as persons and photos do.
		if (existing && !acceptsChild(parent, origin, false))
			onlyOpenFieldsChanged('referral', existing, data, op, referralOpenFields);
		return {
			columns: {
				...data,
				referredAt: toDate(data.referredAt),
				reflectionEnd: data.reflectionStart ? reflectionEnd(data.reflectionStart) : null
			},
			changeScope: { teamId: parent.teamId, userId: parent.createdBy, restricted: true }
		};
	}
};

/**
 * A record of a submitted visit that the submitting device cannot place before the submission: it
 * may change its open fields only (the follow-up that comes days later), and is never deleted.
 */
function onlyOpenFieldsChanged<E extends FieldEntity>(
	entity: E,
	existing: SyncedRow<E>,
	data: FieldData<E>,
	op: 'upsert' | 'delete',
	openFields: readonly string[]
): void {
	if (op === 'delete') reject('data.inspectionId', SUBMITTED_LOCKED);
	const stored = toWire(entity, existing).data;
	const frozen = Object.entries(data).find(
		([key, value]) => !openFields.includes(key) && !sameValue(value, stored[key])
	);
	if (frozen) reject(`data.${frozen[0]}`, SUBMITTED_LOCKED);
}

const attachment: FieldRule<'attachment'> = {
	schema: attachmentDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin) {
		if (existing && (existing.sha256 !== data.sha256 || existing.inspectionId !== data.inspectionId)) {
			reject('data.sha256', 'a photo cannot be replaced; add a new one');
		}
		const parent = await inspectionInScope(tx, scope, data.inspectionId);
		// Caption, place and time are locked with the inspection too: a photo is evidence.
		if (!acceptsChild(parent, origin, !existing)) reject('data.inspectionId', SUBMITTED_LOCKED);
		const columns: SyncedColumns<'attachment'> = { ...data, takenAt: toDate(data.takenAt) };
		if (!existing && parent.correctionOf && (await storedOnOriginal(tx, parent.correctionOf, data.sha256))) {
			// A correction carries the original's photos over by hash: the bytes are already here, and the
			// device that corrects may never have held them (another member took the photo).
			columns.storedAt = new Date();
		}
		return { columns, changeScope: { teamId: parent.teamId, userId: parent.createdBy, restricted: false } };
	}
};

async function storedOnOriginal(tx: Db, originalId: string, sha256: string): Promise<boolean> {
	const photo = await one(
		tx
			.select({ storedAt: s.attachments.storedAt })
			.from(s.attachments)
			.where(
				and(
					eq(s.attachments.inspectionId, originalId),
					eq(s.attachments.sha256, sha256),
					isNull(s.attachments.deletedAt)
				)
			)
			.limit(1)
	);
	return Boolean(photo?.storedAt);
}

const location: FieldRule<'location'> = {
	schema: proposedLocationDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing) {
		if (existing && (existing.status !== 'unverified' || existing.createdBy !== scope.user.id)) {
			reject('id', 'only a planner can change a verified venue');
		}
		if (!isInBounds(data.lat, data.lng, deploymentBounds()))
			reject('data.lat', 'the position is outside the deployment area');
		const municipality = await one(
			tx.select({ id: s.municipalities.id }).from(s.municipalities).where(eq(s.municipalities.id, data.municipalityId))
		);
		if (!municipality) reject('data.municipalityId', 'no such municipality');
		const columns: SyncedColumns<'location'> = { ...data, status: 'unverified' };
		if (!existing) columns.createdBy = scope.user.id;
		return { columns, changeScope: { teamId: null, userId: null, restricted: false } };
	}
};

const assignment: FieldRule<'assignment'> = {
	schema: assignmentStatusDataSchema,
	mergePerKey: [],
	mayCreate: false,
	async check(_tx, scope, data, existing) {
		if (!existing || !scope.teamIds.includes(existing.teamId)) reject('id', 'no such assignment for your teams');
		return { columns: data, changeScope: { teamId: existing.teamId, userId: null, restricted: false } };
	}
};

/**
 * A violation of an earlier visit as found at its control inspection, recorded on the control
 * visit (at the same venue) by the labour inspectorate. Checks are the control visit's own record:
 * they lock with it like its persons. Each one settles the control (server/labour/controls.ts).
 */
const violationCheck: FieldRule<'violationCheck'> = {
	schema: violationCheckDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin) {
		if (
			existing &&
			(existing.controlInspectionId !== data.controlInspectionId || existing.violationId !== data.violationId)
		)
			reject('data.violationId', 'a check cannot move to another violation; record a new one');
		const parent = await labourParent(tx, scope, data.inspectionId, existing);
		if (!acceptsChild(parent, origin, !existing)) reject('data.inspectionId', SUBMITTED_LOCKED);
		const [control] = await tx
			.select()
			.from(s.controlInspections)
			.where(and(eq(s.controlInspections.id, data.controlInspectionId), isNull(s.controlInspections.deletedAt)));
		// Another venue's control answers like a missing one.
		if (!control || control.locationId !== parent.locationId)
			reject('data.controlInspectionId', 'no such control inspection at this venue');
		if (control.status === 'cancelled') reject('data.controlInspectionId', 'this control inspection was cancelled');
		if (!control.violations.some((v) => v.violationId === data.violationId))
			reject('data.violationId', 'this violation is not checked by this control inspection');
		return { columns: data, changeScope: teamScope(parent, false) };
	},
	async afterWrite(tx, scope, { data }, book) {
		await settleControl(tx, data.controlInspectionId, scope.user.id, book);
	}
};

// ── The labour inspection (docs/DOMAIN.md, "After the inspection: the labour inspection") ───────

/**
 * The labour inspection's records are the labour inspectorate's: a police member of the same team
 * reads them (they sync to the team) but never writes them. Returns the parent inspection, in scope.
 */
async function labourParent(tx: Db, scope: Scope, inspectionId: string, existing: { inspectionId: string } | null) {
	if (scope.user.agencyCode !== 'labour') reject('entity', 'only the labour inspectorate records a labour inspection');
	if (existing && existing.inspectionId !== inspectionId)
		reject('data.inspectionId', 'a record cannot move to another inspection');
	return inspectionInScope(tx, scope, inspectionId);
}

/**
 * A record found on site locks with its submitted visit, as persons and photos do, except its open
 * fields; a new one is refused once the visit is submitted.
 */
function lockedButOpenFields<E extends FieldEntity>(
	entity: E,
	parent: Parameters<typeof acceptsChild>[0],
	origin: Origin,
	existing: SyncedRow<E> | null,
	data: FieldData<E>,
	op: 'upsert' | 'delete',
	openFields: readonly string[]
): void {
	if (!existing) {
		if (!acceptsChild(parent, origin, true)) reject('data.inspectionId', SUBMITTED_LOCKED);
	} else if (!acceptsChild(parent, origin, false)) onlyOpenFieldsChanged(entity, existing, data, op, openFields);
}

const teamScope = (parent: { teamId: string | null; createdBy: string | null }, restricted: boolean): ChangeScope => ({
	teamId: parent.teamId,
	userId: parent.createdBy,
	restricted
});

const labourRecord: FieldRule<'labourRecord'> = {
	schema: labourRecordDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin, op) {
		const parent = await labourParent(tx, scope, data.inspectionId, existing);
		// The hand-over to the police or the prosecutor comes days later; the rest was found on site.
		lockedButOpenFields('labourRecord', parent, origin, existing, data, op, labourRecordOpenFields);
		if (!existing) {
			const other = await one(
				tx
					.select({ id: s.labourRecords.id })
					.from(s.labourRecords)
					.where(and(eq(s.labourRecords.inspectionId, parent.id), isNull(s.labourRecords.deletedAt)))
					.limit(1)
			);
			if (other) reject('data.inspectionId', 'this inspection has its labour record already');
		}
		return { columns: data, changeScope: teamScope(parent, false) };
	}
};

/** A worker checked: person-level, locked with the visit like a screened person. */
const checkedWorker: FieldRule<'checkedWorker'> = {
	schema: checkedWorkerDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin, op) {
		const parent = await labourParent(tx, scope, data.inspectionId, existing);
		if (!acceptsChild(parent, origin, !existing)) reject('data.inspectionId', SUBMITTED_LOCKED);
		if (op === 'delete' && existing) await notReferenced(tx, s.violations.workerIds, existing.id, 'a violation');
		return { columns: data, changeScope: teamScope(parent, true) };
	}
};

const violation: FieldRule<'violation'> = {
	schema: violationDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, origin, op) {
		const parent = await labourParent(tx, scope, data.inspectionId, existing);
		lockedButOpenFields('violation', parent, origin, existing, data, op, violationOpenFields);
		if (op === 'delete' && existing) await notReferenced(tx, s.decisions.violationIds, existing.id, 'a decision');
		const kind = await one(
			tx.select({ active: s.violationKinds.active }).from(s.violationKinds).where(eq(s.violationKinds.id, data.kindId))
		);
		if (!kind) reject('data.kindId', 'no such violation kind');
		// A kind deactivated later stays on the violations recorded with it.
		const kindChanged = !existing || existing.kindId !== data.kindId;
		if (kindChanged && !kind.active) reject('data.kindId', 'this violation kind is no longer in use');
		if (op === 'upsert')
			await checkChildrenOf(tx, s.checkedWorkers, parent.id, data.workerIds, 'data.workerIds', 'worker');
		return { columns: data, changeScope: teamScope(parent, false) };
	},
	async afterWrite(tx, scope, { data }, book) {
		// The deadline is the order to remedy: the visit's control inspections follow it.
		await syncControlsOf(tx, data.inspectionId, scope.user.id, book);
	}
};

/** Decisions are office work, days after the visit: a labour member of the team may make and change them. */
const decision: FieldRule<'decision'> = {
	schema: decisionDataSchema,
	mergePerKey: [],
	mayCreate: true,
	async check(tx, scope, data, existing, _origin, op) {
		const parent = await labourParent(tx, scope, data.inspectionId, existing);
		if (op === 'upsert')
			await checkChildrenOf(tx, s.violations, parent.id, data.violationIds, 'data.violationIds', 'violation');
		return { columns: data, changeScope: teamScope(parent, false) };
	}
};

/**
 * A worker named by a violation, or a violation named by a decision, is not deleted from under it:
 * the device takes it out of those first (client/field/labour.ts).
 */
async function notReferenced(
	tx: Db,
	column: typeof s.violations.workerIds | typeof s.decisions.violationIds,
	id: string,
	what: string
): Promise<void> {
	const table = column.table as typeof s.violations | typeof s.decisions;
	const [user] = await tx
		.select({ id: table.id })
		.from(table)
		.where(and(sql`${column} @> ${JSON.stringify([id])}::jsonb`, isNull(table.deletedAt)))
		.limit(1);
	if (user) reject('id', `${what} still names this record`);
}

/** Every id must be a record of this inspection, not deleted; the field names the first that is not. */
async function checkChildrenOf(
	tx: Db,
	table: typeof s.checkedWorkers | typeof s.violations,
	inspectionId: string,
	ids: readonly string[],
	field: string,
	what: string
): Promise<void> {
	if (ids.length === 0) return;
	const found = await tx
		.select({ id: table.id })
		.from(table)
		.where(and(inArray(table.id, [...ids]), eq(table.inspectionId, inspectionId), isNull(table.deletedAt)));
	const held = new Set(found.map((row) => row.id));
	const missing = ids.findIndex((id) => !held.has(id));
	if (missing >= 0) reject(`${field}.${missing}`, `no such ${what} in this inspection`);
}

/** The entities a device may write, each with its rule. */
export const fieldRules: { [E in FieldEntity]: FieldRule<E> } = {
	inspection,
	screenedPerson,
	referral,
	attachment,
	location,
	assignment,
	violationCheck,
	criminalReport,
	evidenceItem,
	custodyTransfer,
	labourRecord,
	checkedWorker,
	violation,
	decision
};

export function isFieldEntity(entity: SyncEntity): entity is FieldEntity {
	return Object.hasOwn(fieldRules, entity);
}
