import { describe, expect, it } from 'vitest';
import {
	reflectionEnd,
	reflectionNeedsReminder,
	reflectionPeriod,
	reflectionReminderFrom
} from '../../src/lib/domain/records/reflectionPeriod.ts';
import {
	caseReferral,
	isForeignNationality,
	nextReferralTarget,
	referralOrder
} from '../../src/lib/domain/records/referralSop.ts';
import { referralDataSchema, referralOpenFields } from '../../src/lib/domain/records/fieldRecords.ts';
import { referralTargets } from '../../src/lib/domain/records/codes.ts';

describe('the reflection and recovery period lasts 90 days', () => {
	it('ends 90 calendar days after it starts', () => {
		expect(reflectionEnd('2026-01-10')).toBe('2026-04-10');
	});
	it('counts calendar days across the spring clock change (29 March 2026 in Kosovo)', () => {
		expect(reflectionEnd('2026-03-01')).toBe('2026-05-30');
	});
	it('counts calendar days across the autumn clock change (25 October 2026)', () => {
		expect(reflectionEnd('2026-10-01')).toBe('2026-12-30');
	});
	it('counts 29 February in a leap year', () => {
		expect(reflectionEnd('2024-01-01')).toBe('2024-03-31');
		expect(reflectionEnd('2023-01-01')).toBe('2023-04-01');
	});
	it('runs into the next year', () => {
		expect(reflectionEnd('2026-12-15')).toBe('2027-03-15');
	});
	it('refuses what is not a calendar date', () => {
		expect(() => reflectionEnd('2026-01-10T00:00:00Z')).toThrow(RangeError);
	});
});

describe('the reminder shows from 14 days before the end, and after it', () => {
	const start = '2026-01-10'; // ends 2026-04-10
	it('starts 14 days before the end', () => {
		expect(reflectionReminderFrom(start)).toBe('2026-03-27');
	});
	it('is running, without a reminder, 15 days before the end', () => {
		expect(reflectionPeriod(start, '2026-03-26')).toEqual({
			start,
			end: '2026-04-10',
			state: 'running',
			daysLeft: 15
		});
		expect(reflectionNeedsReminder(start, '2026-03-26')).toBe(false);
	});
	it('is ending 14 days before the end', () => {
		expect(reflectionPeriod(start, '2026-03-27').state).toBe('ending');
		expect(reflectionNeedsReminder(start, '2026-03-27')).toBe(true);
	});
	it('is still ending on its last day', () => {
		expect(reflectionPeriod(start, '2026-04-10')).toMatchObject({ state: 'ending', daysLeft: 0 });
	});
	it('has ended the day after', () => {
		expect(reflectionPeriod(start, '2026-04-11')).toMatchObject({ state: 'ended', daysLeft: -1 });
		expect(reflectionNeedsReminder(start, '2027-01-01')).toBe(true);
	});
	it('needs no reminder when no period was started', () => {
		expect(reflectionNeedsReminder(null, '2026-04-11')).toBe(false);
	});
});

describe('referrals follow the current SOP order', () => {
	it('lists every target, for adults and for minors', () => {
		expect([...referralOrder(false)].sort()).toEqual([...referralTargets].sort());
		expect([...referralOrder(true)].sort()).toEqual([...referralTargets].sort());
	});
	it('suggests the duty prosecutor after the police and the Victim Advocate', () => {
		const made = [{ target: 'police_anti_trafficking' as const }, { target: 'victim_advocate' as const }];
		expect(nextReferralTarget(false, made)).toBe('prosecutor');
	});
	it('suggests the Interim Security Facility for high risk, a shelter otherwise', () => {
		const made = (['police_anti_trafficking', 'victim_advocate', 'prosecutor'] as const).map((target) => ({ target }));
		expect(nextReferralTarget(false, made, { highRisk: true })).toBe('interim_security_facility');
		expect(nextReferralTarget(false, made)).toBe('shelter');
	});
	it('suggests the migration authority only for a foreign person', () => {
		const made = (
			['police_anti_trafficking', 'victim_advocate', 'prosecutor', 'shelter', 'medical_care', 'legal_aid'] as const
		).map((target) => ({ target }));
		expect(nextReferralTarget(false, made, { foreign: true })).toBe('migration_authority');
		expect(nextReferralTarget(false, made)).toBe('ngo');
	});
	it('keeps the Centre for Social Work first for a minor', () => {
		expect(nextReferralTarget(true, [], { foreign: true, highRisk: true })).toBe('centre_for_social_work');
	});
	it('knows Kosovo as XK, its profile option or by name; a blank or unknown nationality is not foreign', () => {
		expect(isForeignNationality('XK')).toBe(false);
		expect(isForeignNationality(' Kosovë ')).toBe(false);
		expect(isForeignNationality('')).toBe(false);
		expect(isForeignNationality('unknown')).toBe(false);
		expect(isForeignNationality('kosovo')).toBe(false);
		expect(isForeignNationality('moldova')).toBe(true);
		expect(isForeignNationality('MD')).toBe(true);
		expect(isForeignNationality('Moldova')).toBe(true);
	});
});

describe('a referral record under the current SOP', () => {
	const base = {
		personId: '00000000-0000-4000-8000-000000000001',
		inspectionId: '00000000-0000-4000-8000-000000000002',
		target: 'police_anti_trafficking',
		referredAt: '2026-01-10T22:00:00+01:00',
		consent: true,
		urgentNeeds: '',
		status: 'made',
		notes: ''
	};
	it('reads a referral stored before the SOP fields with their defaults', () => {
		expect(referralDataSchema.parse(base)).toMatchObject({
			exOfficio: false,
			consentBy: null,
			interpreterIndependent: null,
			riskLevel: null,
			formalIdentification: null,
			reflectionStart: null,
			policeCaseNo: ''
		});
	});
	it('keeps the case on the referral to the police only', () => {
		const result = referralDataSchema.safeParse({ ...base, target: 'shelter', reflectionStart: '2026-01-11' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['reflectionStart']);
		expect(referralDataSchema.safeParse({ ...base, reflectionStart: '2026-01-11' }).success).toBe(true);
	});
	it('records who consented only with consent', () => {
		const result = referralDataSchema.safeParse({ ...base, consent: false, consentBy: 'person' });
		expect(result.error?.issues[0]?.path).toEqual(['consentBy']);
	});
	it('dates only a decided identification', () => {
		const pending = { ...base, formalIdentification: 'pending', formalIdentificationDate: '2026-01-12' };
		expect(referralDataSchema.safeParse(pending).error?.issues[0]?.path).toEqual(['formalIdentificationDate']);
		expect(referralDataSchema.safeParse({ ...pending, formalIdentification: 'yes' }).success).toBe(true);
	});
	it('leaves the case open after the visit, and the visit’s record locked', () => {
		expect(referralOpenFields).toEqual(expect.arrayContaining(['status', 'reflectionStart', 'formalIdentification']));
		expect(referralOpenFields).not.toContain('consent');
		expect(referralOpenFields).not.toContain('interpreterIndependent');
	});
	it('finds the case on the latest referral to the police', () => {
		const referrals = [
			{ target: 'shelter' as const, referredAt: '2026-01-10T23:00:00.000Z' },
			{ target: 'police_anti_trafficking' as const, referredAt: '2026-01-10T21:00:00.000Z' },
			{ target: 'police_anti_trafficking' as const, referredAt: '2026-01-10T22:00:00.000Z' }
		];
		expect(caseReferral(referrals)?.referredAt).toBe('2026-01-10T22:00:00.000Z');
		expect(caseReferral(referrals.slice(0, 1))).toBeNull();
	});
});
