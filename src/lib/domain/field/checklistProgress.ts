/** How far the venue checklist is: the required items shown, how many are answered, which are not. */
import { visibleItems, type Answers, type ChecklistItem, type ChecklistTemplate } from '../checklist/template.ts';

export type MissingItem = { sectionId: string; item: ChecklistItem };
export type ChecklistProgress = { answered: number; required: number; missing: MissingItem[] };

export function isAnswered(answer: unknown): boolean {
	return !(
		answer === undefined ||
		answer === null ||
		(typeof answer === 'string' && answer.trim() === '') ||
		(Array.isArray(answer) && answer.length === 0)
	);
}

export function venueProgress(template: ChecklistTemplate, answers: Answers): ChecklistProgress {
	let required = 0;
	const missing: MissingItem[] = [];
	for (const section of template.sections.filter((s) => s.scope === 'venue')) {
		for (const item of visibleItems(section, answers)) {
			if (!item.required) continue;
			required++;
			if (!isAnswered(answers[item.id])) missing.push({ sectionId: section.id, item });
		}
	}
	return { answered: required - missing.length, required, missing };
}
