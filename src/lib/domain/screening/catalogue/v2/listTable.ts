/** One of catalogue version 2's lists written as a table: concept, strength and what it rests on. */
import type { ConceptKey, EvidenceBasis, Strength } from '../../indicators.ts';

export type ListRow = { concept: ConceptKey; strength: Strength; basis: EvidenceBasis };

export function listTable(rows: readonly (readonly [ConceptKey, Strength, EvidenceBasis])[]): ListRow[] {
	return rows.map(([concept, strength, basis]) => ({ concept, strength, basis }));
}
