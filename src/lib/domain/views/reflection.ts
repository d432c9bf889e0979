/**
 * The supervisors' list of reflection periods to follow up (/coverage/reflection): one row per
 * period, without anything that names the person — the case is read on the inspection.
 */
import type { ReflectionState } from '../records/reflectionPeriod.ts';

export type ReflectionReminderRow = {
	referralId: string;
	inspectionId: string;
	municipality: { en: string; sq: string; sr: string };
	start: string;
	end: string;
	state: Exclude<ReflectionState, 'running'>;
	/** Negative once the period has ended. */
	daysLeft: number;
	riskLevel: string | null;
	formalIdentification: string | null;
};
