import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { venueProgress } from '../../src/lib/domain/field/checklistProgress.ts';
import { checkInDistance, CHECK_IN_WARNING_METRES } from '../../src/lib/domain/field/checkIn.ts';
import {
	correctionOf,
	inspectionDataOf,
	newInspection,
	submissionProblems,
	submitted
} from '../../src/lib/domain/field/inspectionRecord.ts';
import { inspectionDataSchema } from '../../src/lib/domain/records/fieldRecords.ts';
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
