/** Where an inspection record stands: still a draft on the device, or submitted and locked. */
import { m } from '$lib/paraglide/messages.js';

export function inspectionStatusLabel(status: string): string {
	return status === 'submitted' ? m.field_status_submitted() : m.field_status_draft();
}
