/**
 * The device's local store (Dexie over IndexedDB). Every synced entity has its table keyed by id;
 * `outbox` holds local changes not yet accepted by the server, `conflicts` what the server merged
 * differently, `syncState` the pull cursor and the last outcome, `photos` the photo bytes.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { SyncEntity } from '../domain/sync/entities.ts';
import type { FieldError } from '../domain/sync/wire.ts';
import { currentDataKey } from './lock/dataKey.ts';
import { sealingMiddleware } from './lock/sealing.ts';

export type LocalRecord = { id: string; version: number } & Record<string, unknown>;

export type OutboxEntry = {
	seq?: number;
	mutationId: string;
	entity: SyncEntity;
	recordId: string;
	op: 'upsert' | 'delete';
	baseVersion: number;
	data: Record<string, unknown> | null;
	/** Records belong to who made them: a shared device never sends one user's work as another's. */
	userId: string;
	createdAt: string;
	/** Set when the mutation first left the device; from then on its data may not change. */
	sentAt: string | null;
	status: 'pending' | 'rejected';
	errors: FieldError[] | null;
	/**
	 * The device's write sequence at this entry's latest write (outbox.ts `nextWriteSeq`): the order
	 * the server's submission lock reads. Absent on entries written before the counter existed.
	 */
	writeSeq?: number;
	/** Re-queued once after an update, having been refused by the earlier submission lock. */
	recovered?: boolean;
};

export type ConflictEntry = {
	key?: number;
	entity: SyncEntity;
	recordId: string;
	fields: string[];
	device: Record<string, unknown>;
	server: Record<string, unknown>;
	serverVersion: number;
	at: string;
};

export type SyncStateEntry = { key: string; value: unknown };

export type PhotoBlob = {
	id: string;
	blob: Blob;
	sha256: string;
	mime: string;
	uploadedAt: string | null;
	/** Why the server refused the bytes; shown to the user, not retried on its own. */
	uploadError: string | null;
};

export const entityTableNames: Record<SyncEntity, string> = {
	municipality: 'municipalities',
	location: 'locations',
	childSite: 'childSites',
	plan: 'plans',
	operation: 'operations',
	team: 'teams',
	assignment: 'assignments',
	checklistTemplate: 'checklistTemplates',
	personText: 'personTexts',
	helpline: 'helplines',
	inspection: 'inspections',
	screenedPerson: 'screenedPersons',
	referral: 'referrals',
	attachment: 'attachments',
	violationKind: 'violationKinds',
	controlInspection: 'controlInspections',
	labourRecord: 'labourRecords',
	checkedWorker: 'checkedWorkers',
	violation: 'violations',
	decision: 'decisions',
	violationCheck: 'violationChecks',
	criminalReport: 'criminalReports',
	evidenceItem: 'evidenceItems',
	custodyTransfer: 'custodyTransfers'
};

/** The device database's name: one per browser profile, shared by every user of the device. */
export const DATABASE_NAME = 'kontrolla';

export class LocalDb extends Dexie {
	outbox!: EntityTable<OutboxEntry, 'seq'>;
	conflicts!: EntityTable<ConflictEntry, 'key'>;
	syncState!: EntityTable<SyncStateEntry, 'key'>;
	photos!: EntityTable<PhotoBlob, 'id'>;

	constructor(name = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
		super(name, { cache: 'disabled', ...options });
		this.version(1).stores({
			municipalities: 'id',
			locations: 'id, municipalityId, status',
			childSites: 'id',
			plans: 'id',
			operations: 'id, date',
			teams: 'id, operationId',
			assignments: 'id, teamId, operationId, locationId',
			checklistTemplates: 'id, [templateId+templateVersion]',
			inspections: 'id, assignmentId, locationId, status',
			screenedPersons: 'id, inspectionId',
			referrals: 'id, personId, inspectionId',
			attachments: 'id, inspectionId',
			outbox: '++seq, mutationId, [entity+recordId], userId, status',
			conflicts: '++key, [entity+recordId]',
			syncState: 'key',
			photos: 'id'
		});
		// The largest tables of a first pull keep only the indexes a screen reads by: each index
		// entry is written for every one of tens of thousands of rows.
		this.version(2).stores({
			locations: 'id',
			assignments: 'id, teamId'
		});
		// Texts shown to a person in their language, and the helplines (domain/personInfo/).
		this.version(3).stores({ personTexts: 'id', helplines: 'id' });
		// The work after the inspection (domain/records/afterInspection.ts): each by its visit.
		this.version(4).stores({
			violationKinds: 'id',
			controlInspections: 'id, locationId, assignmentId',
			labourRecords: 'id, inspectionId',
			checkedWorkers: 'id, inspectionId',
			violations: 'id, inspectionId',
			decisions: 'id, inspectionId',
			violationChecks: 'id, inspectionId, controlInspectionId',
			criminalReports: 'id, inspectionId',
			evidenceItems: 'id, inspectionId',
			custodyTransfers: 'id, inspectionId, evidenceItemId'
		});
		// Person-level records are sealed at rest under the PIN lock's data key (lock/sealing.ts).
		this.use(sealingMiddleware(currentDataKey));
	}

	records(entity: SyncEntity) {
		return this.table<LocalRecord, string>(entityTableNames[entity]);
	}
}
