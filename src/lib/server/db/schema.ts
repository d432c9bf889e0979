/**
 * The server's data model (docs/ARCHITECTURE.md, "Data model"). SQL is kept to what both PostgreSQL 15
 * and PGlite (PostgreSQL 18) accept, because the same migrations run on both.
 */
import type { ListResult } from '../../domain/screening/screenAnswers.ts';
import { roles } from '../../domain/auth.ts';
import { victimServiceOrganisations } from '../../domain/victimServices.ts';
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
	date
} from 'drizzle-orm/pg-core';

import {
	assignmentStatuses,
	childSiteKinds,
	inspectionOutcomes,
	inspectionStatuses,
	locationKinds,
	locationStatuses,
	operationStatuses,
	referralStatuses,
	referralTargets,
	riskLevels,
	consentGivers,
	formalIdentifications,
	screeningResults,
	sexes,
	workerChecks,
	permitChecks,
	licenceStates,
	minutesSignatures,
	handOverTargets,
	violationSeverities,
	decisionKinds,
	appealStates,
	controlStatuses,
	violationCheckResults,
	criminalOffences,
	evidenceKinds
} from '../../domain/records/codes.ts';
import type { ControlViolation } from '../../domain/records/referenceRecords.ts';
import { possibleVictimSql } from './screening.ts';
import { personLanguages } from '../../domain/personInfo/languages.ts';
import { personTextKinds } from '../../domain/personInfo/texts.ts';
import type { SelfAnswered } from '../../domain/personInfo/selfAnswered.ts';
import type { ChildSiteFlag } from '../../domain/geo/proximity.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Columns every synced table carries: the server bumps `version`; rows are tombstoned, not deleted. */
const synced = {
	version: integer('version').notNull().default(1),
	createdAt: tstz('created_at').notNull().defaultNow(),
	updatedAt: tstz('updated_at').notNull().defaultNow(),
	deletedAt: tstz('deleted_at')
};

type LocalizedText = { en: string; sq: string; sr: string };

// ── People and access ────────────────────────────────────────────────────────────────────────

export const agencies = pgTable('agencies', {
	id: uuid('id').primaryKey().defaultRandom(),
	code: text('code').notNull().unique(),
	name: jsonb('name').$type<LocalizedText>().notNull(),
	createdAt: tstz('created_at').notNull().defaultNow()
});

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		username: text('username').notNull().unique(),
		displayName: text('display_name').notNull(),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: roles }).notNull(),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agencies.id),
		active: boolean('active').notNull().default(true),
		// A victim-services user's organisation (a referral target: domain/victimServices.ts) and the
		// municipalities it covers (empty: all); null and empty for every other role.
		organisation: text('organisation', { enum: victimServiceOrganisations }),
		municipalityIds: jsonb('municipality_ids').$type<string[]>().notNull().default([]),
		createdAt: tstz('created_at').notNull().defaultNow(),
		updatedAt: tstz('updated_at').notNull().defaultNow()
	},
	(t) => [
		check('users_role_check', sql`${t.role} in ('inspector','planner','supervisor','admin','victim_services')`),
		// A victim-services account without an organisation would read no one; one with it on another
		// role would read as if it were one.
		check('users_organisation_check', sql`(${t.role} = 'victim_services') = (${t.organisation} is not null)`)
	]
);

export const devices = pgTable('devices', {
	id: uuid('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id),
	userAgent: text('user_agent'),
	firstSeenAt: tstz('first_seen_at').notNull().defaultNow(),
	lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
	revokedAt: tstz('revoked_at')
});

/** Only the SHA-256 of a session token is stored, so a database leak does not hand out sessions. */
export const sessions = pgTable(
	'sessions',
	{
		tokenHash: text('token_hash').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id),
		deviceId: uuid('device_id'),
		createdAt: tstz('created_at').notNull().defaultNow(),
		lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
		expiresAt: tstz('expires_at').notNull(),
		absoluteExpiresAt: tstz('absolute_expires_at').notNull(),
		revokedAt: tstz('revoked_at')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Sign-in throttling (auth/throttle.ts): one counter row per key — a username with one of its
 * registered devices, a username from anywhere else, an address — read and updated under a row
 * lock, so parallel attempts cannot both see room under the limit. `refused` counts the attempts
 * turned away while the key was blocked: one audit entry when the block starts, the count when it ends.
 */
export const signInThrottle = pgTable(
	'sign_in_throttle',
	{
		key: text('key').primaryKey(),
		// The username a key belongs to (null for an address), for the admin's unlock.
		username: text('username'),
		failures: integer('failures').notNull().default(0),
		lastFailureAt: tstz('last_failure_at').notNull().defaultNow(),
		blockedUntil: tstz('blocked_until'),
		refused: integer('refused').notNull().default(0)
	},
	(t) => [index('sign_in_throttle_username_idx').on(t.username)]
);

// ── Reference data (authored on the server) ──────────────────────────────────────────────────

export const municipalities = pgTable('municipalities', {
	id: uuid('id').primaryKey().defaultRandom(),
	code: text('code').notNull().unique(),
	nameSq: text('name_sq').notNull(),
	nameSr: text('name_sr').notNull(),
	nameEn: text('name_en').notNull(),
	lat: doublePrecision('lat').notNull(),
	lng: doublePrecision('lng').notNull(),
	...synced
});

export const locations = pgTable(
	'locations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		kind: text('kind', { enum: locationKinds }).notNull(),
		address: text('address').notNull().default(''),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id),
		lat: doublePrecision('lat').notNull(),
		lng: doublePrecision('lng').notNull(),
		businessRegNo: text('business_reg_no'),
		status: text('status', { enum: locationStatuses }).notNull().default('active'),
		statusReason: text('status_reason'),
		riskNotes: text('risk_notes').notNull().default(''),
		// Who runs the venue and its phone link venues into networks (server/register/networks.ts).
		ownerName: text('owner_name').notNull().default(''),
		managerName: text('manager_name').notNull().default(''),
		phone: text('phone').notNull().default(''),
		createdBy: uuid('created_by').references(() => users.id),
		...synced
	},
	(t) => [
		// Coverage groups the register by municipality and kind (server/coverage/figures.ts).
		index('locations_municipality_kind_idx').on(t.municipalityId, t.kind),
		index('locations_kind_idx').on(t.kind)
	]
);

export const childSites = pgTable('child_sites', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	kind: text('kind', { enum: childSiteKinds }).notNull(),
	address: text('address').notNull().default(''),
	municipalityId: uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id),
	lat: doublePrecision('lat').notNull(),
	lng: doublePrecision('lng').notNull(),
	...synced
});

export const plans = pgTable('plans', {
	id: uuid('id').primaryKey().defaultRandom(),
	title: text('title').notNull(),
	objective: text('objective').notNull().default(''),
	periodStart: date('period_start', { mode: 'string' }).notNull(),
	periodEnd: date('period_end', { mode: 'string' }).notNull(),
	municipalityIds: jsonb('municipality_ids').$type<string[]>().notNull().default([]),
	createdBy: uuid('created_by').references(() => users.id),
	...synced
});

export const operations = pgTable(
	'operations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => plans.id),
		title: text('title').notNull(),
		date: date('date', { mode: 'string' }).notNull(),
		startTime: text('start_time').notNull().default('20:00'),
		endTime: text('end_time').notNull().default('23:59'),
		area: text('area').notNull().default(''),
		leadAgencyId: uuid('lead_agency_id')
			.notNull()
			.references(() => agencies.id),
		status: text('status', { enum: operationStatuses }).notNull().default('planned'),
		/**
		 * The embargo (server/planning/embargo.ts): an operation is released once `released_at` is
		 * set or the briefing time `release_at` has passed, unless withdrawn. Until then it is in no
		 * inspector's pull. `release_sent_at`/`expired_at` mark the feed rows already emitted for a
		 * release and for the expiry from devices, so each is emitted once. Never sent to devices.
		 */
		releasedAt: tstz('released_at'),
		releaseAt: tstz('release_at'),
		withdrawnAt: tstz('withdrawn_at'),
		releaseSentAt: tstz('release_sent_at'),
		expiredAt: tstz('expired_at'),
		...synced
	},
	(t) => [index('operations_plan_idx').on(t.planId), index('operations_date_idx').on(t.date)]
);

/** The need-to-know list of an unreleased operation: who besides admins may see it. */
export const operationCommanders = pgTable(
	'operation_commanders',
	{
		operationId: uuid('operation_id')
			.notNull()
			.references(() => operations.id),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id),
		addedAt: tstz('added_at').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.operationId, t.userId] }), index('operation_commanders_user_idx').on(t.userId)]
);

export const teams = pgTable(
	'teams',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		operationId: uuid('operation_id')
			.notNull()
			.references(() => operations.id),
		name: text('name').notNull(),
		compositionReason: text('composition_reason'),
		...synced
	},
	(t) => [index('teams_operation_idx').on(t.operationId)]
);

export const teamMembers = pgTable(
	'team_members',
	{
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id),
		agencyId: uuid('agency_id')
			.notNull()
			.references(() => agencies.id),
		isLeader: boolean('is_leader').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user_idx').on(t.userId)]
);

export const assignments = pgTable(
	'assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		operationId: uuid('operation_id')
			.notNull()
			.references(() => operations.id),
		teamId: uuid('team_id')
			.notNull()
			.references(() => teams.id),
		locationId: uuid('location_id')
			.notNull()
			.references(() => locations.id),
		visitOrder: integer('visit_order').notNull().default(0),
		status: text('status', { enum: assignmentStatuses }).notNull().default('pending'),
		...synced
	},
	(t) => [index('assignments_team_idx').on(t.teamId), index('assignments_location_idx').on(t.locationId)]
);

/**
 * One row per published version; `templateId` names the template family. A published row is
 * immutable: a correction is a new version.
 */
export const checklistTemplates = pgTable(
	'checklist_templates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		templateId: uuid('template_id').notNull(),
		templateVersion: integer('template_version').notNull(),
		definition: jsonb('definition').notNull(),
		publishedAt: tstz('published_at').notNull().defaultNow(),
		publishedBy: uuid('published_by').references(() => users.id),
		...synced
	},
	(t) => [uniqueIndex('checklist_templates_version_idx').on(t.templateId, t.templateVersion)]
);

// ── Information shown to a person in their language (domain/personInfo/) ─────────────────────

/**
 * One version of one text in one language. Rows are never changed but for the review: an edit
 * inserts the language's next `text_version`, so a person's record names what they read.
 */
export const personTexts = pgTable(
	'person_texts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind', { enum: personTextKinds }).notNull(),
		key: text('key').notNull(),
		language: text('language', { enum: personLanguages }).notNull(),
		textVersion: integer('text_version').notNull(),
		text: text('text').notNull(),
		reviewed: boolean('reviewed').notNull().default(false),
		reviewedBy: uuid('reviewed_by').references(() => users.id),
		reviewedAt: tstz('reviewed_at'),
		createdBy: uuid('created_by').references(() => users.id),
		...synced
	},
	(t) => [
		uniqueIndex('person_texts_version_idx').on(t.kind, t.key, t.language, t.textVersion),
		check('person_texts_kind_check', sql`${t.kind} in ('rights','label','card')`)
	]
);

export const helplines = pgTable('helplines', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	number: text('number').notNull(),
	position: integer('position').notNull().default(0),
	...synced
});

// ── Field records (born on devices) ──────────────────────────────────────────────────────────

export type CheckIn = {
	lat: number | null;
	lng: number | null;
	accuracy: number | null;
	at: string;
	overrideReason?: string | null;
	teamPresent?: string[];
	/** Recorded by the server at check-in (server/inspections/childSiteFlag.ts). */
	nearChildren?: ChildSiteFlag | null;
};
export type PeoplePresent = { women: number; men: number; minorsPresent: boolean };

export const inspections = pgTable(
	'inspections',
	{
		id: uuid('id').primaryKey(),
		locationId: uuid('location_id')
			.notNull()
			.references(() => locations.id),
		assignmentId: uuid('assignment_id').references(() => assignments.id),
		teamId: uuid('team_id').references(() => teams.id),
		templateId: uuid('template_id').notNull(),
		templateVersion: integer('template_version').notNull(),
		unplannedReason: text('unplanned_reason'),
		startedAt: tstz('started_at').notNull(),
		endedAt: tstz('ended_at'),
		checkIn: jsonb('check_in').$type<CheckIn>(),
		answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
		outcome: text('outcome', { enum: inspectionOutcomes }),
		outcomeReason: text('outcome_reason'),
		peoplePresent: jsonb('people_present').$type<PeoplePresent>(),
		notes: text('notes').notNull().default(''),
		status: text('status', { enum: inspectionStatuses }).notNull().default('draft'),
		submittedAt: tstz('submitted_at'),
		/**
		 * The submission's proof of order (server/sync/submissionLock.ts): the device that submitted
		 * and its own write sequence at the submission. Children that device recorded before it are
		 * still accepted when they arrive after the submission. Never sent to devices.
		 */
		submittedDeviceId: uuid('submitted_device_id'),
		submittedDeviceSeq: bigint('submitted_device_seq', { mode: 'number' }),
		correctionOf: uuid('correction_of'),
		correctionReason: text('correction_reason'),
		/** Why a minor met was not referred to the Centre for Social Work (docs/DOMAIN.md, "Minors"). */
		childProtectionReason: text('child_protection_reason'),
		/** When the deletes of this visit's person-level records went to the team's devices (sync/deviceHolding.ts). */
		personsOffDevicesAt: tstz('persons_off_devices_at'),
		createdBy: uuid('created_by')
			.notNull()
			.references(() => users.id),
		...synced
	},
	(t) => [
		index('inspections_location_idx').on(t.locationId, t.startedAt),
		index('inspections_started_idx').on(t.startedAt),
		index('inspections_team_idx').on(t.teamId),
		// What the coverage figures count (server/coverage/counted.ts): submitted, not deleted, by date.
		index('inspections_counted_started_idx')
			.on(t.startedAt, t.locationId)
			.where(sql`status = 'submitted' and deleted_at is null`),
		// "Not superseded by a correction" is asked of every counted inspection.
		index('inspections_correction_of_idx')
			.on(t.correctionOf)
			.where(sql`correction_of is not null`)
	]
);

export const screenedPersons = pgTable(
	'screened_persons',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		sex: text('sex', { enum: sexes }).notNull(),
		ageBand: text('age_band').notNull(),
		nationality: text('nationality').notNull().default(''),
		education: text('education'),
		roleAtVenue: text('role_at_venue'),
		recruitment: text('recruitment'),
		exploitationForm: text('exploitation_form'),
		language: text('language'),
		answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
		dimensionsPresent: jsonb('dimensions_present').$type<number[]>().notNull().default([]),
		result: text('result', { enum: screeningResults }).notNull().default('no_indicators'),
		isMinor: boolean('is_minor').notNull().default(false),
		/** The indicator catalogue the person was screened with; records keep theirs (docs/DOMAIN.md). */
		catalogueVersion: integer('catalogue_version').notNull().default(1),
		/** Each list screened on and its result; `result` is the most serious of them. */
		listResults: jsonb('list_results').$type<ListResult[]>().notNull().default([]),
		// What the person answered themselves on the question cards: language, text version, items.
		selfAnswered: jsonb('self_answered').$type<SelfAnswered>(),
		anonymisedAt: tstz('anonymised_at'),
		...synced
	},
	(t) => [
		index('screened_persons_inspection_idx').on(t.inspectionId),
		// The national report tables count possible victims only.
		index('screened_persons_possible_victim_idx')
			.on(t.inspectionId)
			.where(sql`result = ${possibleVictimSql} and deleted_at is null`)
	]
);

export const referrals = pgTable(
	'referrals',
	{
		id: uuid('id').primaryKey(),
		personId: uuid('person_id')
			.notNull()
			.references(() => screenedPersons.id),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		target: text('target', { enum: referralTargets }).notNull(),
		referredAt: tstz('referred_at').notNull(),
		exOfficio: boolean('ex_officio').notNull().default(false),
		consent: boolean('consent').notNull(),
		consentBy: text('consent_by', { enum: consentGivers }),
		urgentNeeds: text('urgent_needs').notNull().default(''),
		interpreterLanguage: text('interpreter_language').notNull().default(''),
		interpreterName: text('interpreter_name').notNull().default(''),
		interpreterIndependent: boolean('interpreter_independent'),
		status: text('status', { enum: referralStatuses }).notNull().default('made'),
		notes: text('notes').notNull().default(''),
		// The person's case, on the referral to the police only (domain/records/fieldRecords.ts).
		riskLevel: text('risk_level', { enum: riskLevels }),
		formalIdentification: text('formal_identification', { enum: formalIdentifications }),
		formalIdentificationDate: date('formal_identification_date', { mode: 'string' }),
		policeCaseNo: text('police_case_no').notNull().default(''),
		prosecutorCaseNo: text('prosecutor_case_no').notNull().default(''),
		socialWorkCaseNo: text('social_work_case_no').notNull().default(''),
		reflectionStart: date('reflection_start', { mode: 'string' }),
		// Derived by the server from the start (domain/records/reflectionPeriod.ts), so the
		// supervisors' list of periods ending soon is an indexed range, not the sum in SQL.
		reflectionEnd: date('reflection_end', { mode: 'string' }),
		...synced
	},
	(t) => [
		index('referrals_person_idx').on(t.personId),
		index('referrals_inspection_idx').on(t.inspectionId),
		index('referrals_reflection_end_idx')
			.on(t.reflectionEnd)
			.where(sql`reflection_end is not null and deleted_at is null`),
		// Identified victims are few; the report finds them through this.
		index('referrals_identified_idx')
			.on(t.personId)
			.where(sql`formal_identification = 'yes' and deleted_at is null`)
	]
);

export const attachments = pgTable(
	'attachments',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		sha256: text('sha256').notNull(),
		mime: text('mime').notNull(),
		size: integer('size').notNull(),
		caption: text('caption').notNull().default(''),
		takenAt: tstz('taken_at').notNull(),
		lat: doublePrecision('lat'),
		lng: doublePrecision('lng'),
		storedAt: tstz('stored_at'),
		...synced
	},
	(t) => [index('attachments_inspection_idx').on(t.inspectionId)]
);

/** Raw bytes; postgres-js hands back a Buffer and PGlite a Uint8Array, both of them a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Photo bytes when the server runs on PostgreSQL (server/storage/postgresStore.ts), so that every
 * app server behind a load balancer reads what any of them stored. Named by their SHA-256; the
 * `blob` row is written last, in the chunks' transaction: its presence means "complete".
 */
export const blob = pgTable('blob', {
	sha256: text('sha256').primaryKey(),
	size: bigint('size', { mode: 'number' }).notNull(),
	chunkCount: integer('chunk_count').notNull(),
	createdAt: tstz('created_at').notNull().defaultNow()
});

/** A blob's bytes in pieces of 256 KiB, so a read streams them a query at a time. */
export const blobChunk = pgTable(
	'blob_chunk',
	{
		sha256: text('sha256').notNull(),
		seq: integer('seq').notNull(),
		bytes: bytea('bytes').notNull()
	},
	(t) => [primaryKey({ columns: [t.sha256, t.seq] })]
);

// ── After the inspection (docs/DOMAIN.md, "After the inspection") ────────────────────────────────

/** The admin's catalogue of labour violations (reference data, pulled by devices). */
export const violationKinds = pgTable('violation_kinds', {
	id: uuid('id').primaryKey(),
	code: text('code').notNull().unique(),
	titleSq: text('title_sq').notNull(),
	titleSr: text('title_sr').notNull(),
	titleEn: text('title_en').notNull(),
	legalBasis: text('legal_basis').notNull().default(''),
	severity: text('severity', { enum: violationSeverities }).notNull(),
	/** A kind no longer in use stays for the violations recorded with it; it is no longer offered. */
	active: boolean('active').notNull().default(true),
	...synced
});

/** One per inspection: the employer, the minutes and the hand-over (domain/records/afterInspection.ts). */
export const labourRecords = pgTable(
	'labour_records',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		employerName: text('employer_name').notNull().default(''),
		businessRegNo: text('business_reg_no').notNull().default(''),
		fiscalNo: text('fiscal_no').notNull().default(''),
		registeredActivity: text('registered_activity').notNull().default(''),
		activityFound: text('activity_found').notNull().default(''),
		licence: text('licence', { enum: licenceStates }),
		licensedHours: text('licensed_hours').notNull().default(''),
		hoursFound: text('hours_found').notNull().default(''),
		minutesNo: text('minutes_no').notNull().default(''),
		minutesSignature: text('minutes_signature', { enum: minutesSignatures }),
		minutesCopyLeft: boolean('minutes_copy_left'),
		handOverTo: text('hand_over_to', { enum: handOverTargets }),
		handOverReference: text('hand_over_reference').notNull().default(''),
		handOverOn: date('hand_over_on', { mode: 'string' }),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [index('labour_records_inspection_idx').on(t.inspectionId)]
);

/** A worker checked by the labour inspector: person-level, like a screened person. */
export const checkedWorkers = pgTable(
	'checked_workers',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		name: text('name').notNull().default(''),
		sex: text('sex', { enum: sexes }).notNull(),
		isMinor: boolean('is_minor').notNull(),
		foreign: boolean('foreign').notNull(),
		contractBeforeWork: text('contract_before_work', { enum: workerChecks }).notNull(),
		declaredToTax: text('declared_to_tax', { enum: workerChecks }).notNull(),
		pensionContributions: text('pension_contributions', { enum: workerChecks }).notNull(),
		wageAtLeastMinimum: text('wage_at_least_minimum', { enum: workerChecks }).notNull(),
		workingTimeRespected: text('working_time_respected', { enum: workerChecks }).notNull(),
		workPermit: text('work_permit', { enum: permitChecks }).notNull(),
		residencePermit: text('residence_permit', { enum: permitChecks }).notNull(),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [index('checked_workers_inspection_idx').on(t.inspectionId)]
);

export const violations = pgTable(
	'violations',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		kindId: uuid('kind_id')
			.notNull()
			.references(() => violationKinds.id),
		workerIds: jsonb('worker_ids').$type<string[]>().notNull().default([]),
		description: text('description').notNull().default(''),
		remedyDeadline: date('remedy_deadline', { mode: 'string' }),
		...synced
	},
	(t) => [index('violations_inspection_idx').on(t.inspectionId), index('violations_kind_idx').on(t.kindId)]
);

export const decisions = pgTable(
	'decisions',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		kind: text('kind', { enum: decisionKinds }).notNull(),
		violationIds: jsonb('violation_ids').$type<string[]>().notNull().default([]),
		reference: text('reference').notNull().default(''),
		decidedOn: date('decided_on', { mode: 'string' }).notNull(),
		amountEur: integer('amount_eur'),
		legalBasis: text('legal_basis').notNull().default(''),
		until: date('until', { mode: 'string' }),
		appeal: text('appeal', { enum: appealStates }).notNull().default('none'),
		appealDecidedOn: date('appeal_decided_on', { mode: 'string' }),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [index('decisions_inspection_idx').on(t.inspectionId)]
);

/**
 * A control inspection, made by the server for a remedy deadline (server/labour/controls.ts): the
 * violations it checks are copied in when their deadline is set, so the team that goes need not hold
 * the earlier visit.
 */
export const controlInspections = pgTable(
	'control_inspections',
	{
		id: uuid('id').primaryKey(),
		locationId: uuid('location_id')
			.notNull()
			.references(() => locations.id),
		sourceInspectionId: uuid('source_inspection_id')
			.notNull()
			.references(() => inspections.id),
		dueOn: date('due_on', { mode: 'string' }).notNull(),
		status: text('status', { enum: controlStatuses }).notNull().default('due'),
		violations: jsonb('violations').$type<ControlViolation[]>().notNull().default([]),
		assignmentId: uuid('assignment_id').references(() => assignments.id),
		teamId: uuid('team_id').references(() => teams.id),
		doneInspectionId: uuid('done_inspection_id').references(() => inspections.id),
		closedAt: tstz('closed_at'),
		...synced
	},
	(t) => [
		index('control_inspections_due_idx').on(t.status, t.dueOn),
		index('control_inspections_location_idx').on(t.locationId),
		index('control_inspections_source_idx').on(t.sourceInspectionId)
	]
);

/** A violation as found at a control inspection, recorded on the control visit. */
export const violationChecks = pgTable(
	'violation_checks',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		controlInspectionId: uuid('control_inspection_id')
			.notNull()
			.references(() => controlInspections.id),
		violationId: uuid('violation_id')
			.notNull()
			.references(() => violations.id),
		result: text('result', { enum: violationCheckResults }).notNull(),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [
		index('violation_checks_control_idx').on(t.controlInspectionId),
		index('violation_checks_inspection_idx').on(t.inspectionId)
	]
);

/** A criminal report filed for one offence after an inspection: counts, no identities. */
export const criminalReports = pgTable(
	'criminal_reports',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		offence: text('offence', { enum: criminalOffences }).notNull(),
		otherOffence: text('other_offence').notNull().default(''),
		filedOn: date('filed_on', { mode: 'string' }).notNull(),
		policeCaseNo: text('police_case_no').notNull().default(''),
		prosecutorCaseNo: text('prosecutor_case_no').notNull().default(''),
		arrests: integer('arrests').notNull().default(0),
		detentions: integer('detentions').notNull().default(0),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [
		index('criminal_reports_inspection_idx').on(t.inspectionId),
		index('criminal_reports_filed_idx').on(t.filedOn)
	]
);

/** An item seized or found at a venue. */
export const evidenceItems = pgTable(
	'evidence_items',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		kind: text('kind', { enum: evidenceKinds }).notNull(),
		description: text('description').notNull(),
		whereFound: text('where_found').notNull().default(''),
		foundBy: uuid('found_by')
			.notNull()
			.references(() => users.id),
		foundAt: tstz('found_at').notNull(),
		attachmentId: uuid('attachment_id'),
		sealNo: text('seal_no').notNull().default(''),
		...synced
	},
	(t) => [index('evidence_items_inspection_idx').on(t.inspectionId)]
);

/** A link of an evidence item's chain of custody: written once, never changed. */
export const custodyTransfers = pgTable(
	'custody_transfers',
	{
		id: uuid('id').primaryKey(),
		inspectionId: uuid('inspection_id')
			.notNull()
			.references(() => inspections.id),
		evidenceItemId: uuid('evidence_item_id')
			.notNull()
			.references(() => evidenceItems.id),
		handedBy: uuid('handed_by')
			.notNull()
			.references(() => users.id),
		receivedBy: text('received_by').notNull(),
		receivedUnit: text('received_unit').notNull().default(''),
		at: tstz('at').notNull(),
		reference: text('reference').notNull().default(''),
		notes: text('notes').notNull().default(''),
		...synced
	},
	(t) => [index('custody_transfers_item_idx').on(t.evidenceItemId, t.at)]
);

// ── Sync bookkeeping ─────────────────────────────────────────────────────────────────────────

/**
 * One-row counter for the change feed. Taking `seq` from it inside the writing transaction means a
 * row that commits late can never be skipped by a cursor (a plain sequence can commit out of order).
 */
export const syncCounter = pgTable(
	'sync_counter',
	{
		id: integer('id').primaryKey().default(1),
		seq: bigint('seq', { mode: 'number' }).notNull().default(0)
	},
	(t) => [check('sync_counter_single_row', sql`${t.id} = 1`)]
);

export const changes = pgTable(
	'changes',
	{
		seq: bigint('seq', { mode: 'number' }).primaryKey(),
		entity: text('entity').notNull(),
		recordId: uuid('record_id').notNull(),
		op: text('op', { enum: ['upsert', 'delete'] }).notNull(),
		version: integer('version').notNull(),
		// Scope fields: what a pull needs to decide who may read the row without joining every table.
		teamId: uuid('team_id'),
		operationId: uuid('operation_id'),
		// Field records made outside any team (an unplanned visit) belong to their author alone.
		userId: uuid('user_id'),
		restricted: boolean('restricted').notNull().default(false),
		changedAt: tstz('changed_at').notNull().defaultNow()
	},
	(t) => [index('changes_record_idx').on(t.entity, t.recordId)]
);

export const appliedMutations = pgTable('applied_mutations', {
	mutationId: uuid('mutation_id').primaryKey(),
	deviceId: uuid('device_id').notNull(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id),
	entity: text('entity').notNull(),
	recordId: uuid('record_id').notNull(),
	result: jsonb('result').notNull(),
	appliedAt: tstz('applied_at').notNull().defaultNow()
});

/**
 * The versions of a device-authored record since it was first changed: the base of the three-way
 * merge when a device pushes an edit of an older version. A record's first version is stored here
 * only when a later one replaces it (until then its row is that version), so creating a record
 * writes no copy of it.
 */
export const recordVersions = pgTable(
	'record_versions',
	{
		entity: text('entity').notNull(),
		recordId: uuid('record_id').notNull(),
		version: integer('version').notNull(),
		data: jsonb('data').$type<Record<string, unknown>>().notNull(),
		userId: uuid('user_id'),
		at: tstz('at').notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.entity, t.recordId, t.version] })]
);

/** The device's copy of a record whose field was changed on both sides: kept, never dropped. */
export const syncConflicts = pgTable('sync_conflicts', {
	id: uuid('id').primaryKey().defaultRandom(),
	entity: text('entity').notNull(),
	recordId: uuid('record_id').notNull(),
	mutationId: uuid('mutation_id').notNull(),
	deviceId: uuid('device_id').notNull(),
	userId: uuid('user_id')
		.notNull()
		.references(() => users.id),
	baseVersion: integer('base_version').notNull(),
	serverVersion: integer('server_version').notNull(),
	fields: jsonb('fields').$type<string[]>().notNull(),
	deviceData: jsonb('device_data').notNull(),
	createdAt: tstz('created_at').notNull().defaultNow(),
	resolvedAt: tstz('resolved_at')
});

// ── Evidence trail and settings ──────────────────────────────────────────────────────────────

/** Append-only; each row's hash covers the previous row's hash, so an edit breaks the chain. */
export const auditLog = pgTable(
	'audit_log',
	{
		seq: bigint('seq', { mode: 'number' }).primaryKey(),
		at: tstz('at').notNull().defaultNow(),
		userId: uuid('user_id'),
		action: text('action').notNull(),
		entity: text('entity'),
		recordId: text('record_id'),
		summary: text('summary').notNull().default(''),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_log_entity_idx').on(t.entity, t.recordId), index('audit_log_user_idx').on(t.userId)]
);

/** Head of the audit chain: locking this one row serialises appends across connections. */
export const auditHead = pgTable(
	'audit_head',
	{
		id: integer('id').primaryKey().default(1),
		seq: bigint('seq', { mode: 'number' }).notNull().default(0),
		hash: text('hash').notNull()
	},
	(t) => [check('audit_head_single_row', sql`${t.id} = 1`)]
);

/**
 * An admin's reading of a nationality written as free text before the codes, which the built-in
 * reading (domain/records/nationality.ts) could not make out: applied to the stored persons when
 * made, and to what devices of an older app still send (server/nationality/).
 */
export const nationalityMappings = pgTable('nationality_mappings', {
	written: text('written').primaryKey(),
	code: text('code').notNull(),
	mappedBy: uuid('mapped_by').references(() => users.id),
	mappedAt: tstz('mapped_at').notNull().defaultNow()
});

export const appMeta = pgTable('app_meta', {
	key: text('key').primaryKey(),
	value: jsonb('value').notNull()
});
