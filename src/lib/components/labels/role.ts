/** A user's role, as the account screens and the shell name it. */
import { m } from '$lib/paraglide/messages.js';
import type { Role } from '$lib/domain/auth.ts';
import { labelFrom, type Messages } from './label.ts';

const roleMessages: Messages<Role> = {
	inspector: m.role_inspector,
	planner: m.role_planner,
	supervisor: m.role_supervisor,
	admin: m.role_admin,
	victim_services: m.role_victim_services
};

export function roleLabel(role: string): string {
	return labelFrom(roleMessages, role);
}
