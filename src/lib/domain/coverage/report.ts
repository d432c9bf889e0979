/**
 * The whole answer of GET /api/coverage, and the categories of the national report tables
 * (docs/DOMAIN.md, "The figures supervisors report"), in the order those reports print them.
 */
import {
	referralStatuses,
	referralTargets,
	sexes,
	type LocationKind,
	type ReferralStatus,
	type Sex
} from '../records/codes.ts';
import { ageBands } from '../screening/screen.ts';
import type { CoverageFilters, Period } from './filters.ts';
import type { CoverageFigures } from './figures.ts';
import type { VictimYearRow } from './victimYears.ts';
import type { NationalTables } from './national.ts';

export { ageBands, referralStatuses, referralTargets, sexes };

/** Persons whose profile left a breakdown blank are reported as unknown, never dropped. */
export const UNKNOWN = 'unknown';

export const educationLevels = ['illiterate', 'primary', 'secondary', 'university', UNKNOWN] as const;
export const recruitmentMeans = ['job_offer', 'marriage_promise', 'tourism', 'other', UNKNOWN] as const;
// Removal of organs is a column of the national tables although no checklist option leads to it.
export const exploitationForms = [
	'sexual_exploitation',
	'forced_labour',
	'forced_begging',
	'slavery_servitude',
	'removal_of_organs',
	'other',
	UNKNOWN
] as const;

export type { LocationKind, Sex };
export type Count = { count: number };
export type AgeSexRow = { ageBand: string; total: number } & Record<Sex, number>;
export type ReferralRow = { target: string; total: number } & Record<ReferralStatus, number>;

export type MunicipalityRow = CoverageFigures & {
	municipalityId: string;
	code: string;
	name: { en: string; sq: string; sr: string };
};
export type KindRow = CoverageFigures & { kind: LocationKind };
export type TrendRow = { month: string; inspections: number; venuesInspected: number; possibleVictims: number };
export type OperationsRow = { month: string; plans: number; operations: number; locationsControlled: number };

export type OverdueVenue = {
	locationId: string;
	name: string;
	kind: LocationKind;
	municipalityId: string;
	municipalityCode: string;
	status: string;
	/** Kosovo calendar date of the last counted inspection; null when never inspected. */
	lastInspectedOn: string | null;
	/** Days from that date to the end of the period; null when never inspected. */
	daysSinceInspection: number | null;
};

export type CoverageReport = {
	period: Period;
	filters: Omit<CoverageFilters, 'from' | 'to'>;
	totals: CoverageFigures;
	byMunicipality: MunicipalityRow[];
	byKind: KindRow[];
	trend: TrendRow[];
	overdue: { asOf: string; count: number; venues: OverdueVenue[] };
	report: {
		victimsByAgeAndSex: AgeSexRow[];
		victimsByNationality: ({ nationality: string } & Count)[];
		victimsByEducation: ({ education: string } & Count)[];
		victimsByExploitation: ({ exploitationForm: string } & Count)[];
		victimsByRecruitment: ({ recruitment: string } & Count)[];
		/** Persons formally identified as victims, among those the period's inspections met. */
		identifiedVictims: number;
		/** The victim tables with the years as columns (victimYears.ts). */
		victimsByYear: {
			years: string[];
			age: VictimYearRow[];
			nationality: VictimYearRow[];
			education: VictimYearRow[];
			exploitationForm: VictimYearRow[];
			recruitment: VictimYearRow[];
		};
		referrals: ReferralRow[];
		operations: { totals: Omit<OperationsRow, 'month'>; byMonth: OperationsRow[] };
		/** The Criminal Code's aggravating circumstances found (server/coverage/aggravating.ts). */
		aggravating: {
			inspectionsNearChildren: number;
			possibleVictimsUnder18: number;
			possibleVictimsNearChildren: number;
		};
		/** What the inspections led to: criminal reports, arrests, labour findings (national.ts). */
		national: NationalTables;
	};
};
