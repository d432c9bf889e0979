/** The purpose an export is made for (domain/privacy/purposes.ts), in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import type { ExportPurpose } from '$lib/domain/privacy/purposes.ts';
import { labelFrom, type Messages } from './label.ts';

const purposeMessages: Messages<ExportPurpose> = {
	statistics: m.export_purpose_statistics,
	victim_assistance: m.export_purpose_victim_assistance,
	criminal_investigation: m.export_purpose_criminal_investigation,
	data_subject_request: m.export_purpose_data_subject_request,
	labour_enforcement: m.export_purpose_labour_enforcement
};

export function purposeLabel(purpose: string): string {
	return labelFrom(purposeMessages, purpose);
}
