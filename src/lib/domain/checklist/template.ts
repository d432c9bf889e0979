/**
 * The checklist template model: versioned JSON, immutable once published. One schema serves the
 * template editor, the Dexie record, the sync wire format and the server's validation.
 */
import { z } from 'zod';
import { textSchema } from '../text.ts';
import type { IndicatorId } from '../screening/indicators.ts';
import { indicatorById } from '../screening/catalogue/index.ts';
import { conceptByKey } from '../screening/catalogue/v2/index.ts';
import { nationalityAnswers } from '../records/nationalityCodes.ts';

export const templateScopes = ['venue', 'person'] as const;
export type TemplateScope = (typeof templateScopes)[number];

// `country`: an ISO 3166-1 alpha-2 code (XK for Kosovo) or `unknown`, from a searchable list
// (domain/records/nationalityCodes.ts); the national tables count nationality by these codes.
/**
 * Which agency's part of the joint visit a section or item is (domain/checklist/ownership.ts): the
 * labour inspectorate's administrative inspection, the police's observations about a crime, or both.
 * Who may read and write each is in domain/accessPolicy.ts. Unstated is joint.
 */
export const checklistOwners = ['labour', 'police', 'joint'] as const;
export type ChecklistOwner = (typeof checklistOwners)[number];

export const itemKinds = ['yesNo', 'indicator', 'number', 'text', 'choice', 'multiChoice', 'country'] as const;
export type ItemKind = (typeof itemKinds)[number];

// "notObserved" keeps "we could not see it" apart from "no", which the team asserts.
export const yesNoAnswers = ['yes', 'no', 'notObserved'] as const;
export type YesNoAnswer = (typeof yesNoAnswers)[number];

/**
 * An indicator question (catalogue version 2) keeps where its answer came from: "yes" and "no"
 * are what the person said, "unclear" the person's own uncertain answer, "observed" the team's
 * observation confirmed for this person, "dismissed" a proposed observation the inspector removed
 * for this person. Not asked is no answer at all, and never counts as "maybe".
 */
export const indicatorAnswers = ['yes', 'no', 'unclear', 'observed', 'dismissed'] as const;
export type IndicatorAnswer = (typeof indicatorAnswers)[number];

/** The answers that make an item's indicator present. */
export function indicatesPresence(answer: unknown): boolean {
	return answer === 'yes' || answer === 'observed';
}

// Ids are the keys of stored answers and the unit of the per-item merge in sync: plain and stable.
const keySchema = z
	.string()
	.max(80)
	.regex(/^[a-z0-9][a-z0-9_]*$/, 'ids use lower-case letters, digits and _');

const optionSchema = z.object({
	id: keySchema,
	label: textSchema,
	indicator: z.string().optional()
});

const showIfSchema = z.object({ item: keySchema, equals: z.union([z.string(), z.number()]) });
const observationSchema = z.object({ item: keySchema, equals: z.enum(yesNoAnswers).optional() });

const choiceKinds: readonly ItemKind[] = ['choice', 'multiChoice'];

export const itemSchema = z
	.object({
		id: keySchema,
		kind: z.enum(itemKinds),
		label: textSchema,
		help: textSchema.optional(),
		required: z.boolean().optional(),
		options: z.array(optionSchema).min(1).optional(),
		showIf: showIfSchema.optional(),
		indicator: z.string().optional(),
		// Asked under "more": the core questions come first, short enough for a night interview.
		more: z.boolean().optional(),
		// Venue answers that propose this indicator as observed by the team (kind indicator only):
		// a yes/no item with the answer named, or a count above nought (observations.ts).
		observedFrom: z.array(observationSchema).min(1).optional(),
		// Overrides its section's owner.
		owner: z.enum(checklistOwners).optional()
	})
	.superRefine((item, ctx) => {
		const takesOptions = choiceKinds.includes(item.kind);
		if (takesOptions && !item.options) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: `${item.kind} needs options` });
		}
		if (!takesOptions && item.options) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: `${item.kind} takes no options` });
		}
		// An item's indicator counts when it is answered "yes" (or "observed").
		if (item.indicator !== undefined && item.kind !== 'yesNo' && item.kind !== 'indicator') {
			ctx.addIssue({
				code: 'custom',
				path: ['indicator'],
				message: 'only yesNo and indicator items carry an indicator'
			});
		}
		if (item.kind === 'indicator' && item.indicator === undefined) {
			ctx.addIssue({ code: 'custom', path: ['indicator'], message: 'an indicator item needs its indicator' });
		}
		if (item.observedFrom && item.kind !== 'indicator') {
			ctx.addIssue({
				code: 'custom',
				path: ['observedFrom'],
				message: 'only indicator items are proposed from observations'
			});
		}
		const optionIds = new Set<string>();
		item.options?.forEach((option, i) => {
			if (optionIds.has(option.id)) {
				ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `duplicate option ${option.id}` });
			}
			optionIds.add(option.id);
		});
	});
export type ChecklistItem = z.infer<typeof itemSchema>;

/** Catalogue version 1 names list-qualified indicators; version 2 names concepts every list shares. */
export const catalogueVersions = [1, 2] as const;
export type CatalogueVersion = (typeof catalogueVersions)[number];

function knownIndicator(version: CatalogueVersion, id: IndicatorId): boolean {
	return version === 1 ? indicatorById(id) !== undefined : conceptByKey(id) !== undefined;
}

export const sectionSchema = z.object({
	id: keySchema,
	scope: z.enum(templateScopes),
	title: textSchema,
	owner: z.enum(checklistOwners).optional(),
	items: z.array(itemSchema).min(1)
});
export type ChecklistSection = z.infer<typeof sectionSchema>;

export const templateSchema = z
	.object({
		id: z.uuid(),
		version: z.int().min(1),
		// Which indicator catalogue the items point to; templates published before version 2 have none.
		catalogueVersion: z.literal(catalogueVersions).optional(),
		title: textSchema,
		sections: z.array(sectionSchema).min(1)
	})
	.superRefine((template, ctx) => {
		const catalogue = catalogueOf(template);
		const sectionIds = new Set<string>();
		const earlier = new Map<string, { item: ChecklistItem; scope: TemplateScope }>();
		template.sections.forEach((section, s) => {
			if (sectionIds.has(section.id)) {
				ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `duplicate section ${section.id}` });
			}
			sectionIds.add(section.id);
			section.items.forEach((item, i) => {
				const path = ['sections', s, 'items', i];
				if (earlier.has(item.id)) {
					ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate item ${item.id}` });
				}
				if (item.showIf) {
					const problem = showIfProblem(item.showIf, section.scope, earlier);
					if (problem) ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message: problem });
				}
				if (item.kind === 'indicator' && catalogue === 1) {
					ctx.addIssue({ code: 'custom', path: [...path, 'kind'], message: 'indicator items need catalogueVersion 2' });
				}
				const indicators = [
					{ id: item.indicator, at: [...path, 'indicator'] },
					...(item.options ?? []).map((option, o) => ({
						id: option.indicator,
						at: [...path, 'options', o, 'indicator']
					}))
				];
				for (const { id, at } of indicators) {
					if (id !== undefined && !knownIndicator(catalogue, id)) {
						ctx.addIssue({ code: 'custom', path: at, message: `unknown indicator ${id} in catalogue v${catalogue}` });
					}
				}
				item.observedFrom?.forEach((source, o) => {
					const target = earlier.get(source.item);
					const fits =
						target?.scope === 'venue' &&
						((target.item.kind === 'yesNo' && source.equals !== undefined) ||
							(target.item.kind === 'number' && source.equals === undefined));
					if (!fits) {
						ctx.addIssue({
							code: 'custom',
							path: [...path, 'observedFrom', o],
							message: `observedFrom must name an earlier venue yes/no item with an answer, or a venue count, not ${source.item}`
						});
					}
				});
				earlier.set(item.id, { item, scope: section.scope });
			});
		});
	});
export type ChecklistTemplate = z.infer<typeof templateSchema>;

export function catalogueOf(template: Pick<ChecklistTemplate, 'catalogueVersion'>): CatalogueVersion {
	return template.catalogueVersion ?? 1;
}

// Venue and person answers are stored apart, so a condition on the other part could never be met;
// pointing only backwards keeps the form fillable top to bottom and rules out cycles.
function showIfProblem(
	showIf: NonNullable<ChecklistItem['showIf']>,
	scope: TemplateScope,
	earlier: Map<string, { item: ChecklistItem; scope: TemplateScope }>
): string | undefined {
	const target = earlier.get(showIf.item);
	if (!target) return `showIf must refer to an earlier item, not ${showIf.item}`;
	if (target.scope !== scope) return `showIf must refer to an item of the ${scope} part`;
	if (!answerSchemaFor(target.item).safeParse(asAnswerOf(target.item, showIf.equals)).success) {
		return `${String(showIf.equals)} is not an answer of ${showIf.item}`;
	}
	return undefined;
}

function asAnswerOf(item: ChecklistItem, value: string | number): Answer {
	return item.kind === 'multiChoice' ? [String(value)] : value;
}

export type Answer = string | number | string[];
export type Answers = Record<string, Answer>;
export const answersSchema = z.record(keySchema, z.union([z.string(), z.number(), z.array(z.string())]));

// Items of a published template never change: each item's schema is built once (building zod
// schemas, not running them, was most of the cost of checking a pushed record's answers).
const answerSchemas = new WeakMap<ChecklistItem, z.ZodType<Answer>>();

export function answerSchemaFor(item: ChecklistItem): z.ZodType<Answer> {
	let schema = answerSchemas.get(item);
	if (!schema) {
		schema = buildAnswerSchema(item);
		answerSchemas.set(item, schema);
	}
	return schema;
}

function buildAnswerSchema(item: ChecklistItem): z.ZodType<Answer> {
	const optionIds = (item.options ?? []).map((option) => option.id);
	switch (item.kind) {
		case 'yesNo':
			return z.enum(yesNoAnswers);
		case 'indicator':
			return z.enum(indicatorAnswers);
		case 'number':
			// Counts of people and amounts of money: never negative.
			return z.number().min(0);
		case 'text':
			return z.string().trim().min(1).max(4000);
		case 'choice':
			return z.enum(optionIds);
		case 'multiChoice':
			return z.array(z.enum(optionIds)).refine((ids) => new Set(ids).size === ids.length, 'an option is chosen twice');
		case 'country':
			return z.enum(nationalityAnswers, 'an ISO 3166-1 alpha-2 country code (XK for Kosovo) or unknown');
	}
}

type AnswersInput = Readonly<Record<string, unknown>>;

function matches(answer: unknown, equals: string | number): boolean {
	return Array.isArray(answer) ? answer.includes(equals) : answer === equals;
}

function isUnanswered(answer: unknown): boolean {
	return (
		answer === undefined ||
		answer === null ||
		(typeof answer === 'string' && answer.trim() === '') ||
		(Array.isArray(answer) && answer.length === 0)
	);
}

/** An item is hidden when its condition is not met or the item it depends on is itself hidden. */
function visibleIn(sections: readonly ChecklistSection[], answers: AnswersInput): ChecklistItem[] {
	const seen = new Set<string>();
	const visible = new Set<string>();
	const shown: ChecklistItem[] = [];
	for (const item of sections.flatMap((section) => section.items)) {
		const condition = item.showIf;
		const isShown =
			!condition ||
			((!seen.has(condition.item) || visible.has(condition.item)) &&
				matches(answers[condition.item], condition.equals));
		seen.add(item.id);
		if (isShown) {
			visible.add(item.id);
			shown.push(item);
		}
	}
	return shown;
}

export function visibleItems(section: ChecklistSection, answers: AnswersInput): ChecklistItem[] {
	return visibleIn([section], answers);
}

export interface AnswerError {
	field: string;
	message: string;
}

// Published templates never change: each part's sections and item index are built once.
const parts = new WeakMap<
	ChecklistTemplate,
	Map<TemplateScope, { sections: ChecklistSection[]; items: Map<string, ChecklistItem> }>
>();

function partOf(template: ChecklistTemplate, scope: TemplateScope) {
	let byScope = parts.get(template);
	if (!byScope) parts.set(template, (byScope = new Map()));
	let part = byScope.get(scope);
	if (!part) {
		const sections = template.sections.filter((section) => section.scope === scope);
		part = { sections, items: new Map(sections.flatMap((section) => section.items).map((item) => [item.id, item])) };
		byScope.set(scope, part);
	}
	return part;
}

/**
 * Checks one part's answers: every answer belongs to an item of that part and has the item's type,
 * and every required item that is shown is answered. Answers to hidden items are kept (the item
 * may be shown again) but never required.
 */
export function validateAnswers(
	template: ChecklistTemplate,
	scope: TemplateScope,
	answers: AnswersInput
): { ok: true } | { ok: false; errors: AnswerError[] } {
	const { sections, items } = partOf(template, scope);
	const errors: AnswerError[] = [];
	for (const [field, answer] of Object.entries(answers)) {
		const item = items.get(field);
		if (!item) {
			errors.push({ field, message: `no item ${field} in the ${scope} part of this template` });
		} else if (!isUnanswered(answer)) {
			const parsed = answerSchemaFor(item).safeParse(answer);
			if (!parsed.success) {
				errors.push({ field, message: parsed.error.issues[0]?.message ?? 'invalid answer' });
			}
		}
	}
	for (const item of visibleIn(sections, answers)) {
		if (item.required && isUnanswered(answers[item.id])) {
			errors.push({ field: item.id, message: 'an answer is required' });
		}
	}
	return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** The indicators a person's answers point to: what the screening rule is fed. */
export function indicatorIdsFromAnswers(template: ChecklistTemplate, answers: AnswersInput): IndicatorId[] {
	const ids = new Set<IndicatorId>();
	// Hidden items' stale answers do not count: the inspector no longer sees them.
	for (const item of visibleIn(template.sections, answers)) {
		const answer = answers[item.id];
		if (item.indicator && indicatesPresence(answer)) ids.add(item.indicator);
		for (const option of item.options ?? []) {
			if (option.indicator && matches(answer, option.id)) ids.add(option.indicator);
		}
	}
	return [...ids];
}
