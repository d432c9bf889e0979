/**
 * A screened person is recorded as the answers to the template's person part; the profile columns
 * the national reports count by (sex, age band, nationality…) are read from those answers, so the
 * inspector answers each question once and the tables can never disagree with the answers.
 */
import type { Answer, Answers } from '../checklist/template.ts';
import { ageBands, type AgeBand } from '../screening/screen.ts';
import type { ScreenedPersonData } from './fieldRecords.ts';
import { normaliseNationality } from './nationality.ts';

/** The default template's profile item ids, one per column. */
export const profileItemIds = {
	sex: 'sex',
	ageBand: 'age_band',
	nationality: 'nationality',
	nationalityOther: 'nationality_other',
	education: 'education',
	roleAtVenue: 'role',
	recruitment: 'recruitment',
	exploitationForm: 'exploitation_form',
	language: 'language'
} as const;

const words = (answer: Answer | undefined, max: number): string | null =>
	typeof answer === 'string' && answer.trim() !== '' ? answer.trim().slice(0, max) : null;

// "Not stated" on the form is the record's "unknown": the report tables have no other bucket.
function sexOf(answer: Answer | undefined): ScreenedPersonData['sex'] {
	return answer === 'female' || answer === 'male' ? answer : 'unknown';
}

function ageBandOf(answer: Answer | undefined): AgeBand {
	return ageBands.find((band) => band === answer) ?? 'unknown';
}

/**
 * The nationality column: the code a `country` item holds; from a template of before the codes, the
 * chosen country or the "other" text read as a code (nationality.ts), or as written when it cannot
 * be read, so that nothing the inspector wrote is lost and an admin can map it later.
 */
export function nationalityOf(answers: Answers): string {
	const chosen = answers[profileItemIds.nationality];
	const written = chosen === 'other' ? (answers[profileItemIds.nationalityOther] ?? chosen) : chosen;
	const raw = words(written, 80);
	return raw === null ? '' : (normaliseNationality(raw) ?? raw);
}

/** The full record to store and send: the profile columns derived from the answers, and the answers. */
export function screenedPersonData(inspectionId: string, answers: Answers): ScreenedPersonData {
	const ids = profileItemIds;
	return {
		inspectionId,
		sex: sexOf(answers[ids.sex]),
		ageBand: ageBandOf(answers[ids.ageBand]),
		nationality: nationalityOf(answers),
		education: words(answers[ids.education], 80),
		roleAtVenue: words(answers[ids.roleAtVenue], 200),
		recruitment: words(answers[ids.recruitment], 80),
		exploitationForm: words(answers[ids.exploitationForm], 80),
		language: words(answers[ids.language], 80),
		answers
	};
}
