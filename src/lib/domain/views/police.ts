/** The police outcome of an inspection and of an operation, as the office pages show it. */
import type { CriminalOffence, EvidenceKind } from '../records/codes.ts';

export type CriminalReportView = {
	id: string;
	offence: CriminalOffence;
	otherOffence: string;
	filedOn: string;
	policeCaseNo: string;
	prosecutorCaseNo: string;
	arrests: number;
	detentions: number;
	notes: string;
};

export type CustodyTransferView = {
	id: string;
	handedBy: string;
	receivedBy: string;
	receivedUnit: string;
	at: string;
	reference: string;
	notes: string;
};

/** What the audit log could not prove of an item's chain (server/evidence/verifyCustody.ts). */
export type CustodyProblemView = {
	kind: 'altered' | 'unaudited' | 'missing' | 'audit_broken';
	entity: 'evidenceItem' | 'custodyTransfer';
	recordId: string;
};

export type EvidenceItemView = {
	id: string;
	kind: EvidenceKind;
	description: string;
	whereFound: string;
	foundBy: string;
	foundAt: string;
	/** The photo's number among the inspection's photos (1-based), or null. */
	photoNumber: number | null;
	sealNo: string;
	transfers: CustodyTransferView[];
	verification: { ok: boolean; problems: CustodyProblemView[] };
};

export type PoliceOutcomeView = {
	reports: CriminalReportView[];
	/** Null when the viewer may not see the evidence (person-level, need-to-know). */
	evidence: EvidenceItemView[] | null;
};

/** An operation's criminal reports by offence, with arrests and detentions summed over its inspections. */
export type OperationPoliceRow = { offence: CriminalOffence; reports: number; arrests: number; detentions: number };
