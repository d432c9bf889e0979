/** The labour inspection's records as a labour inspector's device sends them (tests only). */
import { seedViolationKinds } from '../../src/lib/domain/labour/violationKinds.ts';

export const KIND_NO_CONTRACT = seedViolationKinds[0]!.id;
export const KIND_UNDECLARED = seedViolationKinds[1]!.id;

export function labourRecords(inspectionId: string) {
	return {
		record: (overrides: Record<string, unknown> = {}) => ({
			inspectionId,
			employerName: 'Bar Ltd',
			businessRegNo: '811234567',
			fiscalNo: '600123456',
			registeredActivity: 'cafe',
			activityFound: 'night club',
			licence: 'expired',
			licensedHours: '07:00–23:00',
			hoursFound: 'open at 01:30',
			minutesNo: 'IP-2026-118',
			minutesSignature: 'refused',
			minutesCopyLeft: true,
			...overrides
		}),
		worker: (overrides: Record<string, unknown> = {}) => ({
			inspectionId,
			name: '',
			sex: 'female',
			isMinor: false,
			foreign: true,
			contractBeforeWork: 'no',
			declaredToTax: 'no',
			pensionContributions: 'no',
			wageAtLeastMinimum: 'unknown',
			workingTimeRespected: 'no',
			workPermit: 'no',
			residencePermit: 'unknown',
			...overrides
		}),
		violation: (workerIds: string[], overrides: Record<string, unknown> = {}) => ({
			inspectionId,
			kindId: KIND_NO_CONTRACT,
			workerIds,
			description: 'no contract shown',
			remedyDeadline: null,
			...overrides
		}),
		decision: (violationIds: string[], overrides: Record<string, unknown> = {}) => ({
			inspectionId,
			kind: 'fine',
			violationIds,
			decidedOn: '2026-11-26',
			amountEur: 1500,
			legalBasis: 'Law No. 03/L-212 on Labour',
			...overrides
		})
	};
}
