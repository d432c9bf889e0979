/**
 * A checklist as one agency may see it: the items of owners the reader may not read are taken out of
 * the template and their answers out of the records, before either leaves the server (the pull, the
 * pages, the exports). What depends on a removed item goes with it — an item shown only by its
 * answer, an observation proposed from it — so the template a device receives is still valid.
 */
import type { Answer, ChecklistItem, ChecklistOwner, ChecklistSection, ChecklistTemplate } from './template.ts';

export function ownerOf(section: Pick<ChecklistSection, 'owner'>, item: Pick<ChecklistItem, 'owner'>): ChecklistOwner {
	return item.owner ?? section.owner ?? 'joint';
}

type MayRead = (owner: ChecklistOwner) => boolean;

// Published templates never change: each template's hidden ids are worked out once per reader kind.
const hiddenCache = new WeakMap<ChecklistTemplate, Map<string, Set<string>>>();

/** The ids of the items a reader may not see: not theirs to read, or shown only by one of those. */
export function hiddenItemIds(template: ChecklistTemplate, mayRead: MayRead): Set<string> {
	const key = (['joint', 'labour', 'police'] as const).map((owner) => (mayRead(owner) ? '1' : '0')).join('');
	let byReader = hiddenCache.get(template);
	if (!byReader) hiddenCache.set(template, (byReader = new Map()));
	let hidden = byReader.get(key);
	if (!hidden) {
		hidden = new Set<string>();
		for (const section of template.sections)
			for (const item of section.items) {
				// showIf points backwards (template.ts), so its target is decided already.
				if (!mayRead(ownerOf(section, item)) || (item.showIf && hidden.has(item.showIf.item))) hidden.add(item.id);
			}
		byReader.set(key, hidden);
	}
	return hidden;
}

/** The template without the hidden items (and sections left empty). Unchanged when nothing is hidden. */
export function templateFor(template: ChecklistTemplate, mayRead: MayRead): ChecklistTemplate {
	const hidden = hiddenItemIds(template, mayRead);
	if (hidden.size === 0) return template;
	const sections = template.sections
		.map((section) => ({ ...section, items: section.items.filter((item) => !hidden.has(item.id)).map(withoutHidden) }))
		.filter((section) => section.items.length > 0);
	return { ...template, sections };

	function withoutHidden(item: ChecklistItem): ChecklistItem {
		if (!item.observedFrom?.some((source) => hidden.has(source.item))) return item;
		const observedFrom = item.observedFrom.filter((source) => !hidden.has(source.item));
		const { observedFrom: _dropped, ...rest } = item;
		return observedFrom.length ? { ...rest, observedFrom } : rest;
	}
}

/** The answers without those to hidden items. */
export function answersFor<A extends Readonly<Record<string, unknown>>>(answers: A, hidden: ReadonlySet<string>): A {
	if (hidden.size === 0 || !Object.keys(answers).some((id) => hidden.has(id))) return answers;
	return Object.fromEntries(Object.entries(answers).filter(([id]) => !hidden.has(id))) as A;
}

/** The stored answers a writer never received: kept as stored whatever the writer's device sends. */
export function withheldAnswers(
	stored: Readonly<Record<string, unknown>>,
	hidden: ReadonlySet<string>
): Record<string, Answer> {
	return Object.fromEntries(Object.entries(stored).filter(([id]) => hidden.has(id))) as Record<string, Answer>;
}
