/**
 * The screening of one person from the answers to the person questions: the one function the
 * device (personScreening.ts), the server's check of a pushed person (server/sync/fieldRules.ts)
 * and the demo data use, so that they never disagree on a result.
 */
import { indicatorIdsFromAnswers, type Answers, type ChecklistTemplate } from '../checklist/template.ts';
import { isMinorAgeBand, screenPerson, type AgeBand, type Screening } from './screen.ts';

export type AnswersScreening = Screening & { isMinor: boolean };

export function screenAnswers(template: ChecklistTemplate, answers: Answers, ageBand: AgeBand): AnswersScreening {
	// A child needs no means of coercion for the combination (screen.ts).
	const isMinor = isMinorAgeBand(ageBand);
	const screening = screenPerson({ indicatorIds: indicatorIdsFromAnswers(template, answers), isChild: isMinor });
	return { ...screening, isMinor };
}
