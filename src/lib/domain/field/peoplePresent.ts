/**
 * The people present at a visit are counted once, in the venue checklist; the record's
 * `peoplePresent` (what the coverage figures read) is derived from those counts, on the device and
 * again on the server, so the two can never disagree. Templates without the counts keep the
 * figures the team enters on the outcome form.
 */
import type { Answers } from '../checklist/template.ts';
import type { PeoplePresent } from '../records/fieldRecords.ts';

export const peopleCountItems = { women: 'women_present', men: 'men_present', minors: 'minors_present' } as const;

const count = (answer: unknown): number => (typeof answer === 'number' && answer > 0 ? Math.round(answer) : 0);

/** Null when the answers hold none of the counts (a template without them, or none answered yet). */
export function peoplePresentFromAnswers(answers: Answers): PeoplePresent | null {
	const ids = Object.values(peopleCountItems);
	if (!ids.some((id) => typeof answers[id] === 'number')) return null;
	return {
		women: count(answers[peopleCountItems.women]),
		men: count(answers[peopleCountItems.men]),
		minorsPresent: count(answers[peopleCountItems.minors]) > 0
	};
}

/** Minors counted at the venue: they start the child-protection prompt (records/minors.ts). */
export function minorsCounted(answers: Answers): number {
	return count(answers[peopleCountItems.minors]);
}
