/** The planning codes: where an operation and an assignment stand, and why a venue is suggested. */
import { m } from '$lib/paraglide/messages.js';
import { assignmentStatuses } from '$lib/domain/records/codes.ts';
import type { OperationStatus } from '$lib/domain/planning/operationStatus.ts';
import type { RankReason } from '$lib/domain/planning/ranking.ts';
import { formatDay, formatNumber } from '$lib/components/format.ts';
import { labelFrom, type Messages } from './label.ts';
import { locationKindLabel } from './venue.ts';

const assignmentStatusMessages: Messages<(typeof assignmentStatuses)[number]> = {
	pending: m.assignment_status_pending,
	in_progress: m.assignment_status_in_progress,
	done: m.assignment_status_done,
	not_accessible: m.assignment_status_not_accessible,
	cancelled: m.assignment_status_cancelled
};

export function assignmentStatusLabel(status: string): string {
	return labelFrom(assignmentStatusMessages, status);
}

const operationStatusMessages: Messages<OperationStatus> = {
	planned: m.operation_status_planned,
	active: m.operation_status_active,
	done: m.operation_status_done,
	cancelled: m.operation_status_cancelled
};

export function operationStatusLabel(status: string): string {
	return labelFrom(operationStatusMessages, status);
}

/** A ranking reason in the reader's language. */
export function rankReasonLabel(reason: RankReason): string {
	switch (reason.code) {
		case 'never_inspected':
			return m.plan_reason_never_inspected();
		case 'overdue':
			return m.plan_reason_overdue({ days: formatNumber(reason.days) });
		case 'findings':
			return m.plan_reason_findings({ count: formatNumber(reason.count) });
		case 'possible_victims':
			return m.plan_reason_possible_victims({ count: formatNumber(reason.count) });
		case 'near_children':
			return m.plan_reason_near_children({ metres: formatNumber(reason.metres) });
		case 'kind':
			return locationKindLabel(reason.kind);
		case 'follow_up_due':
			return m.plan_reason_follow_up_due({ day: formatDay(reason.dueOn) });
	}
}
