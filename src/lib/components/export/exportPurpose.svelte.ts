/**
 * The purpose the reader chose for the exports of the screen they are on: asked once per screen
 * (PurposeSelect), read by every download link on it. Empty until chosen: a link without a purpose
 * is shown disabled rather than sent to be refused (the server requires it: privacy/purposes.ts).
 */
import { exportPurposes, type ExportPurpose } from '$lib/domain/privacy/purposes.ts';

export const exportPurpose = $state<{ value: ExportPurpose | '' }>({ value: '' });

/** The link with the purpose added, or null while none is chosen. */
export function withPurpose(href: string, purpose: string = exportPurpose.value): string | null {
	if (!(exportPurposes as readonly string[]).includes(purpose)) return null;
	return `${href}${href.includes('?') ? '&' : '?'}purpose=${purpose}`;
}
