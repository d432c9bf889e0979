/** Shorthands for writing the default template as data. */
import type { Text } from '../../text.ts';
import type { ChecklistItem } from '../template.ts';

type Extra = Omit<Partial<ChecklistItem>, 'id' | 'kind' | 'label'>;

export function yesNo(id: string, label: Text, extra: Extra = {}): ChecklistItem {
	return { id, kind: 'yesNo', label, ...extra };
}

/** A question asked of the person in private; "yes" counts towards an adult labour indicator. */
export function ask(id: string, indicatorKey: string, label: Text): ChecklistItem {
	return { id, kind: 'yesNo', label, indicator: `adult_labour.${indicatorKey}` };
}
