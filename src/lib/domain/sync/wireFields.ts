/**
 * What of each synced record travels to devices, as an allow-list per entity (the record's table
 * columns by their property names). A column added to a table later reaches no phone until it is
 * named here: tests/server/wireFields.test.ts fails until each column is either listed here or
 * declared server-only in server/sync/wireRecords.ts, so the choice is made, not inherited.
 * `version` travels beside the data, not in it; a team's `members` are attached by the server.
 */
import type { SyncEntity } from './entities.ts';

export const wireFields = {
	municipality: ['id', 'code', 'nameSq', 'nameSr', 'nameEn', 'lat', 'lng', 'updatedAt'],
	location: [
		'id',
		'name',
		'kind',
		'address',
		'municipalityId',
		'lat',
		'lng',
		'businessRegNo',
		'status',
		'statusReason',
		'riskNotes',
		'createdBy',
		'updatedAt'
	],
	childSite: ['id', 'name', 'kind', 'address', 'municipalityId', 'lat', 'lng', 'updatedAt'],
	plan: ['id', 'title', 'objective', 'periodStart', 'periodEnd', 'municipalityIds', 'createdBy', 'updatedAt'],
	operation: ['id', 'planId', 'title', 'date', 'startTime', 'endTime', 'area', 'leadAgencyId', 'status', 'updatedAt'],
	team: ['id', 'operationId', 'name', 'compositionReason', 'updatedAt'],
	assignment: ['id', 'operationId', 'teamId', 'locationId', 'visitOrder', 'status', 'updatedAt'],
	checklistTemplate: ['id', 'templateId', 'templateVersion', 'definition', 'publishedAt', 'publishedBy', 'updatedAt'],
	personText: ['id', 'kind', 'key', 'language', 'textVersion', 'text', 'reviewed', 'updatedAt'],
	helpline: ['id', 'name', 'number', 'position', 'updatedAt'],
	inspection: [
		'id',
		'locationId',
		'assignmentId',
		'teamId',
		'templateId',
		'templateVersion',
		'unplannedReason',
		'startedAt',
		'endedAt',
		'checkIn',
		'answers',
		'outcome',
		'outcomeReason',
		'peoplePresent',
		'notes',
		'status',
		'submittedAt',
		'correctionOf',
		'correctionReason',
		'childProtectionReason',
		'createdBy',
		'updatedAt'
	],
	screenedPerson: [
		'id',
		'inspectionId',
		'sex',
		'ageBand',
		'nationality',
		'education',
		'roleAtVenue',
		'recruitment',
		'exploitationForm',
		'language',
		'answers',
		'dimensionsPresent',
		'result',
		'isMinor',
		'catalogueVersion',
		'listResults',
		'selfAnswered',
		'updatedAt'
	],
	referral: [
		'id',
		'personId',
		'inspectionId',
		'target',
		'referredAt',
		'exOfficio',
		'consent',
		'consentBy',
		'urgentNeeds',
		'interpreterLanguage',
		'interpreterName',
		'interpreterIndependent',
		'status',
		'notes',
		'riskLevel',
		'formalIdentification',
		'formalIdentificationDate',
		'policeCaseNo',
		'prosecutorCaseNo',
		'socialWorkCaseNo',
		'reflectionStart',
		'updatedAt'
	],
	attachment: ['id', 'inspectionId', 'sha256', 'mime', 'size', 'caption', 'takenAt', 'lat', 'lng', 'updatedAt']
} as const satisfies Record<SyncEntity, readonly string[]>;

/** Extra keys the server attaches to a record's wire form (not table columns). */
export const attachedWireFields: Partial<Record<SyncEntity, readonly string[]>> = { team: ['members'] };
