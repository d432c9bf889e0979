/** An operation moves planned → active → done, and can be cancelled before it is done. */
import type { OperationStatus } from '../records/codes.ts';

export type { OperationStatus };

const next: Record<OperationStatus, readonly OperationStatus[]> = {
	planned: ['active', 'cancelled'],
	active: ['done', 'cancelled'],
	done: [],
	cancelled: []
};

export function allowedTransitions(from: OperationStatus): readonly OperationStatus[] {
	return next[from];
}

export function mayTransition(from: OperationStatus, to: OperationStatus): boolean {
	return next[from].includes(to);
}

/** Teams and assignments can still change while an operation is planned or under way. */
export function isEditable(status: OperationStatus): boolean {
	return status === 'planned' || status === 'active';
}
