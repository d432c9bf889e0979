/** The police outcome: criminal offences and kinds of evidence. */
import { m } from '$lib/paraglide/messages.js';
import type { CriminalOffence, EvidenceKind } from '$lib/domain/records/codes.ts';
import { labelFrom, type Messages } from './label.ts';

const offenceMessages: Messages<CriminalOffence> = {
	trafficking_in_persons: m.police_offence_trafficking_in_persons,
	facilitating_prostitution: m.police_offence_facilitating_prostitution,
	using_victim_sexual_services: m.police_offence_using_victim_sexual_services,
	slavery: m.police_offence_slavery,
	other: m.police_offence_other
};

export function offenceLabel(offence: string): string {
	return labelFrom(offenceMessages, offence);
}

const evidenceKindMessages: Messages<EvidenceKind> = {
	identity_document: m.police_evidence_identity_document,
	passport: m.police_evidence_passport,
	cash: m.police_evidence_cash,
	ledger: m.police_evidence_ledger,
	phone: m.police_evidence_phone,
	other: m.police_evidence_other
};

export function evidenceKindLabel(kind: string): string {
	return labelFrom(evidenceKindMessages, kind);
}
