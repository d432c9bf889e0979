/**
 * The people a team spoke to in private, recorded anonymously, screened with the ILO/EC rule; and
 * for each possible victim the referrals the standard operating procedures call for.
 */
import type { Random } from './random.ts';
import type { Answer, ChecklistTemplate } from '../../domain/checklist/template.ts';
import type { AgeBand } from '../../domain/screening/screen.ts';
import { listResults, screenAnswers } from '../../domain/screening/screenAnswers.ts';
import {
	CASE_TARGET,
	type ReferralStatus,
	type ReferralTarget,
	type ScreeningResult
} from '../../domain/records/codes.ts';
import { reflectionEnd } from '../../domain/records/reflectionPeriod.ts';
import type { referrals, screenedPersons } from '../db/schema.ts';
import { POSSIBLE_VICTIM } from '../db/screening.ts';
import { personAnswers } from './answers.ts';
import { nationalityOf } from '../../domain/records/personProfile.ts';
import type { LocationKind } from './places.ts';

type ScreenedPersonRow = typeof screenedPersons.$inferInsert & { id: string };
type ReferralRow = typeof referrals.$inferInsert & { id: string };

/** Venues where sexual exploitation is the usual suspicion (docs/DOMAIN.md: most victims, mostly women). */
export const sexualExploitationVenues: ReadonlySet<LocationKind> = new Set([
	'bar',
	'night_club',
	'massage_parlour',
	'hotel_motel',
	'private_apartment'
]);

/** What the team expects to find: nobody with indicators, a few, or a possible victim. */
export type Expectation = 'none' | 'some' | 'victim';

// Most victims found in Kosovo are Kosovo citizens; foreign victims come mainly from the region,
// Moldova and Ukraine, and occasionally from as far as the Dominican Republic.
const nationalities: readonly (readonly [{ option: string; other?: string; language: string }, number])[] = [
	[{ option: 'kosovo', language: 'Albanian' }, 70],
	[{ option: 'albania', language: 'Albanian' }, 8],
	[{ option: 'serbia', language: 'Serbian' }, 5],
	[{ option: 'north_macedonia', language: 'Macedonian' }, 2],
	[{ option: 'montenegro', language: 'Montenegrin' }, 1],
	[{ option: 'moldova', language: 'Romanian' }, 5],
	[{ option: 'ukraine', language: 'Ukrainian' }, 4],
	[{ option: 'other', other: 'Dominican Republic', language: 'Spanish' }, 3],
	[{ option: 'other', other: 'Bulgaria', language: 'Bulgarian' }, 1],
	[{ option: 'other', other: 'Philippines', language: 'English' }, 1]
];

const victimAgeBands: readonly (readonly [AgeBand, number])[] = [
	['under_14', 4],
	['14_17', 42],
	['18_22', 30],
	['23_25', 10],
	['26_30', 8],
	['31_35', 4],
	['36_40', 2]
];
const workerAgeBands: readonly (readonly [AgeBand, number])[] = [
	['14_17', 2],
	['18_22', 20],
	['23_25', 18],
	['26_30', 20],
	['31_35', 14],
	['36_40', 10],
	['41_50', 10],
	['over_50', 4],
	['unknown', 2]
];

function profileFor(random: Random, kind: LocationKind, expectation: Expectation): Record<string, Answer> {
	const sexual = sexualExploitationVenues.has(kind);
	const femaleChance = expectation === 'victim' ? (sexual ? 0.95 : 0.5) : sexual ? 0.8 : 0.45;
	const nationality = random.weighted(nationalities);
	const profile: Record<string, Answer> = {
		sex: random.chance(femaleChance) ? 'female' : random.chance(0.97) ? 'male' : 'not_stated',
		age_band: random.weighted(expectation === 'victim' ? victimAgeBands : workerAgeBands),
		nationality: nationality.option,
		language: nationality.language,
		interpreter_used: ['Albanian', 'Serbian'].includes(nationality.language) ? 'no' : 'yes',
		education: random.weighted([
			['illiterate', 8],
			['primary', expectation === 'victim' ? 50 : 35],
			['secondary', 42],
			['university', 7],
			['unknown', 5]
		]),
		role: sexual
			? random.weighted([
					['service_staff', 45],
					['performer', kind === 'night_club' ? 30 : 5],
					['massage', kind === 'massage_parlour' ? 40 : 2],
					['cleaning_kitchen', 10],
					['other', 5]
				])
			: random.weighted([
					['service_staff', 40],
					['cleaning_kitchen', 35],
					['other', 25]
				]),
		recruitment: random.weighted([
			['job_offer', 65],
			['marriage_promise', expectation === 'victim' ? 22 : 5],
			['tourism', 5],
			['other', 10]
		])
	};
	if (nationality.other) profile.nationality_other = nationality.other;
	if (expectation !== 'none') {
		profile.exploitation_form = sexual
			? random.weighted([
					['sexual_exploitation', 85],
					['forced_labour', 15]
				])
			: random.weighted([
					['forced_labour', 75],
					['forced_begging', 10],
					['slavery_servitude', 10],
					['sexual_exploitation', 5]
				]);
	}
	return profile;
}

const sexColumn = (answer: Answer | undefined): ScreenedPersonRow['sex'] =>
	answer === 'female' || answer === 'male' ? answer : 'unknown';

const asString = (answer: Answer | undefined): string | null => (typeof answer === 'string' ? answer : null);

/**
 * Draws answers until the screening matches what is expected of this person: a "victim" whose
 * answers happen to miss the combination is drawn again, as is a "some" that happens to meet it.
 */
function screenedAnswers(
	random: Random,
	template: ChecklistTemplate,
	profile: Record<string, Answer>,
	ageBand: AgeBand,
	expectation: Expectation
) {
	const wanted = (result: ScreeningResult) =>
		expectation === 'victim'
			? result === POSSIBLE_VICTIM
			: expectation === 'some'
				? result === 'indicators_present'
				: result === 'no_indicators';
	const chance = { none: 0, some: 0.08, victim: 0.5 }[expectation];
	for (let attempt = 0; ; attempt++) {
		const answers = personAnswers(
			random,
			template,
			profile,
			expectation === 'victim' ? chance + attempt * 0.03 : chance
		);
		const screening = screenAnswers(template, answers, ageBand);
		// The cap only guards against a template whose questions cannot reach the combination.
		if (wanted(screening.result) || attempt >= 30) return { answers, screening };
	}
}

export function screenPersonAt(
	random: Random,
	template: ChecklistTemplate,
	inspectionId: string,
	kind: LocationKind,
	expectation: Expectation,
	at: Date
): ScreenedPersonRow {
	const profile = profileFor(random, kind, expectation);
	const ageBand = profile.age_band as AgeBand;
	const { answers, screening } = screenedAnswers(random, template, profile, ageBand, expectation);
	return {
		id: random.uuid(),
		inspectionId,
		sex: sexColumn(answers.sex),
		ageBand,
		nationality: nationalityOf(answers),
		education: asString(answers.education),
		roleAtVenue: asString(answers.role),
		recruitment: asString(answers.recruitment),
		exploitationForm: screening.result === 'no_indicators' ? null : asString(answers.exploitation_form),
		language: asString(answers.language),
		answers,
		dimensionsPresent: screening.dimensionsPresent,
		result: screening.result,
		isMinor: screening.isMinor,
		catalogueVersion: screening.catalogueVersion,
		listResults: listResults(screening),
		createdAt: at,
		updatedAt: at
	};
}

const adultTargets: readonly (readonly [ReferralTarget, number])[] = [
	['police_anti_trafficking', 40],
	['victim_advocate', 25],
	['shelter', 15],
	['medical_care', 8],
	['ngo', 8],
	['labour_inspectorate', 4]
];

const urgentNeeds = [
	'Safe accommodation tonight',
	'Medical check',
	'Food and clothing',
	'Interpreter',
	'Phone call to family',
	''
];

/**
 * The person's case on the referral to the police, derived from what was drawn (no draws of its own):
 * the reflection period starts the day after the visit, a minor is high risk, and the police's
 * decision follows how the referral went.
 */
function demoCase(person: ScreenedPersonRow, referredAt: Date, status: ReferralStatus): Partial<ReferralRow> {
	const reflectionStart = new Date(referredAt.getTime() + 86_400_000).toISOString().slice(0, 10);
	return {
		riskLevel: person.isMinor ? 'high' : 'medium',
		formalIdentification: status === 'made' ? 'pending' : status === 'declined' ? 'no' : 'yes',
		reflectionStart,
		reflectionEnd: reflectionEnd(reflectionStart)
	};
}

/** A minor is reported to the Centre for Social Work at once, and a guardian appointed (SOP). */
export function referPerson(random: Random, person: ScreenedPersonRow, at: Date, today: Date): ReferralRow[] {
	const count = random.int(1, 3);
	const targets: ReferralTarget[] = person.isMinor ? ['centre_for_social_work'] : [];
	while (targets.length < count) {
		const target = random.weighted(adultTargets);
		if (!targets.includes(target)) targets.push(target);
	}
	const settled = today.getTime() - at.getTime() > 30 * 86_400_000;
	return targets.map((target, i) => {
		const referredAt = new Date(at.getTime() + (10 + i * 25 + random.int(0, 20)) * 60_000);
		const status = random.weighted<ReferralStatus>(
			settled
				? [
						['made', 5],
						['accepted', 55],
						['declined', 10],
						['closed', 30]
					]
				: [
						['made', 50],
						['accepted', 40],
						['declined', 10]
					]
		);
		// Drawn in the order they always were, so the seeded data stays what it was.
		const id = random.uuid();
		const consent = random.chance(0.85);
		return {
			id,
			personId: person.id,
			inspectionId: person.inspectionId,
			target,
			referredAt,
			exOfficio: target === CASE_TARGET,
			consent,
			consentBy: consent ? (person.isMinor ? 'centre_for_social_work' : 'person') : null,
			urgentNeeds: random.pick(urgentNeeds),
			status,
			notes: '',
			...(target === CASE_TARGET ? demoCase(person, referredAt, status) : {}),
			createdAt: referredAt,
			updatedAt: referredAt
		};
	});
}
