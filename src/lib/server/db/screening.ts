/**
 * The screening result the figures single out (coverage, planning suggestions, the venue history,
 * the demo data), named once on the server. The codes are domain/records/codes.ts `screeningResults`.
 */
import { sql } from 'drizzle-orm';
import type { ScreeningResult } from '../../domain/records/codes.ts';

export const POSSIBLE_VICTIM = 'possible_victim' satisfies ScreeningResult;

/**
 * The same code as an SQL literal for hand-written queries (`sp.result = ${possibleVictimSql}`).
 * Inlined rather than bound as a parameter, so that the SQL stays as it was and the planner can
 * match it against the partial index `screened_persons_possible_victim_idx` (schema.ts).
 */
export const possibleVictimSql = sql.raw(`'${POSSIBLE_VICTIM}'`);
