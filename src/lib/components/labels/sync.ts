/** The sync screens' words: which kind of record a change is about, when, and what it held. */
import { m } from '$lib/paraglide/messages.js';
import type { SyncEntity } from '$lib/domain/sync/entities.ts';
import { formatDateTime } from '$lib/components/format.ts';
import { labelFrom, type Messages } from './label.ts';

const entityMessages: Messages<SyncEntity> = {
	municipality: m.sync_entity_municipality,
	location: m.sync_entity_location,
	childSite: m.sync_entity_child_site,
	plan: m.sync_entity_plan,
	operation: m.sync_entity_operation,
	team: m.sync_entity_team,
	assignment: m.sync_entity_assignment,
	checklistTemplate: m.sync_entity_checklist_template,
	personText: m.sync_entity_person_text,
	helpline: m.sync_entity_helpline,
	inspection: m.sync_entity_inspection,
	screenedPerson: m.sync_entity_screened_person,
	referral: m.sync_entity_referral,
	attachment: m.sync_entity_attachment,
	violationKind: m.sync_entity_violation_kind,
	controlInspection: m.sync_entity_control_inspection,
	labourRecord: m.sync_entity_labour_record,
	checkedWorker: m.sync_entity_checked_worker,
	violation: m.sync_entity_violation,
	decision: m.sync_entity_decision,
	violationCheck: m.sync_entity_violation_check,
	criminalReport: m.sync_entity_criminal_report,
	evidenceItem: m.sync_entity_evidence_item,
	custodyTransfer: m.sync_entity_custody_transfer
};

export function entityLabel(entity: SyncEntity): string {
	return labelFrom(entityMessages, entity);
}

/** Numeric date and time in the reader's language and the device's time zone: when it happened here. */
export function formatTime(iso: string): string {
	return formatDateTime(iso, { style: 'numeric' });
}

/** A value as the user reads it: text as is, anything else as JSON, nothing as "(empty)". */
export function formatValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return m.sync_empty_value();
	return typeof value === 'string' ? value : JSON.stringify(value);
}
