/** A ranking reason in the reader's language. */
import { m } from '$lib/paraglide/messages.js';
import { formatNumber, locationKindLabel } from '$lib/components/labels.ts';
import type { RankReason } from '$lib/domain/planning/ranking.ts';

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
	}
}
