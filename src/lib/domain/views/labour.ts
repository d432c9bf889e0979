/** The labour inspection of one visit as the office page shows it (server/labour/view.ts). */
import type { CheckedWorkerData, DecisionData, LabourRecordData, ViolationData } from '../records/afterInspection.ts';
import type { ViolationKindRecord } from '../records/referenceRecords.ts';
import type { taggedFields } from '../privacy/purposes.ts';

type TaggedWorkerField = keyof typeof taggedFields.checkedWorker;

export type LabourView = {
	record: (LabourRecordData & { id: string }) | null;
	/**
	 * Person-level: null when the viewer may not see the people met. The purpose-tagged fields
	 * (privacy/purposes.ts: `foreign` and the permits) are absent when the viewer's purpose does not allow them.
	 */
	workers:
		| (Omit<CheckedWorkerData, TaggedWorkerField> &
				Partial<Pick<CheckedWorkerData, TaggedWorkerField>> & { id: string })[]
		| null;
	violations: (ViolationData & { id: string; kind: ViolationKindRecord | null })[];
	decisions: (DecisionData & { id: string })[];
};
