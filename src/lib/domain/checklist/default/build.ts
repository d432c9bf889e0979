/** Shorthands for writing the default template as data. */
import type { Text } from '../../text.ts';
import type { ChecklistItem } from '../template.ts';

type Extra = Omit<Partial<ChecklistItem>, 'id' | 'kind' | 'label'>;

export function yesNo(id: string, label: Text, extra: Extra = {}): ChecklistItem {
	return { id, kind: 'yesNo', label, ...extra };
}

type Observation = { item: string; equals?: 'yes' | 'no' };
type AskExtra = { more?: boolean; observedFrom?: Observation[]; help?: Text };

/**
 * A question asked of the person in private; its answer counts towards an indicator concept of
 * catalogue version 2 in every list that holds it. Core questions come first; `more` ones are
 * asked when there is time. `observedFrom` names the venue observations that propose it.
 */
export function ask(id: string, concept: string, label: Text, extra: AskExtra = {}): ChecklistItem {
	return { id, kind: 'indicator', label, indicator: concept, ...extra };
}

/** Venue observations that also point to a person's indicator (proposed as "observed by the team"). */
export const seen = (item: string, equals: 'yes' | 'no' = 'yes'): Observation => ({ item, equals });

/** A venue count above nought proposes the indicator (minors present: hazardous work for a child). */
export const counted = (item: string): Observation => ({ item });
