/** An agency's code (a user's, a team member's) in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import type { AgencyCode } from '$lib/domain/auth.ts';
import { labelFrom, type Messages } from './label.ts';

const agencyMessages: Messages<AgencyCode> = { police: m.agency_police, labour: m.agency_labour };

export function agencyLabel(code: string): string {
	return labelFrom(agencyMessages, code);
}
