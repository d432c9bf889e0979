/**
 * A recorded part of an inspection read back with its template's words: each answered item with
 * its label and the answer as the inspector saw it (option labels, not option ids). Read-only
 * screens use it; answers the template no longer names are kept and shown by their ids, never
 * dropped, because the record is evidence.
 */
import { text, type Text } from '../text.ts';
import type { ChecklistTemplate, TemplateScope } from './template.ts';

// A country is kept as its code: the reader's screen names it in the reader's language.
export type AnswerValue =
	| { kind: 'text'; text: string }
	| { kind: 'number'; value: number }
	| { kind: 'choices'; labels: Text[] }
	| { kind: 'country'; code: string };

export type AnswerLine = { itemId: string; label: Text; value: AnswerValue };
export type AnswerSection = { id: string; title: Text; lines: AnswerLine[] };

const yesNoNames: Record<string, Text> = {
	yes: text('Yes', 'Po', 'Da'),
	no: text('No', 'Jo', 'Ne'),
	notObserved: text('Not observed', 'Nuk u vërejt', 'Nije uočeno')
};

const asIs = (value: string): Text => text(value, value, value);

function valueOf(answer: unknown, options: { id: string; label: Text }[] | undefined, yesNo: boolean): AnswerValue {
	if (typeof answer === 'number') return { kind: 'number', value: answer };
	const ids = Array.isArray(answer) ? answer.map(String) : null;
	if (ids) return { kind: 'choices', labels: ids.map((id) => options?.find((o) => o.id === id)?.label ?? asIs(id)) };
	const single = String(answer);
	const named = yesNo ? yesNoNames[single] : options?.find((o) => o.id === single)?.label;
	return named ? { kind: 'choices', labels: [named] } : { kind: 'text', text: single };
}

const answered = (answer: unknown) =>
	answer !== undefined && answer !== null && answer !== '' && !(Array.isArray(answer) && answer.length === 0);

export function answerSections(
	template: ChecklistTemplate | null,
	scope: TemplateScope,
	answers: Readonly<Record<string, unknown>>
): AnswerSection[] {
	const named = new Set<string>();
	const sections: AnswerSection[] = [];
	for (const section of template?.sections.filter((s) => s.scope === scope) ?? []) {
		const lines = section.items
			.filter((item) => answered(answers[item.id]))
			.map((item) => {
				named.add(item.id);
				return {
					itemId: item.id,
					label: item.label,
					value:
						item.kind === 'country'
							? { kind: 'country' as const, code: String(answers[item.id]) }
							: valueOf(answers[item.id], item.options, item.kind === 'yesNo')
				};
			});
		if (lines.length) sections.push({ id: section.id, title: section.title, lines });
	}
	const unnamed = Object.entries(answers)
		.filter(([id, answer]) => !named.has(id) && answered(answer))
		.map(([id, answer]) => ({ itemId: id, label: asIs(id), value: valueOf(answer, undefined, false) }));
	if (unnamed.length) {
		sections.push({
			id: 'unnamed',
			title: text('Answers not in the template', 'Përgjigje jashtë shabllonit', 'Odgovori van šablona'),
			lines: unnamed
		});
	}
	return sections;
}
