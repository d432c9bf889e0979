/** The labour inspection of one visit as the office page shows it (server/labour/view.ts). */
import type { CheckedWorkerData, DecisionData, LabourRecordData, ViolationData } from '../records/afterInspection.ts';
import type { ViolationKindRecord } from '../records/referenceRecords.ts';

export type LabourView = {
	record: (LabourRecordData & { id: string }) | null;
	/** Person-level: null when the viewer may not see the people met. */
	workers: (CheckedWorkerData & { id: string })[] | null;
	violations: (ViolationData & { id: string; kind: ViolationKindRecord | null })[];
	decisions: (DecisionData & { id: string })[];
};
