/**
 * The control inspections people act on: the planners' queue of follow-ups due (soonest first,
 * overdue ones on top) and the supervisors' count of overdue ones. "Overdue" is judged on the day
 * given (the operations' calendar day), never stored.
 */
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignments, controlInspections, locations, municipalities, operations } from '../db/schema.ts';
import { hiddenOperationIds } from '../planning/embargo.ts';
import type { SessionUser } from '../../domain/auth.ts';
import type { FollowUp } from '../../domain/views/planning.ts';

/** How far ahead the queue looks: a control due within this is planned with the coming operations. */
export const FOLLOW_UP_HORIZON_DAYS = 30;

function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Due controls up to the horizon, overdue first, then by day; at most `limit`. */
export async function followUpsDue(db: Db, today: string, limit = 100, reader?: SessionUser): Promise<FollowUp[]> {
	const rows = await db
		.select({
			id: controlInspections.id,
			dueOn: controlInspections.dueOn,
			violations: controlInspections.violations,
			sourceInspectionId: controlInspections.sourceInspectionId,
			venueId: locations.id,
			venueName: locations.name,
			nameSq: municipalities.nameSq,
			nameSr: municipalities.nameSr,
			nameEn: municipalities.nameEn,
			operationId: operations.id,
			operationTitle: operations.title,
			operationDate: operations.date
		})
		.from(controlInspections)
		.innerJoin(locations, eq(locations.id, controlInspections.locationId))
		.innerJoin(municipalities, eq(municipalities.id, locations.municipalityId))
		.leftJoin(assignments, and(eq(assignments.id, controlInspections.assignmentId), isNull(assignments.deletedAt)))
		.leftJoin(operations, eq(operations.id, assignments.operationId))
		.where(
			and(
				eq(controlInspections.status, 'due'),
				isNull(controlInspections.deletedAt),
				lte(controlInspections.dueOn, addDays(today, FOLLOW_UP_HORIZON_DAYS))
			)
		)
		.orderBy(asc(controlInspections.dueOn), asc(locations.name))
		.limit(limit);
	// A control planned on an operation under embargo shows as not planned to those not on its list.
	const hidden = reader
		? await hiddenOperationIds(
				db,
				reader,
				rows.flatMap((r) => (r.operationId ? [r.operationId] : []))
			)
		: new Set<string>();
	return rows.map((r) => ({
		id: r.id,
		dueOn: r.dueOn,
		overdue: r.dueOn < today,
		violationCount: r.violations.length,
		sourceInspectionId: r.sourceInspectionId,
		venue: { id: r.venueId, name: r.venueName, municipality: { sq: r.nameSq, sr: r.nameSr, en: r.nameEn } },
		planned:
			r.operationId && r.operationTitle && r.operationDate && !hidden.has(r.operationId)
				? { operationId: r.operationId, operationTitle: r.operationTitle, date: r.operationDate }
				: null
	}));
}

/** Each venue's earliest control still due (venue id → day): the ranked suggestions name them. */
export async function dueControlsAt(db: Db): Promise<Map<string, string>> {
	const rows = await db
		.select({ locationId: controlInspections.locationId, dueOn: sql<string>`min(${controlInspections.dueOn})` })
		.from(controlInspections)
		.where(and(eq(controlInspections.status, 'due'), isNull(controlInspections.deletedAt)))
		.groupBy(controlInspections.locationId);
	return new Map(rows.map((r) => [r.locationId, String(r.dueOn)]));
}

/** Overdue controls for supervisors: how many, and the oldest few to act on. */
export async function overdueControls(
	db: Db,
	today: string,
	limit = 20
): Promise<{ count: number; oldest: FollowUp[] }> {
	const [counted] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(controlInspections)
		.where(
			and(
				eq(controlInspections.status, 'due'),
				isNull(controlInspections.deletedAt),
				sql`${controlInspections.dueOn} < ${today}`
			)
		);
	const count = Number(counted?.count ?? 0);
	if (count === 0) return { count, oldest: [] };
	const oldest = (await followUpsDue(db, today, limit)).filter((f) => f.overdue);
	return { count, oldest };
}
