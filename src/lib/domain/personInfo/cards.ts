/**
 * The yes/no question cards a person reads and answers on the phone themselves. Each card stands
 * for one person-indicator item of the default checklist template, by its item id; the card's text
 * is the item's question put to the person directly, in their language (seed/).
 */
import type { Answer } from '../checklist/template.ts';

/** In the order they are shown: how the person came, then the work, then what keeps them here. */
export const questionCardItemIds = [
	'deceived_about_job',
	'deceived_about_wages',
	'deceived_about_conditions',
	'deceived_about_papers',
	'hurt_to_bring_here',
	'threatened_to_bring_here',
	'taken_or_sold',
	'debt_to_come_here',
	'excessive_hours',
	'low_or_no_pay',
	'bad_living_conditions',
	'documents_kept_by_others',
	'debt_keeps_here',
	'confined_or_watched',
	'hurt_here',
	'threatened_here',
	'forced_tasks_or_clients',
	'wages_withheld',
	'threatened_with_reporting',
	'family_threatened',
	'afraid_of_authorities'
] as const;
export type QuestionCardItemId = (typeof questionCardItemIds)[number];

/** What the person can tap: there is no "maybe"; "I don't know" is the person's own uncertain answer. */
export const cardChoices = ['yes', 'no', 'unclear'] as const;
export type CardChoice = (typeof cardChoices)[number];

/**
 * The indicator answer a card's choice is stored as. The one place that knows the template's answer
 * values: an indicator item answers yes | no | unclear | observed | dismissed, and "unclear" is kept
 * apart from "not asked" (docs/DOMAIN.md, "Screening"), so it is never counted as a "maybe".
 */
export function cardAnswerValue(choice: CardChoice): Answer {
	switch (choice) {
		case 'yes':
			return 'yes';
		case 'no':
			return 'no';
		case 'unclear':
			return 'unclear';
	}
}
