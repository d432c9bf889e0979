import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { venueProgress } from '../../src/lib/domain/field/checklistProgress.ts';
import { checkInDistance, CHECK_IN_WARNING_METRES } from '../../src/lib/domain/field/checkIn.ts';
import {
	correctionOf,
	inspectionDataOf,
	newInspection,
	submissionProblems,
	submitted,
	type VisitPeople
} from '../../src/lib/domain/field/inspectionRecord.ts';
import { inspectionDataSchema, type InspectionData } from '../../src/lib/domain/records/fieldRecords.ts';
import { peoplePresentFromAnswers } from '../../src/lib/domain/field/peoplePresent.ts';
import { metresPerDegree } from '../../src/lib/domain/geo/distance.ts';

const venue = { lat: 42.663, lng: 21.166 };
const now = '2026-11-24T20:15:00.000Z';

function draft() {
	return newInspection({
		locationId: '0b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e80',
		assignmentId: '1b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e81',
		teamId: '2b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e82',
		unplannedReason: null,
		template: { id: defaultTemplate.id, version: defaultTemplate.version },
		checkIn: { lat: null, lng: null, accuracy: null, at: now, overrideReason: 'no signal in the basement' },
		startedAt: now
	});
}

const allRequired = { business_registered: 'yes', women_present: 2, men_present: 1, minors_present: 0 };

describe('checking in warns when the fix is far from the venue', () => {
	const northBy = (metres: number) => ({
		lat: venue.lat + metres / metresPerDegree(venue.lat).lat,
		lng: venue.lng,
		accuracy: 10
	});

	it('does not warn at 199 m', () => {
		expect(checkInDistance(northBy(199), venue).far).toBe(false);
	});

	it('warns at 201 m', () => {
		expect(checkInDistance(northBy(201), venue).far).toBe(true);
	});

	it('uses 200 m as the limit', () => {
		expect(CHECK_IN_WARNING_METRES).toBe(200);
	});
});

describe('progress counts the required venue questions that are shown', () => {
	it('starts at none answered', () => {
		const progress = venueProgress(defaultTemplate, {});
		expect(progress.answered).toBe(0);
		expect(progress.missing.map(({ item }) => item.id)).toEqual([
			'business_registered',
			'women_present',
			'men_present',
			'minors_present'
		]);
	});

	it('counts a zero as an answer', () => {
		expect(venueProgress(defaultTemplate, { minors_present: 0 }).answered).toBe(1);
	});

	it('is complete when every required question is answered', () => {
		const progress = venueProgress(defaultTemplate, allRequired);
		expect(progress).toMatchObject({ answered: 4, required: 4, missing: [] });
	});
});

describe('a draft may be submitted only when complete', () => {
	it('names the missing answers and the missing outcome', () => {
		const fields = submissionProblems(defaultTemplate, draft(), now).map((problem) => problem.field);
		expect(fields).toEqual(expect.arrayContaining(['answers.business_registered', 'outcome']));
	});

	it('asks why the venue could not be inspected', () => {
		const data = { ...draft(), answers: allRequired, outcome: 'could_not_inspect' as const };
		expect(submissionProblems(defaultTemplate, data, now).map((problem) => problem.field)).toEqual(['outcomeReason']);
	});

	it('has no problems once answered and with an outcome', () => {
		expect(
			submissionProblems(defaultTemplate, { ...draft(), answers: allRequired, outcome: 'no_findings' }, now)
		).toEqual([]);
	});

	it('is stamped submitted, with its end time, by submission', () => {
		const done = submitted({ ...draft(), answers: allRequired, outcome: 'no_findings' }, now);
		expect(done).toMatchObject({ status: 'submitted', submittedAt: now, endedAt: now });
		expect(inspectionDataSchema.safeParse(done).success).toBe(true);
	});
});

describe('a correction is a new draft that points back at the original', () => {
	const original = submitted({ ...draft(), answers: allRequired, outcome: 'no_findings' }, now);
	const originalId = '3b9c3f0e-8d3a-4a59-9a4e-2a4b5c6d7e83';

	it('copies the answers and reopens as a draft', () => {
		const correction = correctionOf(originalId, original, 'wrong count of women');
		expect(correction).toMatchObject({
			status: 'draft',
			submittedAt: null,
			correctionOf: originalId,
			correctionReason: 'wrong count of women',
			answers: allRequired
		});
	});

	it('does not share the answers object with the original', () => {
		const correction = correctionOf(originalId, original, 'typo');
		expect(correction.answers).not.toBe(original.answers);
	});
});

describe('a stored record is sent without what the server added', () => {
	it('keeps only the inspection fields', () => {
		const stored = { ...draft(), id: 'x', version: 3, createdBy: 'someone', updatedAt: now };
		expect(Object.keys(inspectionDataOf(stored)).sort()).toEqual(Object.keys(draft()).sort());
	});
});

describe('the child-protection step stands between a draft with a minor and submission', () => {
	const template = defaultTemplate;
	const ready = () => ({
		...draft(),
		answers: { ...allRequired },
		outcome: 'trafficking_indicators_referred' as const
	});
	const minor = { id: 'p1', isMinor: true };
	const childProtectionProblems = (data: InspectionData, people: VisitPeople) =>
		submissionProblems(template, data, '2026-12-03T01:00:00.000Z', people).filter(
			(problem) => problem.field === 'childProtectionReason'
		);

	it('asks for the Centre for Social Work, or a reason, when a minor was met', () => {
		expect(childProtectionProblems(ready(), { persons: [minor], referrals: [] })).toHaveLength(1);
		expect(
			childProtectionProblems(ready(), {
				persons: [minor],
				referrals: [{ personId: 'p1', target: 'centre_for_social_work' }]
			})
		).toEqual([]);
		expect(
			childProtectionProblems(
				{ ...ready(), childProtectionReason: 'Social worker on call not reachable' },
				{
					persons: [minor],
					referrals: []
				}
			)
		).toEqual([]);
	});
	it('is not satisfied by another referral, nor by a blank reason', () => {
		const people = { persons: [minor], referrals: [{ personId: 'p1', target: 'police_anti_trafficking' as const }] };
		expect(childProtectionProblems({ ...ready(), childProtectionReason: '   ' }, people)).toHaveLength(1);
	});
	it('starts for minors counted at the venue even when no person was recorded', () => {
		const counted = { ...ready(), answers: { ...ready().answers, minors_present: 2 } };
		expect(childProtectionProblems(counted, { persons: [], referrals: [] })).toHaveLength(1);
		expect(childProtectionProblems(ready(), { persons: [{ id: 'a', isMinor: false }], referrals: [] })).toEqual([]);
	});
});

describe('the people present are counted once, in the checklist', () => {
	it('derives the record’s counts and the minors flag from the venue answers', () => {
		expect(peoplePresentFromAnswers({ women_present: 4, men_present: 1, minors_present: 1 })).toEqual({
			women: 4,
			men: 1,
			minorsPresent: true
		});
		expect(peoplePresentFromAnswers({ women_present: 2 })).toEqual({ women: 2, men: 0, minorsPresent: false });
		expect(peoplePresentFromAnswers({ business_registered: 'yes' })).toBeNull();
	});
});
