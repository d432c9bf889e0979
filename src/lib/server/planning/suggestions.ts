/**
 * The ranked list of venues that most need a visit, for one operation: venues on the plan's
 * municipalities (all, when the plan names none) not yet on the operation, ranked by
 * domain/planning/ranking.ts with the reasons kept for the planner to read.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignments, inspections, screenedPersons } from '../db/schema.ts';
import { POSSIBLE_VICTIM } from '../db/screening.ts';
import type { SessionUser } from '../../domain/auth.ts';
import { rankVenues } from '../../domain/planning/ranking.ts';
import type { MapVenue } from '../../domain/views/map.ts';
import type { AssignResult, Suggestion } from '../../domain/views/planning.ts';
import { mapData } from '../register/mapVenues.ts';
import { assignVenues } from './assignments.ts';
import { requirePlanner } from './access.ts';
import { readRow } from './records.ts';
import { dueControlsAt } from '../labour/followUps.ts';

/** Outcomes that count as findings: something was wrong there. */
const FINDINGS = ['labour_violations', 'trafficking_indicators_referred', 'premises_closed'];

async function historyCounts(db: Db) {
	const [findings, victims] = await Promise.all([
		db
			.select({ locationId: inspections.locationId, count: sql<number>`count(*)::int` })
			.from(inspections)
			.where(
				and(
					isNull(inspections.deletedAt),
					eq(inspections.status, 'submitted'),
					inArray(inspections.outcome, FINDINGS as never[])
				)
			)
			.groupBy(inspections.locationId),
		db
			.select({ locationId: inspections.locationId, count: sql<number>`count(*)::int` })
			.from(screenedPersons)
			.innerJoin(inspections, eq(inspections.id, screenedPersons.inspectionId))
			.where(
				and(
					isNull(screenedPersons.deletedAt),
					isNull(inspections.deletedAt),
					eq(screenedPersons.result, POSSIBLE_VICTIM)
				)
			)
			.groupBy(inspections.locationId)
	]);
	return {
		findings: new Map(findings.map((r) => [r.locationId, Number(r.count)])),
		victims: new Map(victims.map((r) => [r.locationId, Number(r.count)]))
	};
}

export async function suggestionsFor(
	db: Db,
	operationId: string,
	limit: number,
	now = new Date(),
	venues?: MapVenue[]
): Promise<Suggestion[]> {
	const operation = await readRow(db, 'operation', operationId);
	const plan = operation && (await readRow(db, 'plan', operation.planId));
	if (!operation || !plan) return [];
	const [register, counts, assigned, controls] = await Promise.all([
		venues ?? mapData(db).then((d) => d.venues),
		historyCounts(db),
		db
			.select({ locationId: assignments.locationId })
			.from(assignments)
			.where(and(eq(assignments.operationId, operationId), isNull(assignments.deletedAt))),
		dueControlsAt(db)
	]);
	const taken = new Set(assigned.map((a) => a.locationId));
	const area = new Set(plan.municipalityIds);
	const candidates = register.filter((v) => !taken.has(v.id) && (area.size === 0 || area.has(v.municipalityId)));
	const byId = new Map(candidates.map((v) => [v.id, v]));
	return rankVenues(
		candidates.map((v) => ({
			id: v.id,
			kind: v.kind,
			status: v.status,
			lastInspectedAt: v.lastInspectedAt,
			findingsCount: counts.findings.get(v.id) ?? 0,
			possibleVictimsCount: counts.victims.get(v.id) ?? 0,
			nearChildrenMetres: v.nearChildren?.distanceMetres ?? null,
			// A control due by the operation's day is owed on it.
			followUpDueOn: dueBy(controls.get(v.id), operation.date)
		})),
		now,
		limit
	).map((ranked) => {
		const { id, name, kind, address, lat, lng, municipality } = byId.get(ranked.id)!;
		return { id, name, kind, address, lat, lng, municipality, score: ranked.score, reasons: ranked.reasons };
	});
}

function dueBy(dueOn: string | undefined, day: string): string | null {
	return dueOn !== undefined && dueOn <= day ? dueOn : null;
}

/** "Add the top N": the N best-ranked venues not yet on the operation, to one team, in one action. */
export async function addTopSuggestions(
	db: Db,
	actor: SessionUser,
	operationId: string,
	teamId: string,
	count: number
): Promise<AssignResult> {
	requirePlanner(actor);
	const top = await suggestionsFor(db, operationId, count);
	if (top.length === 0) return { assigned: [], alreadyAssigned: [], venuesTwice: [] };
	return assignVenues(
		db,
		actor,
		operationId,
		teamId,
		top.map((s) => s.id)
	);
}
