/** Planners and admins edit plans; supervisors read them; inspectors read their own through sync. */
import type { SessionUser } from '../../domain/auth.ts';
import { NotAllowedError } from '../errors.ts';

export function editsPlans(user: SessionUser): boolean {
	return user.role === 'planner' || user.role === 'admin';
}

export function requirePlanner(user: SessionUser): void {
	if (!editsPlans(user)) throw new NotAllowedError('role', 'only planners and admins change plans');
}
