/**
 * An inspection as the device builds it, from the first check-in to submission and correction.
 * Pure: the client's write helpers (src/lib/client/field/inspections.ts) store what these return.
 */
import { inspectionDataSchema, type InspectionData } from '../records/fieldRecords.ts';
import type { ChecklistTemplate } from '../checklist/template.ts';
import { validateAnswers } from '../checklist/template.ts';
import { childProtection, type ChildProtectionInput } from '../records/minors.ts';
import { minorsCounted } from './peoplePresent.ts';

export type CheckIn = NonNullable<InspectionData['checkIn']>;
export type PeoplePresent = NonNullable<InspectionData['peoplePresent']>;
export type Outcome = NonNullable<InspectionData['outcome']>;

const dataKeys = Object.keys(inspectionDataSchema.shape) as (keyof InspectionData)[];

/**
 * Only the inspection's own fields: the stored record also holds what the server adds (author,
 * version, times), which a push must not carry. Every write sends the whole record.
 */
export function inspectionDataOf(record: Readonly<Record<string, unknown>>): InspectionData {
	const data: Record<string, unknown> = {};
	for (const key of dataKeys) data[key] = record[key];
	return data as InspectionData;
}

export type InspectionStart = {
	locationId: string;
	assignmentId: string | null;
	teamId: string | null;
	unplannedReason: string | null;
	template: { id: string; version: number };
	checkIn: CheckIn;
	startedAt: string;
};

export function newInspection(start: InspectionStart): InspectionData {
	return {
		locationId: start.locationId,
		assignmentId: start.assignmentId,
		teamId: start.teamId,
		templateId: start.template.id,
		templateVersion: start.template.version,
		unplannedReason: start.unplannedReason,
		startedAt: start.startedAt,
		endedAt: null,
		checkIn: start.checkIn,
		answers: {},
		outcome: null,
		outcomeReason: null,
		peoplePresent: null,
		notes: '',
		status: 'draft',
		submittedAt: null,
		correctionOf: null,
		correctionReason: null,
		childProtectionReason: null
	};
}

export type Problem = { field: string; message: string };

/** The persons met and their referrals, as the device holds them: what the child-protection step reads. */
export type VisitPeople = Pick<ChildProtectionInput, 'persons' | 'referrals'>;

/** The message the phone shows (by field) when a minor awaits the Centre for Social Work. */
export const CHILD_PROTECTION_DUE =
	'a minor was met: refer them to the Centre for Social Work, or say why not, before submitting';

/**
 * What stands between a draft and submission: the record's own rules (an outcome, a reason when
 * the venue could not be inspected), every shown required item of the venue part answered — the
 * same checks the server makes on a submitted inspection — and, given the visit's people, the
 * child-protection step (records/minors.ts).
 */
export function submissionProblems(
	template: ChecklistTemplate,
	data: InspectionData,
	now: string,
	people?: VisitPeople
): Problem[] {
	const problems: Problem[] = [];
	if (people) {
		const minors = childProtection({
			...people,
			venueMinors: minorsCounted(data.answers),
			reason: data.childProtectionReason ?? null
		});
		if (!minors.settled) problems.push({ field: 'childProtectionReason', message: CHILD_PROTECTION_DUE });
	}
	const answers = validateAnswers(template, 'venue', data.answers);
	if (!answers.ok)
		problems.push(...answers.errors.map((error) => ({ field: `answers.${error.field}`, message: error.message })));
	const parsed = inspectionDataSchema.safeParse(submitted(data, now));
	if (!parsed.success) {
		problems.push(...parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })));
	}
	return problems;
}

export function submitted(data: InspectionData, now: string): InspectionData {
	return { ...data, status: 'submitted', submittedAt: now, endedAt: data.endedAt ?? now };
}

/**
 * A submitted inspection is never edited: a correction is a new record that starts as a copy,
 * points back at the original and says why (ODK Central's "edits as new versions").
 */
export function correctionOf(originalId: string, original: InspectionData, reason: string): InspectionData {
	return {
		...original,
		answers: { ...original.answers },
		status: 'draft',
		submittedAt: null,
		endedAt: null,
		correctionOf: originalId,
		correctionReason: reason
	};
}
