/**
 * The work after the demo inspections: at venues where the labour inspector found violations, the
 * employer and the minutes, the workers checked, the violations (about half ordered remedied within
 * 8 or 30 days) and some fines; after visits that referred possible victims, criminal reports with
 * arrests; and the control inspections of the deadlines, those past settled as a real year would
 * leave them (most remedied, some escalated, a few still overdue). Deterministic like the rest.
 */
import type { Random } from './random.ts';
import type { Tx } from '../db/index.ts';
import {
	checkedWorkers,
	controlInspections,
	criminalReports,
	decisions,
	labourRecords,
	violations
} from '../db/schema.ts';
import type { ChangeInput } from '../sync/changeFeed.ts';
import { announce } from '../records/syncedWrite.ts';
import { insertRows } from './insert.ts';
import { addDays, kosovoDate } from './calendar.ts';
import { seedViolationKinds } from '../../domain/labour/violationKinds.ts';
import { seedViolationKindsIfAbsent } from '../labour/violationKinds.ts';
import type { FieldRecords } from './inspections.ts';
import type { ControlViolation } from '../../domain/records/referenceRecords.ts';
import type { WorkerCheck } from '../../domain/records/codes.ts';

export type AfterInspectionSummary = { violations: number; controls: number; criminalReports: number };

const check = (random: Random, bad: number): WorkerCheck =>
	random.chance(bad) ? 'no' : random.chance(0.1) ? 'unknown' : 'yes';

export async function insertAfterInspection(
	tx: Tx,
	random: Random,
	records: FieldRecords,
	venueNames: ReadonlyMap<string, string>,
	today: string
): Promise<AfterInspectionSummary> {
	await seedViolationKindsIfAbsent(tx);
	const labour: (typeof labourRecords.$inferInsert)[] = [];
	const workers: (typeof checkedWorkers.$inferInsert)[] = [];
	const found: (typeof violations.$inferInsert)[] = [];
	const decided: (typeof decisions.$inferInsert)[] = [];
	const reports: (typeof criminalReports.$inferInsert)[] = [];
	const controls: (typeof controlInspections.$inferInsert)[] = [];
	const feed: ChangeInput[] = [];
	const announceRow = (entity: ChangeInput['entity'], id: string, inspectionId: string, restricted = false) =>
		feed.push({ entity, recordId: id, op: 'upsert', version: 1, restricted, ...records.scopes.get(inspectionId) });

	for (const inspection of records.inspections) {
		const day = kosovoDate(inspection.startedAt as Date);
		if (inspection.outcome === 'trafficking_indicators_referred' && random.chance(0.6)) {
			const id = random.uuid();
			const arrests = random.int(0, 3);
			reports.push({
				id,
				inspectionId: inspection.id,
				offence: random.weighted([
					['trafficking_in_persons', 5],
					['facilitating_prostitution', 3],
					['using_victim_sexual_services', 1],
					['slavery', 1]
				] as const),
				filedOn: addDays(day, random.int(1, 20)),
				policeCaseNo: `PK-${day.slice(0, 4)}-${random.int(100, 999)}`,
				arrests,
				detentions: random.int(0, arrests)
			});
			announceRow('criminalReport', id, inspection.id);
		}
		if (inspection.outcome !== 'labour_violations') continue;

		const recordId = random.uuid();
		labour.push({
			id: recordId,
			inspectionId: inspection.id,
			employerName: `${venueNames.get(inspection.locationId) ?? 'Employer'} SH.P.K.`,
			businessRegNo: String(random.int(810_000_000, 819_999_999)),
			licence: random.weighted([
				['valid', 6],
				['expired', 2],
				['none', 1]
			] as const),
			minutesNo: `IP-${day.slice(0, 4)}-${random.int(1000, 9999)}`,
			minutesSignature: random.weighted([
				['signed', 7],
				['refused', 2],
				['no_representative', 1]
			] as const),
			minutesCopyLeft: true
		});
		announceRow('labourRecord', recordId, inspection.id);

		const workerIds = Array.from({ length: random.int(1, 4) }, () => random.uuid());
		for (const id of workerIds) {
			const foreign = random.chance(0.15);
			workers.push({
				id,
				inspectionId: inspection.id,
				sex: random.chance(0.6) ? 'female' : 'male',
				isMinor: random.chance(0.03),
				foreign,
				contractBeforeWork: check(random, 0.4),
				declaredToTax: check(random, 0.35),
				pensionContributions: check(random, 0.35),
				wageAtLeastMinimum: check(random, 0.2),
				workingTimeRespected: check(random, 0.3),
				workPermit: foreign ? check(random, 0.5) : 'not_needed',
				residencePermit: foreign ? check(random, 0.3) : 'not_needed'
			});
			announceRow('checkedWorker', id, inspection.id, true);
		}

		const ordered = new Map<string, ControlViolation[]>();
		const kinds = random.sample(seedViolationKinds, random.int(1, 3));
		const violationIds: string[] = [];
		for (const kind of kinds) {
			const id = random.uuid();
			const deadline = random.chance(0.5) ? addDays(day, random.pick([8, 30])) : null;
			found.push({
				id,
				inspectionId: inspection.id,
				kindId: kind.id,
				workerIds: random.sample(workerIds, random.int(0, workerIds.length)),
				remedyDeadline: deadline
			});
			violationIds.push(id);
			announceRow('violation', id, inspection.id);
			if (deadline)
				ordered.set(deadline, [...(ordered.get(deadline) ?? []), { violationId: id, kindId: kind.id, deadline }]);
		}
		if (random.chance(0.3)) {
			const id = random.uuid();
			decided.push({
				id,
				inspectionId: inspection.id,
				kind: 'fine',
				violationIds,
				decidedOn: addDays(day, random.int(2, 15)),
				amountEur: random.pick([300, 500, 1000, 2000, 5000]),
				legalBasis: seedViolationKinds[0]!.legalBasis,
				appeal: random.weighted([
					['none', 8],
					['filed', 1],
					['upheld', 1]
				] as const)
			});
			announceRow('decision', id, inspection.id);
		}
		// The controls of the deadlines (server/labour/controls.ts makes them the same way for real visits).
		for (const [dueOn, list] of ordered) {
			// Settled long ago, or recently due and some not yet checked: overdue as a real queue would be.
			const recent = dueOn >= addDays(today, -45);
			const status =
				dueOn >= today || (recent && random.chance(0.4))
					? 'due'
					: random.weighted([
							['done', 8],
							['escalated', 2]
						] as const);
			controls.push({
				id: random.uuid(),
				locationId: inspection.locationId,
				sourceInspectionId: inspection.id,
				dueOn,
				status,
				violations: list,
				closedAt: status === 'due' ? null : new Date(`${dueOn}T12:00:00Z`)
			});
		}
	}
	await insertRows(tx, labourRecords, labour);
	await insertRows(tx, checkedWorkers, workers);
	await insertRows(tx, violations, found);
	await insertRows(tx, decisions, decided);
	await insertRows(tx, criminalReports, reports);
	// Not yet planned with any visit: no device may hold them, so they have no feed row.
	await insertRows(tx, controlInspections, controls);
	await announce(tx, feed);
	return { violations: found.length, controls: controls.length, criminalReports: reports.length };
}
