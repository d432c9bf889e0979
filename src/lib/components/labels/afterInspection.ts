/**
 * The codes of the records made after an inspection (domain/records/codes.ts, "After the
 * inspection"): labour findings, decisions, follow-ups, the police outcome and evidence.
 */
import { m } from '$lib/paraglide/messages.js';
import type {
	AppealState,
	ControlStatus,
	CriminalOffence,
	DecisionKind,
	EvidenceKind,
	HandOverTarget,
	LicenceState,
	MinutesSignature,
	PermitCheck,
	ViolationCheckResult,
	ViolationSeverity,
	WorkerCheck
} from '$lib/domain/records/codes.ts';
import { labelFrom, type Messages } from './label.ts';

const offenceMessages: Messages<CriminalOffence> = {
	trafficking_in_persons: m.after_offence_trafficking_in_persons,
	facilitating_prostitution: m.after_offence_facilitating_prostitution,
	using_victim_sexual_services: m.after_offence_using_victim_sexual_services,
	slavery: m.after_offence_slavery,
	other: m.after_offence_other
};

export function criminalOffenceLabel(offence: string): string {
	return labelFrom(offenceMessages, offence);
}

const decisionMessages: Messages<DecisionKind> = {
	fine: m.after_decision_fine,
	misdemeanour_request: m.after_decision_misdemeanour_request,
	suspension: m.after_decision_suspension,
	closure: m.after_decision_closure
};

export function decisionKindLabel(kind: string): string {
	return labelFrom(decisionMessages, kind);
}

const appealMessages: Messages<AppealState> = {
	none: m.after_appeal_none,
	filed: m.after_appeal_filed,
	upheld: m.after_appeal_upheld,
	overturned: m.after_appeal_overturned,
	partly_upheld: m.after_appeal_partly_upheld
};

export function appealStateLabel(state: string): string {
	return labelFrom(appealMessages, state);
}

// Overdue is not a stored state (a due control past its date) but is reported as one.
const controlMessages: Messages<ControlStatus | 'overdue'> = {
	due: m.after_control_due,
	done: m.after_control_done,
	escalated: m.after_control_escalated,
	cancelled: m.after_control_cancelled,
	overdue: m.after_control_overdue
};

export function controlStatusLabel(status: string): string {
	return labelFrom(controlMessages, status);
}

const severityMessages: Messages<ViolationSeverity> = {
	minor: m.after_severity_minor,
	serious: m.after_severity_serious,
	very_serious: m.after_severity_very_serious
};

export function violationSeverityLabel(severity: string): string {
	return labelFrom(severityMessages, severity);
}

const evidenceMessages: Messages<EvidenceKind> = {
	identity_document: m.after_evidence_identity_document,
	passport: m.after_evidence_passport,
	cash: m.after_evidence_cash,
	ledger: m.after_evidence_ledger,
	phone: m.after_evidence_phone,
	other: m.after_evidence_other
};

export function evidenceKindLabel(kind: string): string {
	return labelFrom(evidenceMessages, kind);
}

const workerCheckMessages: Messages<WorkerCheck> = {
	yes: m.after_worker_check_yes,
	no: m.after_worker_check_no,
	unknown: m.after_worker_check_unknown
};

export function workerCheckLabel(check: string): string {
	return labelFrom(workerCheckMessages, check);
}

const permitMessages: Messages<PermitCheck> = {
	yes: m.after_permit_yes,
	no: m.after_permit_no,
	unknown: m.after_permit_unknown,
	not_needed: m.after_permit_not_needed
};

export function permitCheckLabel(check: string): string {
	return labelFrom(permitMessages, check);
}

const licenceMessages: Messages<LicenceState> = {
	valid: m.after_licence_valid,
	expired: m.after_licence_expired,
	none: m.after_licence_none,
	unknown: m.after_licence_unknown
};

export function licenceStateLabel(state: string): string {
	return labelFrom(licenceMessages, state);
}

const minutesMessages: Messages<MinutesSignature> = {
	signed: m.after_minutes_signed,
	refused: m.after_minutes_refused,
	no_representative: m.after_minutes_no_representative
};

export function minutesSignatureLabel(signature: string): string {
	return labelFrom(minutesMessages, signature);
}

const handOverMessages: Messages<HandOverTarget> = {
	police: m.after_hand_over_police,
	prosecutor: m.after_hand_over_prosecutor
};

export function handOverTargetLabel(target: string): string {
	return labelFrom(handOverMessages, target);
}

const checkResultMessages: Messages<ViolationCheckResult> = {
	remedied: m.after_check_remedied,
	not_remedied: m.after_check_not_remedied
};

export function violationCheckResultLabel(result: string): string {
	return labelFrom(checkResultMessages, result);
}
