/** Translated names for an inspection's outcome and status. */
import { m } from '$lib/paraglide/messages.js';

const outcomeLabels: Record<string, () => string> = {
	no_findings: m.field_outcome_no_findings,
	labour_violations: m.field_outcome_labour_violations,
	trafficking_indicators_referred: m.field_outcome_trafficking_referred,
	premises_closed: m.field_outcome_premises_closed,
	could_not_inspect: m.field_outcome_could_not_inspect
};

export function outcomeLabel(outcome: string): string {
	return outcomeLabels[outcome]?.() ?? outcome;
}

export function inspectionStatusLabel(status: string): string {
	return status === 'submitted' ? m.field_status_submitted() : m.field_status_draft();
}
