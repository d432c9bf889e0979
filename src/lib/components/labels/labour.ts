/** The labour inspection's codes in words, and a violation kind's title in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import type {
	AppealState,
	DecisionKind,
	HandOverTarget,
	LicenceState,
	MinutesSignature,
	PermitCheck,
	ViolationSeverity,
	WorkerCheck
} from '$lib/domain/records/codes.ts';
import type { ViolationKindRecord } from '$lib/domain/records/referenceRecords.ts';
import { labelFrom, type Messages } from './label.ts';

const severityMessages: Messages<ViolationSeverity> = {
	minor: m.labour_severity_minor,
	serious: m.labour_severity_serious,
	very_serious: m.labour_severity_very_serious
};
export const severityLabel = (code: string): string => labelFrom(severityMessages, code);

const workerCheckMessages: Messages<WorkerCheck> = {
	yes: m.labour_check_yes,
	no: m.labour_check_no,
	unknown: m.labour_check_unknown
};
export const workerCheckLabel = (code: string): string => labelFrom(workerCheckMessages, code);

const permitMessages: Messages<PermitCheck> = { ...workerCheckMessages, not_needed: m.labour_check_not_needed };
export const permitCheckLabel = (code: string): string => labelFrom(permitMessages, code);

const licenceMessages: Messages<LicenceState> = {
	valid: m.labour_licence_valid,
	expired: m.labour_licence_expired,
	none: m.labour_licence_none,
	unknown: m.labour_check_unknown
};
export const licenceLabel = (code: string): string => labelFrom(licenceMessages, code);

const signatureMessages: Messages<MinutesSignature> = {
	signed: m.labour_minutes_signed,
	refused: m.labour_minutes_refused,
	no_representative: m.labour_minutes_no_representative
};
export const minutesSignatureLabel = (code: string): string => labelFrom(signatureMessages, code);

const handOverMessages: Messages<HandOverTarget> = {
	police: m.labour_hand_over_police,
	prosecutor: m.labour_hand_over_prosecutor
};
export const handOverTargetLabel = (code: string): string => labelFrom(handOverMessages, code);

const decisionMessages: Messages<DecisionKind> = {
	fine: m.labour_decision_fine,
	misdemeanour_request: m.labour_decision_misdemeanour_request,
	suspension: m.labour_decision_suspension,
	closure: m.labour_decision_closure
};
export const decisionKindLabel = (code: string): string => labelFrom(decisionMessages, code);

const appealMessages: Messages<AppealState> = {
	none: m.labour_appeal_none,
	filed: m.labour_appeal_filed,
	upheld: m.labour_appeal_upheld,
	overturned: m.labour_appeal_overturned,
	partly_upheld: m.labour_appeal_partly_upheld
};
export const appealLabel = (code: string): string => labelFrom(appealMessages, code);

/** A kind's title in the reader's language; a kind the device does not hold shows as unknown. */
export function violationKindTitle(
	kind: Pick<ViolationKindRecord, 'titleSq' | 'titleSr' | 'titleEn'> | undefined
): string {
	if (!kind) return m.labour_violation_kind_unknown();
	const locale = getLocale();
	return locale === 'sq' ? kind.titleSq : locale === 'sr' ? kind.titleSr : kind.titleEn;
}
