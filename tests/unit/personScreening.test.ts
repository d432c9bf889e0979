import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defaultTemplate } from '../../src/lib/domain/checklist/defaultTemplate.ts';
import { screenedPersonDataSchema } from '../../src/lib/domain/records/fieldRecords.ts';
import { screenedPersonData } from '../../src/lib/domain/records/personProfile.ts';
import { minorAwaitsSocialWork, nextReferralTarget } from '../../src/lib/domain/records/referralSop.ts';
import { screenPersonAnswers } from '../../src/lib/domain/screening/personScreening.ts';
import { timeOrderedId } from '../../src/lib/client/field/timeOrderedId.ts';

const inspectionId = '0b6f3c1e-8d2a-4f5b-9c7e-1a2b3c4d5e6f';

// Deceived about the job (strong) and wages (medium): deceptive recruitment. Excessive hours
// (strong) and low pay (medium): exploitative conditions. Documents kept (strong) and threats
// (medium): coercion at destination.
const recruitment = { deceived_about_job: 'yes', deceived_about_wages: 'yes' };
const exploitation = { excessive_hours: 'yes', low_or_no_pay: 'yes' };
const coercion = { documents_kept_by_others: 'yes', threatened_here: 'yes' };

describe('a person’s profile columns are read from their answers', () => {
	it('copies the chosen options into the columns the reports count by', () => {
		const data = screenedPersonData(inspectionId, {
			sex: 'female',
			age_band: '18_22',
			nationality: 'moldova',
			education: 'primary',
			role: 'performer',
			recruitment: 'job_offer',
			exploitation_form: 'sexual_exploitation',
			language: ' Romanian '
		});
		expect(data).toMatchObject({
			inspectionId,
			sex: 'female',
			ageBand: '18_22',
			nationality: 'MD',
			education: 'primary',
			roleAtVenue: 'performer',
			recruitment: 'job_offer',
			exploitationForm: 'sexual_exploitation',
			language: 'Romanian'
		});
		expect(screenedPersonDataSchema.safeParse(data).success).toBe(true);
	});
	it('records a nationality written in for “other” as its country code', () => {
		expect(screenedPersonData(inspectionId, { nationality: 'other', nationality_other: 'Nigeria' }).nationality).toBe(
			'NG'
		);
	});
	it('starts a person with no answers as unknown sex and age, which the server accepts', () => {
		const data = screenedPersonData(inspectionId, {});
		expect(data).toMatchObject({ sex: 'unknown', ageBand: 'unknown', nationality: '', education: null, answers: {} });
		expect(screenedPersonDataSchema.safeParse(data).success).toBe(true);
	});
	it('records “not stated” as unknown sex', () => {
		expect(screenedPersonData(inspectionId, { sex: 'not_stated' }).sex).toBe('unknown');
	});
});

describe('the persons screen shows the screening as the server will store it', () => {
	it('finds no indicators in a person who answered no to everything', () => {
		const screening = screenPersonAnswers(defaultTemplate, { deceived_about_job: 'no' }, '26_30');
		expect(screening.result).toBe('no_indicators');
		expect(screening.findings).toEqual([]);
	});
	it('names each dimension with the indicators that point to it, present or not yet', () => {
		const screening = screenPersonAnswers(defaultTemplate, { ...recruitment, excessive_hours: 'yes' }, '26_30');
		expect(screening.result).toBe('indicators_present');
		expect(screening.findings.map((f) => [f.dimension, f.present, f.indicators.map((i) => i.id)])).toEqual([
			[1, true, ['adult_sexual.deceptive.nature_of_job', 'adult_sexual.deceptive.wages']],
			[4, false, ['adult_sexual.exploitative.excessive_hours']]
		]);
		// The form is not known: both lists are screened and shown.
		expect(screening.listViews.map((view) => [view.list, view.result, view.verified])).toEqual([
			['adult_sexual', 'indicators_present', false],
			['adult_labour', 'indicators_present', false]
		]);
	});
	it('keeps where each indicator came from: said by the person or observed by the team', () => {
		const screening = screenPersonAnswers(
			defaultTemplate,
			{ exploitation_form: 'forced_labour', deceived_about_job: 'yes', documents_kept_by_others: 'observed' },
			'26_30'
		);
		expect(screening.findings.flatMap((f) => f.indicators.map((i) => [i.id, i.source]))).toEqual([
			['adult_labour.deceptive.nature_of_job', 'said'],
			['adult_labour.coercion.confiscation_of_documents', 'observed']
		]);
	});
	it('counts a removed observation and an unclear answer as no evidence', () => {
		const screening = screenPersonAnswers(
			defaultTemplate,
			{ documents_kept_by_others: 'dismissed', deceived_about_job: 'unclear' },
			'26_30'
		);
		expect(screening.findings).toEqual([]);
		expect(screening.result).toBe('no_indicators');
	});
	it('screens an adult with recruitment, exploitation and coercion as a possible victim', () => {
		const screening = screenPersonAnswers(defaultTemplate, { ...recruitment, ...exploitation, ...coercion }, '18_22');
		expect(screening.result).toBe('possible_victim');
		expect(screening.isMinor).toBe(false);
	});
	it('does not need coercion for a minor', () => {
		expect(screenPersonAnswers(defaultTemplate, { ...recruitment, ...exploitation }, '14_17')).toMatchObject({
			result: 'possible_victim',
			isMinor: true
		});
		expect(screenPersonAnswers(defaultTemplate, { ...recruitment, ...exploitation }, '23_25').result).toBe(
			'indicators_present'
		);
	});
});

describe('the Nordic habit: one clear yes or two unclear answers, take the person aside', () => {
	it('advises it after one yes', () => {
		expect(screenPersonAnswers(defaultTemplate, { excessive_hours: 'yes' }, 'unknown').takeAside).toEqual({
			yes: 1,
			unclear: 0,
			advised: true
		});
	});
	it('advises it after two “unclear” answers, not after one, and never for questions not asked', () => {
		const one = { excessive_hours: 'unclear', low_or_no_pay: 'no' };
		expect(screenPersonAnswers(defaultTemplate, one, 'unknown').takeAside.advised).toBe(false);
		// Thirty questions not asked are not thirty "maybe"s.
		expect(screenPersonAnswers(defaultTemplate, {}, 'unknown').takeAside).toEqual({
			yes: 0,
			unclear: 0,
			advised: false
		});
		const two = { ...one, low_or_no_pay: 'unclear' };
		expect(screenPersonAnswers(defaultTemplate, two, 'unknown').takeAside).toEqual({
			yes: 0,
			unclear: 2,
			advised: true
		});
	});
	it('counts only indicator questions, not the profile', () => {
		expect(screenPersonAnswers(defaultTemplate, { interpreter_used: 'yes' }, 'unknown').takeAside.advised).toBe(false);
	});
});

describe('referrals follow the SOP order', () => {
	it('offers the Centre for Social Work first for a minor', () => {
		expect(nextReferralTarget(true, [])).toBe('centre_for_social_work');
		expect(minorAwaitsSocialWork(true, [])).toBe(true);
		expect(minorAwaitsSocialWork(true, [{ target: 'centre_for_social_work' }])).toBe(false);
	});
	it('offers the police anti-trafficking unit first for an adult, then the Victim Advocate', () => {
		expect(nextReferralTarget(false, [])).toBe('police_anti_trafficking');
		expect(nextReferralTarget(false, [{ target: 'police_anti_trafficking' }])).toBe('victim_advocate');
		expect(minorAwaitsSocialWork(false, [])).toBe(false);
	});
});

describe('a person’s id sorts in the order people were met', () => {
	it('is a UUID the wire format accepts', () => {
		expect(z.uuid().safeParse(timeOrderedId()).success).toBe(true);
	});
	it('sorts by creation time, even within random bits', () => {
		const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => timeOrderedId(t));
		expect([...ids].sort()).toEqual(ids);
	});
});
