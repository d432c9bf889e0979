/**
 * Purpose limits (docs/DOMAIN.md, "Purpose limits"): some fields may be used only for some purposes.
 * A worker's residence or work permit and whether they are foreign, a screened person's
 * nationality: recorded to protect and assist the person, they must not become a list for
 * immigration enforcement. Each field carries a tag; each purpose an export may be made for allows
 * some tags. An export names its purpose (required), leaves out the tagged fields its purpose does
 * not allow, and its audit entry says what went out for which purpose (server/privacy/exports.ts).
 *
 * Counts are not the tagged field: an aggregate (possible victims by nationality in the national
 * tables) goes out for statistics, as long as no row of it is one person.
 */
import { z } from 'zod';

export const purposeTags = ['not_for_immigration_enforcement'] as const;
export type PurposeTag = (typeof purposeTags)[number];

export const exportPurposes = [
	'statistics',
	'victim_assistance',
	'criminal_investigation',
	'data_subject_request',
	'labour_enforcement'
] as const;
export type ExportPurpose = (typeof exportPurposes)[number];

/**
 * Which tags each purpose may receive. Assisting the victim needs the nationality (an interpreter,
 * the embassy, a return), the person's own request gets everything held on them, and the labour
 * inspectorate checks work permits under labour law. Statistics and the criminal investigation of
 * the traffickers do not need a victim's residence status, and leaving it out keeps it from
 * reaching the migration authority through them.
 */
export const purposeAllows: Record<ExportPurpose, readonly PurposeTag[]> = {
	statistics: [],
	victim_assistance: ['not_for_immigration_enforcement'],
	criminal_investigation: [],
	data_subject_request: ['not_for_immigration_enforcement'],
	labour_enforcement: ['not_for_immigration_enforcement']
};

/** The tagged fields, per entity (wire names). A field not listed carries no tag. */
export const taggedFields = {
	checkedWorker: {
		foreign: 'not_for_immigration_enforcement',
		workPermit: 'not_for_immigration_enforcement',
		residencePermit: 'not_for_immigration_enforcement'
	},
	screenedPerson: { nationality: 'not_for_immigration_enforcement' }
} as const satisfies Record<string, Record<string, PurposeTag>>;
export type TaggedEntity = keyof typeof taggedFields;

/** Read from a query or a form: required, one of the list; a refusal names `purpose`. */
export const purposeSchema = z.object({
	purpose: z.enum(exportPurposes, { message: `purpose is required: one of ${exportPurposes.join(', ')}` })
});

/** The tagged fields of an entity the purpose may not receive. */
export function withheldFields(entity: TaggedEntity, purpose: ExportPurpose): string[] {
	const allowed = purposeAllows[purpose];
	return Object.entries(taggedFields[entity])
		.filter(([, tag]) => !allowed.includes(tag as PurposeTag))
		.map(([field]) => field);
}

/** The record without the fields its purpose may not receive (a copy; the record is left as it is). */
export function limitToPurpose<T extends Record<string, unknown>>(
	entity: TaggedEntity,
	record: T,
	purpose: ExportPurpose
): Partial<T> {
	const withheld = new Set(withheldFields(entity, purpose));
	return Object.fromEntries(Object.entries(record).filter(([key]) => !withheld.has(key))) as Partial<T>;
}

/**
 * The purpose a desk reader's view of an inspection serves, by their agency: the labour
 * inspectorate enforces labour law (permits are part of it); the police investigate the crime,
 * which does not need a worker's residence status.
 */
export function viewPurposeOf(agencyCode: string): ExportPurpose {
	return agencyCode === 'labour' ? 'labour_enforcement' : 'criminal_investigation';
}
