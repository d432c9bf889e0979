/**
 * An inspection's outcome. The words are the ones the inspector chooses on the outcome form, so the
 * map, the coverage tables and the supervisor's record say what was recorded.
 */
import { m } from '$lib/paraglide/messages.js';
import { inspectionOutcomes } from '$lib/domain/records/codes.ts';
import { labelFrom, type Messages } from './label.ts';

const outcomeMessages: Messages<(typeof inspectionOutcomes)[number]> = {
	no_findings: m.outcome_no_findings,
	labour_violations: m.outcome_labour_violations,
	trafficking_indicators_referred: m.outcome_trafficking_indicators_referred,
	premises_closed: m.outcome_premises_closed,
	could_not_inspect: m.outcome_could_not_inspect
};

export function outcomeLabel(outcome: string): string {
	return labelFrom(outcomeMessages, outcome);
}
