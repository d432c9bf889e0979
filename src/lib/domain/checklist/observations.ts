/**
 * What the team observed at the venue that is also an indicator for a person (documents held by
 * the manager, exits locked, minors present…): proposed on each person's screening as "observed by
 * the team" until the inspector confirms it for that person ("observed") or removes it
 * ("dismissed"). A proposal is never counted: only a confirmed answer is.
 */
import type { Answers, ChecklistItem, ChecklistTemplate } from './template.ts';

function observed(answers: Answers, source: NonNullable<ChecklistItem['observedFrom']>[number]): boolean {
	const answer = answers[source.item];
	return source.equals === undefined ? typeof answer === 'number' && answer > 0 : answer === source.equals;
}

/** The person items the venue's answers propose, and which venue items propose each. */
export function proposedObservations(template: ChecklistTemplate, venueAnswers: Answers): Map<string, string[]> {
	const proposed = new Map<string, string[]>();
	for (const item of template.sections.filter((s) => s.scope === 'person').flatMap((s) => s.items)) {
		const sources = (item.observedFrom ?? []).filter((source) => observed(venueAnswers, source));
		if (sources.length)
			proposed.set(
				item.id,
				sources.map((source) => source.item)
			);
	}
	return proposed;
}

/** Proposals still waiting for the inspector on one person: neither confirmed, removed nor answered. */
export function openProposals(proposed: ReadonlyMap<string, string[]>, personAnswers: Answers): string[] {
	return [...proposed.keys()].filter((itemId) => personAnswers[itemId] === undefined);
}
