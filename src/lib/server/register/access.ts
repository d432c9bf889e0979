/**
 * Who may change a venue on the register. Planners and admins keep the register; an inspector may
 * only touch an unverified venue they proposed themselves (the same rule sync push applies), so a
 * verified venue is beyond any inspector's reach; supervisors read only.
 */
import type { SessionUser } from '../../domain/auth.ts';
import { NotAllowedError } from '../errors.ts';

export function keepsRegister(user: SessionUser): boolean {
	return user.role === 'planner' || user.role === 'admin';
}

export function mayEditVenue(user: SessionUser, venue: { status: string; createdBy: string | null }): boolean {
	if (keepsRegister(user)) return true;
	return user.role === 'inspector' && venue.status === 'unverified' && venue.createdBy === user.id;
}

export function requireRegisterKeeper(user: SessionUser): void {
	if (!keepsRegister(user)) throw new NotAllowedError('role', 'only planners and admins keep the register');
}
